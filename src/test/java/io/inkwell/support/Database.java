package io.inkwell.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import io.inkwell.config.local.embedded.EmbeddedServers;

/**
 * The test run's PostgreSQL, read directly by process-level tests to see what the replicas cannot
 * show over HTTP (an event's deliveries, its retries).
 */
public final class Database {

    private Database() {
    }

    /** The first column of the first row of {@code sql}, as a number (0 when there is no row). */
    public static long number(String sql, Object... parameters) {
        Map<String, String> server = EmbeddedServers.postgres(null);
        try (Connection connection = DriverManager.getConnection(server.get("quarkus.datasource.jdbc.url"),
                server.get("quarkus.datasource.username"), server.get("quarkus.datasource.password"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
