package io.inkwell.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements the service sent before issue 9, as Hibernate rendered them (captured with
 * quarkus.hibernate-orm.log.sql): a count, the page with whole authors, then tags, favorites and
 * follows for the page's ids, in-lists padded to a power of two.
 */
final class BaselineSql implements ListSql {

    private static final String PAGE = "select a1_0.id, a1_0.author_id, a2_0.id, a2_0.bio, a2_0.created_at, a2_0.email, a2_0.image, "
            + "a2_0.password_hash, a2_0.updated_at, a2_0.username, a1_0.body, a1_0.created_at, a1_0.description, a1_0.slug, "
            + "a1_0.title, a1_0.updated_at from articles a1_0 join users a2_0 on a2_0.id=a1_0.author_id";

    @Override
    public int run(Connection connection, Request request) throws SQLException {
        return statements(connection, request).size();
    }

    @Override
    public List<Explained> explainable(Connection connection, Request request) throws SQLException {
        return statements(connection, request);
    }

    /** Runs the dependent statements in order (each needs the previous one's ids) and returns them. */
    private List<Explained> statements(Connection connection, Request request) throws SQLException {
        List<Explained> sent = new ArrayList<>();
        List<Object> where = new ArrayList<>();
        String condition = condition(request, where);
        List<Long> ids = new ArrayList<>();
        Set<Long> authors = new LinkedHashSet<>();
        if (request.slug() != null) {
            sent.add(query(connection, PAGE + " where a1_0.slug=? fetch first ? rows only", List.of(request.slug(), 1), ids, authors));
        } else {
            String countJoin = request.author() != null ? " join users a2_0 on a2_0.id=a1_0.author_id" : "";
            String countCondition = request.feedOf() != null ? condition.replace("a2_0.id in", "a1_0.author_id in") : condition;
            sent.add(query(connection, "select count(a1_0.id) from articles a1_0" + countJoin + countCondition, where, null, null));
            List<Object> pageParameters = new ArrayList<>(where);
            pageParameters.add(0);
            pageParameters.add(20);
            sent.add(query(connection, PAGE + condition + " order by a1_0.created_at desc, a1_0.id desc offset ? rows fetch first ? rows only",
                    pageParameters, ids, authors));
        }
        if (ids.isEmpty()) {
            return sent;
        }
        sent.add(query(connection, "select a1_0.id, t1_1.name from articles a1_0 join article_tags t1_0 on a1_0.id=t1_0.article_id "
                + "join tags t1_1 on t1_1.id=t1_0.tag_id where a1_0.id in (" + padded(ids.size()) + ") order by t1_1.name",
                pad(ids), null, null));
        List<Object> favorites = new ArrayList<>();
        favorites.add(request.viewerId() == null ? -1L : request.viewerId());
        favorites.addAll(pad(ids));
        sent.add(query(connection, "select f1_0.article_id, count(*), sum(case when f1_0.user_id=? then 1 else 0 end) from favorites f1_0 "
                + "where f1_0.article_id in (" + padded(ids.size()) + ") group by f1_0.article_id", favorites, null, null));
        if (request.viewerId() != null) {
            List<Object> follows = new ArrayList<>();
            follows.add(request.viewerId());
            follows.addAll(pad(new ArrayList<>(authors)));
            sent.add(query(connection, "select f1_0.followed_id from follows f1_0 where f1_0.follower_id=? and f1_0.followed_id in ("
                    + padded(authors.size()) + ")", follows, null, null));
        }
        return sent;
    }

    private static String condition(Request request, List<Object> parameters) {
        if (request.tag() != null) {
            parameters.add(request.tag());
            return " where exists(select 1 from articles a3_0 join article_tags t1_0 on a3_0.id=t1_0.article_id join tags t1_1 "
                    + "on t1_1.id=t1_0.tag_id where a3_0.id=a1_0.id and t1_1.name=?)";
        }
        if (request.author() != null) {
            parameters.add(request.author());
            return " where lower(a2_0.username)=lower(?)";
        }
        if (request.favoritedBy() != null) {
            parameters.add(request.favoritedBy());
            return " where exists(select 1 from favorites f1_0, users u1_0 where f1_0.article_id=a1_0.id and f1_0.user_id=u1_0.id "
                    + "and lower(u1_0.username)=lower(?))";
        }
        if (request.feedOf() != null) {
            parameters.add(request.feedOf());
            return " where a2_0.id in (select f1_0.followed_id from follows f1_0 where f1_0.follower_id=?)";
        }
        return "";
    }

    private static Explained query(Connection connection, String sql, List<Object> parameters, List<Long> ids, Set<Long> authors)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getString(c);
                    }
                    if (ids != null) {
                        ids.add(rows.getLong(1));
                        authors.add(rows.getLong(2));
                    }
                }
            }
        }
        return new Explained(sql, parameters);
    }

    private static int paddedSize(int size) {
        return size <= 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }

    private static String padded(int size) {
        return String.join(", ", java.util.Collections.nCopies(paddedSize(size), "?"));
    }

    private static List<Object> pad(List<Long> values) {
        List<Object> padded = new ArrayList<>(values);
        while (padded.size() < paddedSize(values.size())) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
    }
}
