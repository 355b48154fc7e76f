package io.inkwell.common.persistence;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalPoolInterceptor;
import io.inkwell.config.InkwellConfig;

/**
 * Whether PostgreSQL is currently away, as seen by requests: the first failing request of an outage
 * logs one WARN (later ones log nothing), and the pool's next new connection ends the outage with one
 * INFO. Registered with the Agroal pool as an interceptor, which is how it sees new connections.
 */
@ApplicationScoped
public class DatabaseOutage implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final String retryAfterSeconds;

    @Inject
    DatabaseOutage(InkwellConfig config) {
        this(config.database().retryAfter());
    }

    public DatabaseOutage(Duration retryAfter) {
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    /** What a 503 answered during an outage says in {@code Retry-After}: whole seconds, at least 1. */
    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Notes a request that failed because PostgreSQL could not be reached. */
    public void noticed(Throwable failure) {
        if (down.compareAndSet(false, true)) {
            LOG.warnf("PostgreSQL unreachable (%s): requests that need it get 503 with Retry-After until it answers",
                    rootOf(failure));
        } else {
            LOG.debugf("PostgreSQL still unreachable: %s", rootOf(failure));
        }
    }

    public boolean down() {
        return down.get();
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (down.compareAndSet(true, false)) {
            LOG.info("PostgreSQL answers again");
        }
    }

    /** The innermost cause's class and message: connection errors name host and port, never bound values. */
    private static String rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
