package io.inkwell.common.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
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
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || isAcquisitionTimeout(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
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
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (isAcquisitionTimeout(cause) || cause instanceof ConnectException
                    || cause.getClass().getName().startsWith("jakarta.transaction.")) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
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
