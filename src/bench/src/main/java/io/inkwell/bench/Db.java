package io.inkwell.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The application's database, reached with plain JDBC for seeding, the ceiling and the plans. */
record Db(String url, String user, String password) {

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; the rows it touched. */
    int update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    long number(String sql) throws SQLException {
        List<String> values = strings(sql);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    /** Whether a completed seed of this size is in the database (the benchmark's own marker table). */
    boolean seeded(String size) throws SQLException {
        execute("CREATE TABLE IF NOT EXISTS bench_seed (size TEXT PRIMARY KEY, seeded_at TIMESTAMPTZ NOT NULL)");
        return number("SELECT count(*) FROM bench_seed WHERE size = '" + size + "'") > 0;
    }

    void markSeeded(String size) throws SQLException {
        execute("INSERT INTO bench_seed VALUES ('" + size + "', now()) ON CONFLICT DO NOTHING");
    }
}
