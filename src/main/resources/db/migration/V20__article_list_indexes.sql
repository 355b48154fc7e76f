-- Every article list is newest first, ties by id: (created_at DESC, id DESC). The global list and an
-- author's list read that order from articles' own indexes (V2). A tag's list and a user's favorites
-- get the article's creation time copied next to the link, so that they too read their first page, or
-- the page after a cursor, straight from one index instead of sorting all of a popular tag's articles.
-- An article's creation time never changes, so the copies cannot go stale.

ALTER TABLE article_tags ADD COLUMN article_created_at TIMESTAMPTZ;
UPDATE article_tags x SET article_created_at = a.created_at FROM articles a WHERE a.id = x.article_id;
ALTER TABLE article_tags ALTER COLUMN article_created_at SET NOT NULL;
CREATE INDEX article_tags_tag_created_idx ON article_tags (tag_id, article_created_at DESC, article_id DESC);
DROP INDEX article_tags_tag_idx;

ALTER TABLE favorites ADD COLUMN article_created_at TIMESTAMPTZ;
UPDATE favorites f SET article_created_at = a.created_at FROM articles a WHERE a.id = f.article_id;
ALTER TABLE favorites ALTER COLUMN article_created_at SET NOT NULL;
CREATE INDEX favorites_user_created_idx ON favorites (user_id, article_created_at DESC, article_id DESC);

-- Inserts that leave the copy out (any writer but the service, which sets it) get it filled in.
CREATE FUNCTION copy_article_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.article_created_at IS NULL THEN
        SELECT created_at INTO NEW.article_created_at FROM articles WHERE id = NEW.article_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_copy_created_at BEFORE INSERT ON article_tags
    FOR EACH ROW EXECUTE FUNCTION copy_article_created_at();
CREATE TRIGGER favorites_copy_created_at BEFORE INSERT ON favorites
    FOR EACH ROW EXECUTE FUNCTION copy_article_created_at();
