package io.inkwell.ratelimit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.redis.RedisGate;
import io.inkwell.common.redis.RedisScript;
import io.vertx.mutiny.redis.client.Response;

/** Counts charges in Redis, shared by all replicas; in this replica's memory while Redis is away. */
@ApplicationScoped
class RateLimiter {

    private static final RedisScript WINDOWS = RedisScript.load("/io/inkwell/ratelimit/windows.lua");

    private final RedisGate redis;
    private final LocalWindows local = new LocalWindows();

    RateLimiter(RedisGate redis) {
        this.redis = redis;
    }

    /** Counts one against every charge, or nothing if any limit is used up. */
    Decision consume(List<Charge> charges) {
        return apply(charges, false);
    }

    /** Gives back what {@link #consume} counted. */
    Decision refund(List<Charge> charges) {
        return apply(charges, true);
    }

    private Decision apply(List<Charge> charges, boolean refund) {
        List<String> keys = charges.stream().map(Charge::key).toList();
        List<String> args = new ArrayList<>();
        args.add(refund ? "refund" : "consume");
        for (Charge charge : charges) {
            args.add(Integer.toString(charge.limit().quota()));
            args.add(Long.toString(charge.limit().window().toMillis()));
        }
        return redis.call(refund ? "ratelimit.refund" : "ratelimit.consume",
                ds -> WINDOWS.run(ds, keys, args).map(answer -> decision(answer, charges)),
                () -> local.apply(charges, refund));
    }

    private static Decision decision(Response answer, List<Charge> charges) {
        long[] counts = new long[charges.size()];
        long[] ttls = new long[charges.size()];
        for (int i = 0; i < charges.size(); i++) {
            counts[i] = answer.get(1 + 2 * i).toLong();
            ttls[i] = answer.get(2 + 2 * i).toLong();
        }
        return Decision.of(answer.get(0).toInteger() == 1, charges, counts, ttls);
    }
}
