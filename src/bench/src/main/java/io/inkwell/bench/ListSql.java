package io.inkwell.bench;

import java.sql.Connection;
import java.sql.SQLException;

/** What one request of a read scenario sends to the database, replayed over plain JDBC. */
interface ListSql {

    /** The parameters of one request; {@code null} for what it does not use. */
    record Request(Long viewerId, String tag, String author, String favoritedBy, Long feedOf, String slug) {
    }

    /** Runs the statements of one request and reads every column of every row; returns how many it sent. */
    int run(Connection connection, Request request) throws SQLException;

    /** The statements of one request, for EXPLAIN: SQL text with its parameters' values in order. */
    java.util.List<Explained> explainable(Connection connection, Request request) throws SQLException;

    record Explained(String sql, java.util.List<Object> parameters) {
    }
}
