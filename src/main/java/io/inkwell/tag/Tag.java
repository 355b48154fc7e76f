package io.inkwell.tag;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "tags")
public class Tag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    /**
     * The tags with these names, creating the missing ones. Inserts tolerate conflicts, so two
     * articles introducing the same new tag at the same moment both succeed. Names are inserted in
     * sorted order: a conflicting insert waits for the other transaction, so two transactions
     * inserting the same new tags in different orders would each wait for the other (deadlock).
     */
    public static List<Tag> resolve(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        for (String name : names.stream().distinct().sorted().toList()) {
            getEntityManager()
                    .createNativeQuery("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")
                    .setParameter(1, name)
                    .executeUpdate();
        }
        return list("name in ?1", names);
    }

    /** Names of the {@code limit} most used tags, most used first. */
    public static List<String> popularNames(int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
                        GROUP BY t.id, t.name ORDER BY count(*) DESC, t.name LIMIT ?1""", String.class)
                .setParameter(1, limit)
                .getResultList();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Tag tag && id != null && id.equals(tag.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
