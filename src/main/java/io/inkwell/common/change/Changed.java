package io.inkwell.common.change;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * What a write made stale, said once next to the write: each write method fires one of these in
 * its transaction, and observers act on it after the commit
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}): the shared cache invalidates, live
 * updates push. A rolled-back write fires nothing.
 */
public record Changed(Set<Topic> topics) {

    public Changed {
        topics = Set.copyOf(topics);
    }

    public static Changed of(Topic... topics) {
        return new Changed(Set.copyOf(Arrays.asList(topics)));
    }

    public static Changed of(Collection<Topic> topics) {
        return new Changed(Set.copyOf(topics));
    }
}
