package io.inkwell.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.redis.RedisKeys;
import io.inkwell.config.InkwellConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.smallrye.mutiny.Uni;

/**
 * The Redis stream that carries events to the consumer groups. Entries hold only the event's id and
 * type: PostgreSQL keeps the payload, and with it the only record that matters.
 */
@ApplicationScoped
class EventStream {

    static final String KEY = RedisKeys.key("events", "stream");

    record Entry(long eventId, String type) {
    }

    /** An entry as a consumer receives it; {@code entry} is null for one trimmed meanwhile. */
    record Message(String streamId, Entry entry) {
    }

    enum State { OK, GROUP_MISSING, UNAVAILABLE }

    record Batch(State state, List<Message> messages) {
        static final Batch MISSING = new Batch(State.GROUP_MISSING, List.of());
        static final Batch UNAVAILABLE = new Batch(State.UNAVAILABLE, List.of());
    }

    private final EventRedis redis;
    private final long maxLength;
    private final long ttlSeconds;

    EventStream(EventRedis redis, InkwellConfig config) {
        this.redis = redis;
        this.maxLength = config.events().streamMaxLength();
        // Every Inkwell key has a TTL; an idle stream expires with its groups, which are then recreated.
        this.ttlSeconds = config.events().retention().toSeconds();
    }

    /** @return whether every entry was added (some may have been, then; consumers absorb repeats) */
    boolean add(List<Entry> entries) {
        return redis.call("events.add", ds -> {
            XAddArgs trim = new XAddArgs().maxlen(maxLength).nearlyExactTrimming();
            List<Uni<String>> adds = new ArrayList<>();
            for (Entry entry : entries) {
                adds.add(ds.stream(String.class).xadd(KEY, trim,
                        Map.of("id", Long.toString(entry.eventId()), "type", entry.type())));
            }
            return Uni.join().all(adds).andFailFast()
                    .chain(added -> ds.key(String.class).expire(KEY, ttlSeconds))
                    .replaceWith(true);
        }, () -> false);
    }

    Batch readNew(String group, String consumer, int count) {
        return batch("events.read", ds -> ds.stream(String.class).xreadgroup(group, consumer, KEY, ">",
                new XReadGroupArgs().count(count)));
    }

    /** Entries another consumer (or this one, whose acknowledgement failed) left unacknowledged for {@code idle}. */
    Batch claimIdle(String group, String consumer, Duration idle, int count) {
        return batch("events.claim", ds -> ds.stream(String.class)
                .xautoclaim(KEY, group, consumer, idle, "0-0", count)
                .map(claimed -> claimed.getMessages()));
    }

    void ack(String group, String streamId) {
        redis.call("events.ack", ds -> ds.stream(String.class).xack(KEY, group, streamId), () -> 0);
    }

    enum GroupState { CREATED, EXISTED, UNAVAILABLE }

    /**
     * Creates the group (and the stream) if missing, reading from the start so that nothing added
     * meanwhile is skipped. CREATED after the first start means Redis lost the group's entries.
     */
    GroupState createGroup(String group) {
        return redis.call("events.group", ds -> ds.stream(String.class)
                .xgroupCreate(KEY, group, "0", new XGroupCreateArgs().mkstream())
                .replaceWith(GroupState.CREATED)
                .onFailure(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP")).recoverWithItem(GroupState.EXISTED),
                () -> GroupState.UNAVAILABLE);
    }

    /** What a group has yet to read (age of the oldest such entry) and has read without acknowledging. */
    record GroupStats(Duration lag, long pending) {
    }

    java.util.Optional<GroupStats> stats(String group) {
        return redis.call("events.stats", ds -> ds.execute("XINFO", "GROUPS", KEY).chain(groups -> {
            for (io.vertx.mutiny.redis.client.Response info : groups) {
                if (group.equals(field(info, "name"))) {
                    long pending = Long.parseLong(field(info, "pending"));
                    return ds.execute("XRANGE", KEY, "(" + field(info, "last-delivered-id"), "+", "COUNT", "1")
                            .map(next -> java.util.Optional.of(new GroupStats(ageOf(next), pending)));
                }
            }
            return Uni.createFrom().item(java.util.Optional.<GroupStats>empty());
        }), java.util.Optional::empty);
    }

    /** A field of an XINFO reply, whether Redis answered in RESP3 (a map) or RESP2 (name, value, ...). */
    private static String field(io.vertx.mutiny.redis.client.Response info, String name) {
        if (info.type() == io.vertx.redis.client.ResponseType.MULTI && !info.getKeys().isEmpty()) {
            return info.get(name) == null ? null : info.get(name).toString();
        }
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if (name.equals(info.get(i).toString())) {
                return info.get(i + 1) == null ? null : info.get(i + 1).toString();
            }
        }
        return null;
    }

    private static Duration ageOf(io.vertx.mutiny.redis.client.Response range) {
        if (range == null || range.size() == 0) {
            return Duration.ZERO;
        }
        String id = range.get(0).get(0).toString();
        long millis = Long.parseLong(id.substring(0, id.indexOf('-')));
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - millis));
    }

    private Batch batch(String operation,
            java.util.function.Function<ReactiveRedisDataSource, Uni<List<StreamMessage<String, String, String>>>> read) {
        return redis.call(operation, ds -> read.apply(ds)
                .map(messages -> new Batch(State.OK, messages.stream().map(EventStream::message).toList()))
                .onFailure(e -> String.valueOf(e.getMessage()).startsWith("NOGROUP")).recoverWithItem(Batch.MISSING),
                () -> Batch.UNAVAILABLE);
    }

    private static Message message(StreamMessage<String, String, String> message) {
        Map<String, String> fields = message.payload();
        if (fields == null || fields.get("id") == null) {
            return new Message(message.id(), null);
        }
        return new Message(message.id(), new Entry(Long.parseLong(fields.get("id")), fields.get("type")));
    }
}
