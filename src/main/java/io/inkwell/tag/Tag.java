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
     * Creates the tags among {@code names} that do not exist yet, in one statement. Inserts tolerate
     * conflicts, so two articles introducing the same new tag at the same moment both succeed. Names
     * are inserted in sorted order: a conflicting insert waits for the other transaction, so two
     * transactions inserting the same new tags in different orders would each wait for the other.
     */
    public static void ensureExist(Collection<String> names) {
        List<String> sorted = names.stream().distinct().sorted().toList();
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= sorted.size(); i++) {
            values.append(i == 1 ? "(?" : ", (?").append(i).append(')');
        }
        var insert = getEntityManager().createNativeQuery("INSERT INTO tags (name) VALUES " + values
                + " ON CONFLICT (name) DO NOTHING");
        for (int i = 0; i < sorted.size(); i++) {
            insert.setParameter(i + 1, sorted.get(i));
        }
        insert.executeUpdate();
    }

    /** Names of the {@code limit} most used tags, most used first: read from the counts triggers keep (V21) and their index. */
    public static List<String> popularNames(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT name FROM tags WHERE articles_count > 0 ORDER BY articles_count DESC, name LIMIT ?1",
                        String.class)
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
