package io.inkwell.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.inkwell.config.local.embedded.EmbeddedServers;

/**
 * V10 fills the skeletons of users registered before it, in a schema of its own on the shared
 * embedded PostgreSQL: the oldest of two look-alike names keeps the skeleton, the younger keeps its
 * name without one, and the column is unique from then on.
 */
class UsernameSkeletonMigrationTest {

    private final String schema = "v10_" + UUID.randomUUID().toString().replace("-", "");
    private Map<String, String> server;

    @BeforeEach
    void migrateToTheSchemaBeforeSkeletons() {
        server = EmbeddedServers.postgres(null);
        flyway("3").migrate();
    }

    @AfterEach
    void dropTheSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void shouldGiveTheOldestOfLookAlikesTheSkeletonAndMakeItUnique() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : new String[] { "bill", "jake", "bi11", "Дмитрий" }) {
                statement.execute("INSERT INTO " + schema + ".users (email, username, password_hash, created_at, updated_at)"
                        + " VALUES ('" + name.hashCode() + "@example.com', '" + name + "', 'x', now(), now())");
            }
        }

        flyway("10").migrate();

        Map<String, String> skeletons = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT username, username_skeleton FROM " + schema + ".users ORDER BY id")) {
            while (rows.next()) {
                skeletons.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(skeletons).containsEntry("bill", "bill").containsEntry("jake", "jake")
                .containsEntry("bi11", null).containsEntry("Дмитрий", Usernames.skeleton("Дмитрий"));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE " + schema + ".users SET username_skeleton = 'bill'"
                    + " WHERE username = 'jake'")).hasMessageContaining("users_username_skeleton_key");
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(server.get("quarkus.datasource.jdbc.url"), server.get("quarkus.datasource.username"),
                        server.get("quarkus.datasource.password"))
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.get("quarkus.datasource.jdbc.url"),
                server.get("quarkus.datasource.username"), server.get("quarkus.datasource.password"));
    }
}
