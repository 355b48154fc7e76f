package io.inkwell.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** For tests of the database path itself (statement counts): the shared cache switched off. */
public class Uncached implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("inkwell.cache.enabled", "false");
    }
}
