package io.inkwell.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.inkwell.article.ArticleFilter;
import io.inkwell.article.ArticleSql;

/**
 * The statement the service sends for one read, built by the application's own {@link ArticleSql}
 * (compiled into the benchmark), so the ceiling is measured for exactly that SQL: a first page of 20.
 */
final class CurrentSql implements ListSql {

    @Override
    public int run(Connection connection, Request request) throws SQLException {
        try (PreparedStatement statement = statement(request).prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                for (int column = 1; column <= ArticleSql.COLUMNS; column++) {
                    rows.getString(column);
                }
            }
        }
        return 1;
    }

    @Override
    public List<Explained> explainable(Connection connection, Request request) {
        ArticleSql.Statement statement = statement(request);
        return List.of(new Explained(statement.sql(), statement.parameters()));
    }

    private static ArticleSql.Statement statement(Request request) {
        if (request.slug() != null) {
            return ArticleSql.article(request.slug(), request.viewerId());
        }
        ArticleFilter filter = new ArticleFilter(request.tag(), request.author(), request.favoritedBy(), request.feedOf());
        return ArticleSql.list(filter, request.viewerId(), 20, 0, null);
    }
}
