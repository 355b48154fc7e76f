package io.inkwell.profile;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which of some users a viewer follows, by username, in one query: the per-viewer part of answers
 * whose shared part (profiles, authors) comes from the shared cache.
 */
@ApplicationScoped
public class Following {

    /** The usernames among {@code usernames} that {@code viewerId} follows, spelled as given. */
    public Set<String> among(long viewerId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        List<String> lowered = usernames.stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> followed = Follow.getEntityManager().createQuery("""
                select u.username from Follow f, User u
                where f.followerId = :viewer and f.followedId = u.id and lower(u.username) in :names""", String.class)
                .setParameter("viewer", viewerId)
                .setParameter("names", lowered)
                .getResultList();
        Set<String> result = new HashSet<>(usernames);
        result.retainAll(followed);
        return result;
    }
}
