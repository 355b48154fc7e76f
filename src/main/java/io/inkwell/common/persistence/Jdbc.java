package io.inkwell.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Plain JDBC for the hot paths, where a statement or two answer a request and an ORM session would
 * only add work: list and article reads, the small idempotent writes, and the event pipeline's
 * bookkeeping. Inside a transaction the
 * connection is the transaction's own (the one Hibernate uses too); outside, one from the pool in
 * auto-commit. Failures surface as {@link PersistenceException}s with the SQLException as cause, so
 * the error mappers answer them like Hibernate's.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads what a query answered. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final Counter statements;

    Jdbc(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.statements = Counter.builder("inkwell.jdbc.statements")
                .description("SQL statements sent over plain JDBC, past Hibernate").register(registry);
    }

    public <T> T query(String sql, List<Object> parameters, Rows<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** @return the number of rows written */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, Arrays.asList(parameters))) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        statements.increment();
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The constraint a failed write broke, if a database constraint refused it. */
    public static String violatedConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
