-- articlesCount without counting a million rows per request (README, "Performance"): the two lists that
-- can match most of the articles keep their totals up to date, in the transaction of the write, so the
-- totals are exact. The unfiltered list reads article_totals; a tag's list, and the tag cloud's order,
-- read tags.articles_count. Lists filtered by author, favoriting user or feed are counted exactly from
-- their indexes, as each covers one user's share of the articles.

CREATE TABLE article_totals (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    articles  BIGINT  NOT NULL
);
INSERT INTO article_totals (articles) SELECT count(*) FROM articles;

-- Counted at commit: the one row is then locked for the commit only, and always after any tag row,
-- so writers of articles neither queue behind each other for long nor deadlock.
CREATE FUNCTION count_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_totals SET articles = articles + CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER articles_count AFTER INSERT OR DELETE ON articles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_articles();

ALTER TABLE tags ADD COLUMN articles_count INTEGER NOT NULL DEFAULT 0;
UPDATE tags t SET articles_count = c.uses
FROM (SELECT tag_id, count(*) AS uses FROM article_tags GROUP BY tag_id) c WHERE c.tag_id = t.id;
CREATE INDEX tags_in_use_idx ON tags (articles_count DESC, name) WHERE articles_count > 0;

-- Once per statement, however many links it writes. The tags are locked in id order first: two
-- transactions touching the same tags then always take them in the same order and cannot deadlock.
CREATE FUNCTION count_tag_uses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM tags WHERE id IN (SELECT tag_id FROM changed) ORDER BY id FOR NO KEY UPDATE;
    UPDATE tags t SET articles_count = t.articles_count + TG_ARGV[0]::int * c.uses
    FROM (SELECT tag_id, count(*) AS uses FROM changed GROUP BY tag_id) c WHERE c.tag_id = t.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_tags_count_added AFTER INSERT ON article_tags
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_tag_uses('1');
CREATE TRIGGER article_tags_count_removed AFTER DELETE ON article_tags
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_tag_uses('-1');
