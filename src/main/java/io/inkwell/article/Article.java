package io.inkwell.article;

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

import io.inkwell.common.persistence.TimestampedEntity;
import io.inkwell.user.User;

@Entity
@Table(name = "articles")
public class Article extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String body;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public User author;

    public static Optional<Article> findBySlug(String slug) {
        return find("from Article a join fetch a.author where a.slug = ?1", slug).firstResultOptional();
    }

    static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    boolean isAuthoredBy(long userId) {
        return author.id == userId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Article article && id != null && id.equals(article.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
