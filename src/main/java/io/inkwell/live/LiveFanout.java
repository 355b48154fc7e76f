package io.inkwell.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.common.redis.RedisKeys;
import io.inkwell.event.EventRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Cross-replica fan-out over one Redis pub/sub channel: whichever replica learns of a comment or a
 * notification publishes it once, every replica receives it and hands it to its own connections.
 * Messages are queued and published by one thread, as many as are waiting in one PUBLISH: a burst of
 * writes costs a few Redis round trips, not one each, and order is kept.
 * Pub/sub keeps nothing for a replica that is not listening: a client catches up through the REST
 * endpoints after reconnecting. The subscription is renewed whenever Redis drops it.
 */
@ApplicationScoped
class LiveFanout {

    private static final Logger LOG = Logger.getLogger(LiveFanout.class);
    static final String CHANNEL = RedisKeys.key("live", "fanout");

    private enum State { IDLE, SUBSCRIBING, SUBSCRIBED }

    private final ReactiveRedisDataSource redis;
    private final EventRedis calls;
    private final LiveConnections connections;
    private final Jdbc jdbc;
    private final Counter sent;
    private final Counter dropped;
    private final Counter subscriptions;
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final int OUTGOING_LIMIT = 10_000;
    private static final int BATCH = 200;

    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private final String replica = UUID.randomUUID().toString();
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    private volatile long heartbeatSentNanos;
    private volatile long heartbeatHeardNanos;
    // One thread: messages reach each connection in the order they were published.
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("inkwell-live-delivery").daemon().unstarted(task));
    private final BlockingQueue<JsonObject> outgoing = new ArrayBlockingQueue<>(OUTGOING_LIMIT);
    private final Thread publisher = Thread.ofPlatform().name("inkwell-live-publish").daemon().unstarted(this::publishQueued);

    LiveFanout(ReactiveRedisDataSource redis, EventRedis calls, LiveConnections connections, Jdbc jdbc, MeterRegistry registry) {
        this.redis = redis;
        this.calls = calls;
        this.connections = connections;
        this.jdbc = jdbc;
        this.sent = Counter.builder("inkwell.live.messages.sent").description("Messages sent to WebSocket clients").register(registry);
        this.dropped = Counter.builder("inkwell.live.messages.dropped")
                .description("Live messages not published: Redis did not take them, or too many were waiting").register(registry);
        this.subscriptions = Counter.builder("inkwell.live.subscriptions")
                .description("Redis subscriptions made for live fan-out: one at start, one after each loss").register(registry);
        publisher.start();
    }

    @PreDestroy
    void stop() {
        publisher.interrupt();
    }

    /** To the clients following an article; {@code textFollowing} for those who follow {@code authorId}. */
    void toArticle(long articleId, long authorId, String text, String textFollowing) {
        enqueue(new JsonObject().put("articleId", articleId).put("authorId", authorId).put("text", text)
                .put("textFollowing", textFollowing));
    }

    void toUser(long userId, String text) {
        enqueue(new JsonObject().put("userId", userId).put("text", text));
    }

    /**
     * Subscribes if not subscribed (at start, and again after Redis dropped the subscription). A
     * subscription that no longer hears its own heartbeat (a silently broken connection) is replaced.
     */
    void ensureSubscribed() {
        if (state.get() == State.SUBSCRIBED) {
            checkHeartbeat();
        }
        if (!state.compareAndSet(State.IDLE, State.SUBSCRIBING)) {
            return;
        }
        redis.pubsub(String.class)
                .subscribe(List.of(CHANNEL), message -> delivery.execute(() -> deliver(message)),
                        () -> lost(null), this::lost)
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .subscribe().with(subscriber -> {
                    this.subscriber = subscriber;
                    heartbeatSentNanos = 0;
                    state.set(State.SUBSCRIBED);
                    subscriptions.increment();
                }, this::lost);
    }

    private void checkHeartbeat() {
        long now = System.nanoTime();
        if (heartbeatSentNanos != 0 && heartbeatHeardNanos < heartbeatSentNanos && now - heartbeatSentNanos > HEARTBEAT.toNanos()) {
            ReactivePubSubCommands.ReactiveRedisSubscriber stale = subscriber;
            lost(new IllegalStateException("own heartbeat not heard back"));
            if (stale != null) {
                stale.unsubscribe().subscribe().with(ok -> {
                }, failure -> {
                });
            }
        } else if (now - heartbeatSentNanos > HEARTBEAT.toNanos()) {
            heartbeatSentNanos = now;
            publish(new JsonObject().put("heartbeat", replica)); // direct: a queue behind it must not look like a lost subscription
        }
    }

    boolean subscribed() {
        return state.get() == State.SUBSCRIBED;
    }

    private void lost(Throwable failure) {
        if (state.getAndSet(State.IDLE) == State.SUBSCRIBED) {
            LOG.infof("Live updates lost their Redis subscription (%s); subscribing again", failure == null ? "closed" : failure);
        }
    }

    /** Never blocks the caller: a message that finds {@link #OUTGOING_LIMIT} waiting is dropped and counted. */
    private void enqueue(JsonObject envelope) {
        if (!outgoing.offer(envelope)) {
            dropped.increment();
        }
    }

    private void publishQueued() {
        List<JsonObject> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(outgoing.take());
            } catch (InterruptedException e) {
                return;
            }
            outgoing.drainTo(batch, BATCH - 1);
            if (!publish(new JsonObject().put("batch", new JsonArray(new ArrayList<>(batch))))) {
                dropped.increment(batch.size());
            }
            batch.clear();
        }
    }

    private boolean publish(JsonObject envelope) {
        return calls.call("live.publish",
                ds -> ds.pubsub(String.class).publish(CHANNEL, envelope.encode()).replaceWith(true), () -> false);
    }

    private void deliver(String message) {
        try {
            JsonObject envelope = new JsonObject(message);
            JsonArray batch = envelope.getJsonArray("batch");
            if (batch == null) {
                deliverOne(envelope);
            } else {
                for (int i = 0; i < batch.size(); i++) {
                    deliverOne(batch.getJsonObject(i));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "A live message could not be delivered");
        }
    }

    private void deliverOne(JsonObject envelope) {
        try {
            if (envelope.containsKey("heartbeat")) {
                if (replica.equals(envelope.getString("heartbeat"))) {
                    heartbeatHeardNanos = System.nanoTime();
                }
            } else if (envelope.containsKey("userId")) {
                send(connections.ofUser(envelope.getLong("userId")), envelope.getString("text"), null, Set.of());
            } else {
                Collection<LiveConnections.Client> clients = connections.followingArticle(envelope.getLong("articleId"));
                send(clients, envelope.getString("text"), envelope.getString("textFollowing"),
                        followersAmong(envelope.getLong("authorId"), clients));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "A live message could not be delivered");
        }
    }

    private void send(Collection<LiveConnections.Client> clients, String text, String textFollowing, Set<Long> followers) {
        for (LiveConnections.Client client : clients) {
            String chosen = client.userId != null && followers.contains(client.userId) ? textFollowing : text;
            client.connection.sendText(chosen).subscribe().with(ok -> sent.increment(),
                    failure -> LOG.debugf("Live message not sent to %s: %s", client.connection.id(), failure));
        }
    }

    /** Which signed-in clients follow the comment's author: their copy says "following": true. */
    private Set<Long> followersAmong(long authorId, Collection<LiveConnections.Client> clients) {
        Long[] viewers = clients.stream().map(c -> c.userId).filter(id -> id != null).distinct().toArray(Long[]::new);
        if (viewers.length == 0) {
            return Set.of();
        }
        return jdbc.query("SELECT follower_id FROM follows WHERE followed_id = ? AND follower_id = ANY(?)",
                List.of(authorId, viewers), rows -> {
                    Set<Long> followers = new java.util.HashSet<>();
                    while (rows.next()) {
                        followers.add(rows.getLong(1));
                    }
                    return followers;
                });
    }
}
