package io.inkwell.article;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;

/**
 * Totals of lists with more than {@link ArticleSql#EXACT_COUNT_LIMIT} articles and no total kept by
 * the database (a feed following thousands of authors, a user with thousands of favorites): counted
 * in full once, then reused for a minute, on this replica. Such a total may lag new articles by that
 * minute; the page itself never does.
 */
@ApplicationScoped
class LargeCounts {

    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(long total, long expiresAt) {
    }

    private final ConcurrentHashMap<ArticleFilter, Entry> totals = new ConcurrentHashMap<>();
    private final Jdbc jdbc;

    LargeCounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long total(ArticleFilter filter) {
        long now = System.nanoTime();
        Entry entry = totals.get(filter);
        if (entry != null && entry.expiresAt - now > 0) {
            return entry.total;
        }
        ArticleSql.Statement count = ArticleSql.count(filter);
        long total = jdbc.query(count.sql(), count.parameters(), rows -> rows.next() ? rows.getLong(1) : 0);
        if (totals.size() >= MAX_ENTRIES) {
            totals.clear(); // crude, but bounded; entries are cheap to make again
        }
        totals.put(filter, new Entry(total, now + TTL_NANOS));
        return total;
    }
}
