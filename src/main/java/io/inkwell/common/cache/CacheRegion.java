package io.inkwell.common.cache;

import java.time.Duration;

/** A part of the shared cache: the name its keys carry, how long unused entries live, and whether it is on. */
public record CacheRegion(String name, Duration ttl, boolean enabled) {
}
