package io.inkwell.article;

import java.util.List;

import io.inkwell.tag.Tag;

/**
 * The tags of an article (the article_tags links), written with SQL: one statement links all of an
 * article's new tags, in tag id order. Each link carries the article's creation time, which the tag's
 * list reads its order from (V20), and triggers keep each tag's article count (V21).
 */
final class ArticleTags {

    private ArticleTags() {
    }

    /** Tags a new article; {@code names} are distinct and sorted. */
    static void link(Article article, List<String> names) {
        if (!names.isEmpty()) {
            Tag.ensureExist(names);
            insertLinks(article, names);
        }
    }

    /**
     * Makes {@code names} the article's tags, keeping the links that stay. The tags involved are locked
     * in id order first, as the count triggers lock them: concurrent edits of articles sharing tags
     * then wait for each other instead of deadlocking.
     */
    static void replace(Article article, List<String> names) {
        if (!names.isEmpty()) {
            Tag.ensureExist(names);
        }
        String named = names.isEmpty() ? "" : " OR name IN (:names)";
        var lock = Article.getEntityManager().createNativeQuery("SELECT id FROM tags WHERE id IN "
                + "(SELECT tag_id FROM article_tags WHERE article_id = :article)" + named + " ORDER BY id FOR NO KEY UPDATE")
                .setParameter("article", article.id);
        String kept = names.isEmpty() ? "" : " AND tag_id NOT IN (SELECT id FROM tags WHERE name IN (:names))";
        var unlink = Article.getEntityManager()
                .createNativeQuery("DELETE FROM article_tags WHERE article_id = :article" + kept)
                .setParameter("article", article.id);
        if (!names.isEmpty()) {
            lock.setParameter("names", names);
            unlink.setParameter("names", names);
        }
        lock.getResultList();
        unlink.executeUpdate();
        if (!names.isEmpty()) {
            insertLinks(article, names);
        }
    }

    /** The names of the article's tags: one indexed statement. */
    @SuppressWarnings("unchecked")
    static List<String> namesOf(Article article) {
        return Article.getEntityManager().createNativeQuery(
                "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = :article")
                .setParameter("article", article.id)
                .getResultList();
    }

    private static void insertLinks(Article article, List<String> names) {
        Article.getEntityManager().createNativeQuery("""
                INSERT INTO article_tags (article_id, tag_id, article_created_at)
                SELECT :article, id, :createdAt FROM tags WHERE name IN (:names) ORDER BY id
                ON CONFLICT DO NOTHING""")
                .setParameter("article", article.id)
                .setParameter("createdAt", article.createdAt)
                .setParameter("names", names)
                .executeUpdate();
    }
}
