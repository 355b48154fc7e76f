package io.inkwell.common.cache;

import java.util.Collection;
import java.util.Set;

import io.inkwell.common.change.Topic;

/** A value just read from the database, and the topics whose change would make it stale. */
public record Fresh<T>(T value, Set<Topic> topics) {

    public static <T> Fresh<T> of(T value, Collection<Topic> topics) {
        return new Fresh<>(value, Set.copyOf(topics));
    }
}
