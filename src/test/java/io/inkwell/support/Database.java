package io.inkwell.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.inkwell.config.local.embedded.EmbeddedServers;

/**
 * A database on the test run's PostgreSQL server, read directly by process-level tests to see what
 * the replicas cannot show over HTTP (an event's deliveries, its retries).
 */
public final class Database {

    private static final String SERVER_DATABASE = "/postgres?";

    public final String url;
    private final String user;
    private final String password;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A new, empty database named {@code name} on the run's server (Flyway fills it when an app
     * starts on it): replicas with a Redis of their own must not share an outbox with other apps,
     * whose relays would carry its events to another Redis.
     */
    public static Database create(String name) {
        Map<String, String> server = EmbeddedServers.postgres(null);
        String serverUrl = server.get("quarkus.datasource.jdbc.url");
        if (!serverUrl.contains(SERVER_DATABASE)) {
            throw new IllegalStateException("Unexpected JDBC URL of the test server: " + serverUrl);
        }
        Database admin = new Database(serverUrl, server.get("quarkus.datasource.username"), server.get("quarkus.datasource.password"));
        String database = name.replaceAll("[^a-z0-9]", "_") + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        admin.execute("CREATE DATABASE " + database);
        return new Database(serverUrl.replace(SERVER_DATABASE, "/" + database + "?"), admin.user, admin.password);
    }

    /** This database as configuration for an application. */
    public Map<String, String> configuration() {
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** The first column of the first row of {@code sql}, as a number (0 when there is no row). */
    public long number(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
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

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
