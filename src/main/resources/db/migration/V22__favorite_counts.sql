-- favoritesCount read in O(1) instead of counting an article's favorites on every read: a popular
-- article has thousands, and a list page shows twenty articles. The count is kept by a trigger in
-- the transaction that adds or removes the favorites, so it cannot drift from them. It lives beside
-- the article rather than in it, so that a favorite rewrites a narrow row, not the article's.

CREATE TABLE article_stats (
    article_id      BIGINT  PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    favorites_count INTEGER NOT NULL
);

INSERT INTO article_stats (article_id, favorites_count)
SELECT article_id, count(*) FROM favorites GROUP BY article_id;

-- Once per statement; rows are counted in article id order, so that statements touching several
-- articles lock their counts in one order. Articles deleted in this transaction (favorites removed
-- by the cascade) are skipped: their counts go with them.
CREATE FUNCTION count_favorites() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_stats AS s (article_id, favorites_count)
    SELECT c.article_id, TG_ARGV[0]::int * count(*)
    FROM changed c
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)
    GROUP BY c.article_id
    ORDER BY c.article_id
    ON CONFLICT (article_id) DO UPDATE SET favorites_count = s.favorites_count + excluded.favorites_count;
    RETURN NULL;
END
$$;

CREATE TRIGGER favorites_count_added AFTER INSERT ON favorites
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_favorites('1');
CREATE TRIGGER favorites_count_removed AFTER DELETE ON favorites
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_favorites('-1');
