package io.inkwell.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are an outage (503), and which of those one immediate retry may fix. */
class DatabaseFailuresTest {

    private static final SQLException BROKEN = new SQLException("An I/O error occurred while sending to the backend.", "08006");

    @Test
    void shouldRetryAStatementWhoseConnectionBroke() {
        JDBCConnectionException broken = new JDBCConnectionException("could not execute statement", BROKEN);

        assertThat(DatabaseFailures.unreachable(broken)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(broken)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void shouldNotRetryWhenNoConnectionCouldBeHad() {
        SQLException timeout = new SQLException("Sorry, acquisition timeout!");
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("refused"));

        assertThat(DatabaseFailures.unreachable(timeout)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(timeout)).isFalse();
        assertThat(DatabaseFailures.unreachable(refused)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(refused)).isFalse();
    }

    @Test
    void shouldNeverRetryAFailedCommitWhoseWriteMayHaveHappened() {
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(BROKEN);
        PersistenceException wrapped = new PersistenceException(commit);

        assertThat(DatabaseFailures.unreachable(wrapped)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(wrapped)).isFalse();
    }

    @Test
    void shouldLeaveOtherDatabaseErrorsAlone() {
        SQLException duplicate = new SQLException("duplicate key", "23505");

        assertThat(DatabaseFailures.unreachable(duplicate)).isFalse();
        assertThat(DatabaseFailures.brokenConnection(duplicate)).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void shouldSeeAConnectionLostAtCommitThoughNarayanaOnlySuppressesIt() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction"));
        commit.getSuppressed()[0].initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RuntimeException thrown = new RuntimeException(commit);

        assertThat(DatabaseFailures.unreachable(thrown)).isTrue();
        assertThat(DatabaseFailures.brokenConnection(thrown)).as("the write may have committed").isFalse();
    }
}
