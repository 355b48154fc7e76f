package io.inkwell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of every read scenario's first page, into plans.txt. */
final class Plans {

    private Plans() {
    }

    static void explain(Db db, ListSql sql, Fixture fixture, Path file, boolean print) throws SQLException, IOException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = db.connect()) {
            for (Map.Entry<String, Supplier<ListSql.Request>> scenario : Ceiling.requests(fixture).entrySet()) {
                ListSql.Request request = scenario.getValue().get();
                out.append("=== ").append(scenario.getKey()).append(": ").append(request).append('\n');
                for (ListSql.Explained statement : sql.explainable(connection, request)) {
                    out.append(statement.sql()).append('\n').append("parameters ").append(statement.parameters()).append('\n');
                    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                        for (int i = 0; i < statement.parameters().size(); i++) {
                            explain.setObject(i + 1, statement.parameters().get(i));
                        }
                        try (ResultSet rows = explain.executeQuery()) {
                            while (rows.next()) {
                                out.append("  ").append(rows.getString(1)).append('\n');
                            }
                        }
                    }
                }
                out.append('\n');
            }
        }
        Files.writeString(file, out);
        if (print) {
            System.out.println(out);
        }
        System.out.println("Plans of every list and feed query: " + file);
    }
}
