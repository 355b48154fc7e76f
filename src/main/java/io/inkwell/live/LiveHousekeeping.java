package io.inkwell.live;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.inkwell.config.InkwellConfig;
import io.inkwell.config.LiveSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;

/**
 * Keeps the live side healthy: subscribes to the fan-out channel (again, after Redis dropped it),
 * and closes connections that stopped answering pings for {@code idle-timeout} or whose token expired.
 */
@ApplicationScoped
class LiveHousekeeping {

    private final LiveFanout fanout;
    private final LiveConnections connections;
    private final LiveSettings settings;
    private ScheduledExecutorService chores;

    LiveHousekeeping(LiveFanout fanout, LiveConnections connections, InkwellConfig config) {
        this.fanout = fanout;
        this.connections = connections;
        this.settings = config.live();
    }

    void start(@Observes StartupEvent startup) {
        fanout.ensureSubscribed();
        chores = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().name("inkwell-live-chores").daemon().unstarted(task));
        chores.scheduleWithFixedDelay(fanout::ensureSubscribed, 1, 1, TimeUnit.SECONDS);
        chores.scheduleWithFixedDelay(this::closeIdleAndExpired, 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (chores != null) {
            chores.shutdownNow();
        }
    }

    private void closeIdleAndExpired() {
        long idleLimit = System.nanoTime() - settings.idleTimeout().toNanos();
        Instant now = Instant.now();
        for (LiveConnections.Client client : connections.all()) {
            if (client.lastHeardNanos < idleLimit) {
                close(client, "idle: no message and no answer to pings");
            } else if (client.tokenExpiry != null && now.isAfter(client.tokenExpiry)) {
                close(client, "token expired; connect again with a fresh one");
            }
        }
    }

    private void close(LiveConnections.Client client, String reason) {
        connections.close(client.connection.id());
        client.connection.close(new CloseReason(LiveEndpoint.POLICY_VIOLATION, reason)).subscribe().with(ok -> {
        }, failure -> {
        });
    }
}
