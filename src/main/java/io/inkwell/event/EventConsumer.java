package io.inkwell.event;

import java.util.Set;

/**
 * A consumer of domain events: a bean in a business package (mail, notifications). Live updates are
 * not one: they are best effort and leave at the commit (io.inkwell.live.LiveComments).
 * Every replica runs each consumer as a member of the Redis consumer group named {@link #name()};
 * each event reaches one replica, and an event is handled for good at most once per consumer.
 *
 * <p>{@link #handle} runs in a transaction together with the record that the event was handled:
 * when it throws, nothing it wrote through that transaction stays, and the event is retried later
 * with exponential backoff (then dead-lettered). Effects outside the database (a mail, a message to
 * Redis) can repeat if the process dies after them and before the commit; make those recognisable.
 */
public interface EventConsumer {

    /** Consumer group and bookkeeping key; never rename one that has been deployed. */
    String name();

    /** The event types this consumer handles; others are acknowledged without a look. */
    Set<String> types();

    void handle(StoredEvent event) throws Exception;
}
