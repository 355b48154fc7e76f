package io.inkwell.comment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.inkwell.article.Article;
import io.inkwell.common.persistence.TimestampedEntity;
import io.inkwell.user.User;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Entity
@Table(name = "comments")
public class Comment extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public User author;

    @Column(nullable = false)
    public String body;

    /** Comments on the article a slug names (no row when there is none), answered with the author's profile. */
    static final String ADD = """
            WITH added AS (INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                           SELECT id, ?, ?, ?, ? FROM articles WHERE slug = ?
                           RETURNING id, author_id, body, article_id)
            SELECT c.id, c.body, u.username, u.bio, u.image, c.article_id FROM added c JOIN users u ON u.id = c.author_id""";

    /** Oldest first, as a conversation reads; up to {@code limit + 1}, so the caller sees whether more follow. */
    static List<Comment> pageFor(Article article, CommentPage page) {
        String query = "from Comment c join fetch c.author where c.article = ?1";
        PanacheQuery<Comment> comments = page.after() == null
                ? find(query + " order by c.createdAt, c.id", article)
                : find(query + " and (c.createdAt > ?2 or (c.createdAt = ?2 and c.id > ?3)) order by c.createdAt, c.id",
                        article, page.after().createdAt(), page.after().id());
        return comments.range(0, page.limit()).list();
    }

    static Optional<Comment> findOn(Article article, long id) {
        return find("from Comment c join fetch c.author where c.article = ?1 and c.id = ?2", article, id)
                .firstResultOptional();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Comment comment && id != null && id.equals(comment.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
