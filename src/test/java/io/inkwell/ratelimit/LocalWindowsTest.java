package io.inkwell.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.error.ApiException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The in-memory fallback answers exactly as the Redis script does, so a replica without Redis
 * enforces the same limits (counting on its own); and the mail limit waits for the mail feature.
 */
@QuarkusTest
class LocalWindowsTest {

    @Inject
    RateLimiter redis;

    @Inject
    RateLimits limits;

    @Test
    void shouldDecideAsTheRedisScriptDoes() {
        Limit tight = new Limit("test-tight", 3, Duration.ofMinutes(5));
        Limit loose = new Limit("test-loose", 5, Duration.ofMinutes(5));
        LocalWindows local = new LocalWindows();
        String subject = UUID.randomUUID().toString();
        List<Charge> both = List.of(new Charge(tight, subject), new Charge(loose, subject));
        List<Charge> looseOnly = List.of(new Charge(loose, subject));

        List<Function<Object, Decision>> redisSteps = steps(redis::consume, redis::refund, both, looseOnly);
        List<Function<Object, Decision>> localSteps = steps(c -> local.apply(c, false), c -> local.apply(c, true), both, looseOnly);

        for (int i = 0; i < redisSteps.size(); i++) {
            Decision fromRedis = redisSteps.get(i).apply(null);
            Decision fromMemory = localSteps.get(i).apply(null);
            assertThat(fromMemory.allowed()).as("step %d allowed", i).isEqualTo(fromRedis.allowed());
            assertThat(fromMemory.usages()).extracting(Decision.Usage::remaining).as("step %d remaining", i)
                    .isEqualTo(fromRedis.usages().stream().map(Decision.Usage::remaining).toList());
            assertThat(fromMemory.stateHeader().replaceAll("t=\\d+", "t"))
                    .isEqualTo(fromRedis.stateHeader().replaceAll("t=\\d+", "t"));
        }
    }

    @Test
    void shouldOpenANewWindowOnceTheOldOnePassed() throws InterruptedException {
        Limit brief = new Limit("test-brief", 1, Duration.ofMillis(200));
        LocalWindows local = new LocalWindows();
        List<Charge> charge = List.of(new Charge(brief, "x"));

        assertThat(local.apply(charge, false).allowed()).isTrue();
        assertThat(local.apply(charge, false).allowed()).isFalse();
        Thread.sleep(250); // the window itself is what is tested
        assertThat(local.apply(charge, false).allowed()).isTrue();
    }

    @Test
    void shouldAllowThreeMailsAnHourPerAccount() {
        String account = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            limits.mail(account);
        }
        try {
            limits.mail(account.toUpperCase());
            throw new AssertionError("a fourth mail was allowed");
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(429);
        }
    }

    private static List<Function<Object, Decision>> steps(Function<List<Charge>, Decision> consume,
            Function<List<Charge>, Decision> refund, List<Charge> both, List<Charge> looseOnly) {
        return List.of(
                x -> consume.apply(both), x -> consume.apply(both), x -> refund.apply(both),
                x -> consume.apply(both), x -> consume.apply(both), x -> consume.apply(both),
                x -> consume.apply(looseOnly), x -> consume.apply(looseOnly), x -> consume.apply(looseOnly),
                x -> refund.apply(looseOnly), x -> consume.apply(both), x -> consume.apply(looseOnly));
    }
}
