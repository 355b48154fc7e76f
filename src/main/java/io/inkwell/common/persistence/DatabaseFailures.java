package io.inkwell.common.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells failures of the database itself (unreachable, restarting, the pool out of connections) from
 * failures of a request: the former are worth retrying later, so they are answered 503, not 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether {@code e} means PostgreSQL could not be reached, or a connection to it broke. */
    public static boolean unreachable(Throwable e) {
        for (Throwable cause : chainOf(e)) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || isAcquisitionTimeout(cause)
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is a connection that broke under a statement (SQLSTATE class 08, say
     * PostgreSQL restarted), rather than one that could not be had at all: only the former is worth
     * one immediate retry on a fresh connection. A failure while committing is never one: the
     * transaction may have committed, and doing the work again could do it twice.
     */
    public static boolean brokenConnection(Throwable e) {
        if (!unreachable(e)) {
            return false;
        }
        for (Throwable cause : chainOf(e)) {
            if (isAcquisitionTimeout(cause) || cause instanceof ConnectException
                    || cause.getClass().getName().startsWith("jakarta.transaction.")) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code e}, its causes and what they suppressed: Narayana reports why a commit failed as an
     * exception suppressed by its RollbackException, not as its cause.
     */
    private static List<Throwable> chainOf(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(e);
        while (!pending.isEmpty() && chain.size() < 50) {
            Throwable next = pending.poll();
            if (next != null && seen.add(next)) {
                chain.add(next);
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return chain;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down, cannot connect now). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** Agroal gives up waiting for a connection with a plain SQLException and these words. */
    private static boolean isAcquisitionTimeout(Throwable cause) {
        String message = cause.getMessage();
        return cause instanceof TimeoutException
                || cause instanceof SQLException && message != null && message.toLowerCase().contains("acquisition timeout");
    }
}
