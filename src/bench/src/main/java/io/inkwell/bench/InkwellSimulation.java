package io.inkwell.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * One Gatling run of one scenario ({@link Benchmark} runs them one after the other), the first run
 * preceded by a warm-up over the realistic mix: {@code bench.users} virtual users loop for
 * {@code bench.seconds} on kept-alive connections (a closed model, as the measurements used 32
 * connections).
 */
public class InkwellSimulation extends Simulation {

    /** Set by {@link Benchmark} before Gatling instantiates this class in the same JVM. */
    static volatile BenchSettings settings;
    static volatile String target;
    /** The scenario of this run, and whether the warm-up precedes it (the first run only). */
    static volatile String only;
    static volatile boolean warmUp;

    public InkwellSimulation() {
        Fixture fixture = Fixture.current;
        Map<String, ChainBuilder> chains = Scenarios.all(fixture);
        List<PopulationBuilder> phases = new ArrayList<>();
        if (warmUp && !settings.warmup().isZero()) {
            phases.add(population("warm-up", group("warm-up").on(chains.get("mix")), settings.warmup().toSeconds()));
        }
        for (Map.Entry<String, ChainBuilder> chain : chains.entrySet()) {
            if (chain.getKey().equals(only)) {
                ChainBuilder body = chain.getKey().equals("mix") ? group("mix").on(chain.getValue()) : chain.getValue();
                phases.add(population(chain.getKey(), body, settings.seconds().toSeconds()));
            }
        }
        PopulationBuilder sequence = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            sequence = phases.get(i).andThen(sequence);
        }
        setUp(sequence).protocols(http.baseUrl(target)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableCaching());
    }

    private static PopulationBuilder population(String name, ChainBuilder chain, long seconds) {
        return scenario(name).exec(session -> session.set("phase", name))
                .during(seconds).on(chain).injectOpen(atOnceUsers(settings.users()));
    }
}
