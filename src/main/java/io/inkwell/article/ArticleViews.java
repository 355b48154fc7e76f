package io.inkwell.article;

import static io.inkwell.article.ArticleSql.BIO;
import static io.inkwell.article.ArticleSql.BODY;
import static io.inkwell.article.ArticleSql.CREATED_AT;
import static io.inkwell.article.ArticleSql.DESCRIPTION;
import static io.inkwell.article.ArticleSql.FAVORITED;
import static io.inkwell.article.ArticleSql.FAVORITES;
import static io.inkwell.article.ArticleSql.FOLLOWING;
import static io.inkwell.article.ArticleSql.ID;
import static io.inkwell.article.ArticleSql.IMAGE;
import static io.inkwell.article.ArticleSql.SLUG;
import static io.inkwell.article.ArticleSql.TAGS;
import static io.inkwell.article.ArticleSql.TITLE;
import static io.inkwell.article.ArticleSql.TOTAL;
import static io.inkwell.article.ArticleSql.UPDATED_AT;
import static io.inkwell.article.ArticleSql.USERNAME;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.inkwell.profile.ProfileResponse.Profile;

/** What readers see of the rows {@link ArticleSql} answers: straight to the response records, no entities. */
final class ArticleViews {

    private ArticleViews() {
    }

    /** A page of at most {@code limit} articles; the row after them, if any, says that another page follows. */
    static ArticleResponse.Page page(ResultSet rows, int limit) throws SQLException {
        List<ArticleResponse.View> articles = new ArrayList<>(Math.min(limit, 32));
        long total = 0;
        ArticleCursor last = null;
        boolean more = false;
        while (rows.next()) {
            total = rows.getLong(TOTAL);
            long id = rows.getLong(ID);
            if (rows.wasNull()) {
                break; // the one row of an empty page, there for the total
            }
            if (articles.size() == limit) {
                more = true;
                break;
            }
            ArticleResponse.View view = view(rows);
            articles.add(view);
            last = new ArticleCursor(view.createdAt(), id); // to the microsecond, as stored
        }
        return new ArticleResponse.Page(articles, total, more ? last.encode() : null);
    }

    /** The one article of {@link ArticleSql#article}, or {@code null} when there is none. */
    static ArticleResponse.View single(ResultSet rows) throws SQLException {
        return rows.next() ? view(rows) : null;
    }

    private static ArticleResponse.View view(ResultSet rows) throws SQLException {
        return new ArticleResponse.View(
                rows.getString(SLUG),
                rows.getString(TITLE),
                rows.getString(DESCRIPTION),
                rows.getString(BODY),
                tags(rows.getArray(TAGS)),
                instant(rows, CREATED_AT),
                instant(rows, UPDATED_AT),
                rows.getBoolean(FAVORITED),
                rows.getLong(FAVORITES),
                new Profile(rows.getString(USERNAME), rows.getString(BIO), rows.getString(IMAGE), rows.getBoolean(FOLLOWING)));
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
