package io.inkwell.live;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.inkwell.common.security.Sessions;
import io.inkwell.config.InkwellConfig;
import io.inkwell.config.LiveSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;

/**
 * Keeps the live side healthy: subscribes to the fan-out channel (again, after Redis dropped it),
 * and closes connections that stopped answering pings for {@code idle-timeout}, whose token expired,
 * or whose session ended (checked every {@code session-check-interval}, as a request would be).
 */
@ApplicationScoped
class LiveHousekeeping {

    private static final Logger LOG = Logger.getLogger(LiveHousekeeping.class);

    private final LiveFanout fanout;
    private final LiveConnections connections;
    private final Sessions sessions;
    private final LiveSettings settings;
    private ScheduledExecutorService chores;

    LiveHousekeeping(LiveFanout fanout, LiveConnections connections, Sessions sessions, InkwellConfig config) {
        this.fanout = fanout;
        this.connections = connections;
        this.sessions = sessions;
        this.settings = config.live();
    }

    void start(@Observes StartupEvent startup) {
        fanout.ensureSubscribed();
        chores = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().name("inkwell-live-chores").daemon().unstarted(task));
        chores.scheduleWithFixedDelay(fanout::ensureSubscribed, 1, 1, TimeUnit.SECONDS);
        chores.scheduleWithFixedDelay(this::closeIdleAndExpired, 1, 1, TimeUnit.SECONDS);
        long recheck = settings.sessionCheckInterval().toMillis();
        chores.scheduleWithFixedDelay(this::closeEndedSessions, recheck, recheck, TimeUnit.MILLISECONDS);
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

    /**
     * A check that fails (Redis and PostgreSQL both away) keeps the connection: it carries nothing
     * the REST endpoints would refuse, and the next round decides.
     */
    private void closeEndedSessions() {
        for (LiveConnections.Client client : connections.all()) {
            try {
                if (client.token != null && !sessions.accepts(client.token)) {
                    close(client, "session ended; sign in again");
                }
            } catch (RuntimeException e) {
                LOG.debugf("Live session check skipped this round: %s", e);
                return;
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
