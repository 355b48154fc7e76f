package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** {@code inkwell.live.*}: the WebSocket at /api/live (see io.inkwell.live). */
public interface LiveSettings {

    /** Open connections one signed-in user may hold on one replica. */
    @WithDefault("5")
    int maxConnectionsPerUser();

    /** Open anonymous connections one replica accepts in all. */
    @WithDefault("1000")
    int maxAnonymousConnections();

    /** Articles one connection may follow at once. */
    @WithDefault("50")
    int maxSubscriptions();

    /** A connection from which nothing (no message, no answer to a ping) arrived for this long is closed. */
    @WithDefault("90s")
    Duration idleTimeout();

    /**
     * How often a signed-in connection's token is checked again: a connection whose session ended
     * (logout, password reset, theft detection) is closed within this time.
     */
    @WithDefault("10s")
    Duration sessionCheckInterval();
}
