package io.inkwell.article;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.profile.ProfileService;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.Await;
import io.inkwell.support.Uncached;
import io.inkwell.user.User;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A page of articles costs the same SQL statements whatever its size: one, carrying the page, its
 * count, authors, tags, favorites and follows for every article at once, never per article (no N+1).
 * Statements are counted both ways they can be sent: through Hibernate (its statistics) and over
 * plain JDBC (the inkwell.jdbc.statements meter). Measured on the database path, with the
 * shared cache off (ArticleCacheTest counts the cached path).
 */
@QuarkusTest
@TestProfile(Uncached.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleListStatementsTest {

    private static final int AUTHORS = 5;
    private static final int ARTICLES_PER_AUTHOR = 25;
    private static final int FOLLOWED_AUTHORS = 4;
    /** The page with its count, authors, tags, favorites and follows. */
    private static final long MAX_STATEMENTS = 1;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    MeterRegistry registry;

    @Inject
    Jdbc jdbc;

    @Inject
    ArticleService articles;

    @Inject
    ProfileService profiles;

    private String commonTag;
    private Registered viewer;
    private final Set<String> followedAuthors = new HashSet<>();
    private final Map<String, Integer> expectedFavoritesCount = new HashMap<>();
    private final Set<String> favoritedByViewer = new HashSet<>();

    /** Once per class; not in @BeforeAll, where REST Assured does not yet know the test port. */
    @BeforeEach
    void publishManyArticlesWithTagsFavoritesAndFollows() {
        if (viewer != null) {
            return;
        }
        commonTag = unique("bulk");
        Registered reader = register("viewer");
        Registered fan = register("fan");
        long viewerId = idOf(reader);
        long fanId = idOf(fan);
        List<String> rotatingTags = List.of(unique("red"), unique("green"), unique("blue"));

        List<String> slugs = new ArrayList<>();
        for (int a = 0; a < AUTHORS; a++) {
            Registered author = register("bulkauthor");
            long authorId = idOf(author);
            if (a < FOLLOWED_AUTHORS) {
                profiles.follow(viewerId, author.username());
                followedAuthors.add(author.username());
            }
            for (int i = 0; i < ARTICLES_PER_AUTHOR; i++) {
                ArticleRequests.NewArticle request = new ArticleRequests.NewArticle(
                        "Bulk " + a + " " + i + " " + commonTag, "d", "b",
                        List.of(commonTag, rotatingTags.get(i % rotatingTags.size())));
                slugs.add(articles.create(authorId, request).slug());
            }
        }
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            int count = 0;
            if (i % 3 == 0) {
                articles.favorite(viewerId, slug);
                favoritedByViewer.add(slug);
                count++;
            }
            if (i % 2 == 0) {
                articles.favorite(fanId, slug);
                count++;
            }
            expectedFavoritesCount.put(slug, count);
        }
        viewer = reader;
    }

    private static long idOf(Registered user) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(user.username()).orElseThrow().id);
    }

    /**
     * Both counts are process-wide, and the event pipeline's background work sends statements of its
     * own: its consumers while the set-up's events are handled (awaited first), and the relay's look at
     * the outbox at any time. That can only add, so the fewest of a few measurements is the request's
     * own: a statement per article would show in every one.
     */
    private long statementsFor(RequestSpecification request, String path, int expectedSize) {
        Await.until("the set-up's events handled", () -> jdbc.query(
                "SELECT count(*) FROM outbox_events WHERE completed_at IS NULL", List.of(), rows -> rows.next() && rows.getLong(1) == 0));
        request.get(path).then().statusCode(200); // the token's session state is in Redis from now on
        Statistics statistics = sessionFactory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            statistics.clear();
            double jdbcBefore = registry.counter("inkwell.jdbc.statements").count();
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            long statements = statistics.getPrepareStatementCount()
                    + (long) (registry.counter("inkwell.jdbc.statements").count() - jdbcBefore);
            assertThat(page.getList("articles")).hasSize(expectedSize);
            fewest = Math.min(fewest, statements);
        }
        return fewest;
    }

    /** Every entry carries the right tags, favorites and following flag for the signed-in viewer. */
    @SuppressWarnings("unchecked")
    private void assertPageSeenByViewer(JsonPath page, int expectedSize) {
        List<Map<String, Object>> entries = page.getList("articles");
        assertThat(entries).hasSize(expectedSize);
        for (Map<String, Object> entry : entries) {
            String slug = (String) entry.get("slug");
            Map<String, Object> author = (Map<String, Object>) entry.get("author");
            assertThat(expectedFavoritesCount).containsKey(slug);
            assertThat((List<Object>) entry.get("tagList")).hasSize(2).contains(commonTag);
            assertThat(entry.get("favoritesCount")).as(slug).isEqualTo(expectedFavoritesCount.get(slug));
            assertThat(entry.get("favorited")).as(slug).isEqualTo(favoritedByViewer.contains(slug));
            assertThat(author.get("following")).as(slug).isEqualTo(followedAuthors.contains((String) author.get("username")));
            assertThat(entry).doesNotContainKey("body");
        }
    }

    @Test
    void shouldRunSameFewStatementsForListPagesOf20And100() {
        long for20 = statementsFor(as(viewer).queryParam("tag", commonTag).queryParam("limit", 20), "/api/articles", 20);
        long for100 = statementsFor(as(viewer).queryParam("tag", commonTag).queryParam("limit", 100), "/api/articles", 100);

        assertThat(for100).isEqualTo(for20).isBetween(1L, MAX_STATEMENTS);
    }

    @Test
    void shouldFillEveryEntryOfA100ArticlePageForTheViewer() {
        JsonPath page = as(viewer).queryParam("tag", commonTag).queryParam("limit", 100)
                .get("/api/articles").then().statusCode(200).extract().jsonPath();

        assertThat(page.getInt("articlesCount")).isEqualTo(AUTHORS * ARTICLES_PER_AUTHOR);
        assertPageSeenByViewer(page, 100);
        List<Map<String, Object>> entries = page.getList("articles");
        assertThat(entries).anySatisfy(e -> assertThat(e.get("favorited")).isEqualTo(true));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("favorited")).isEqualTo(false));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("favoritesCount")).isEqualTo(2));
        assertThat(entries).anySatisfy(
                e -> assertThat(((Map<?, ?>) e.get("author")).get("following")).isEqualTo(false));
    }

    @Test
    void shouldRunSameFewStatementsForFeedPagesOf20And100() {
        long for20 = statementsFor(as(viewer).queryParam("limit", 20), "/api/articles/feed", 20);
        long for100 = statementsFor(as(viewer).queryParam("limit", 100), "/api/articles/feed", 100);

        assertThat(for100).isEqualTo(for20).isBetween(1L, MAX_STATEMENTS);

        JsonPath feed = as(viewer).queryParam("limit", 100).get("/api/articles/feed")
                .then().statusCode(200).extract().jsonPath();
        assertThat(feed.getInt("articlesCount")).isEqualTo(FOLLOWED_AUTHORS * ARTICLES_PER_AUTHOR);
        assertPageSeenByViewer(feed, 100);
        assertThat(feed.getList("articles.author.following", Boolean.class)).containsOnly(true);
    }

    @Test
    void shouldRunSameFewStatementsForUnfilteredAndAnonymousLists() {
        long signedIn20 = statementsFor(as(viewer).queryParam("limit", 20), "/api/articles", 20);
        long signedIn100 = statementsFor(as(viewer).queryParam("limit", 100), "/api/articles", 100);
        long anonymous20 = statementsFor(anonymous().queryParam("limit", 20), "/api/articles", 20);
        long anonymous100 = statementsFor(anonymous().queryParam("limit", 100), "/api/articles", 100);

        assertThat(signedIn100).isEqualTo(signedIn20).isBetween(1L, MAX_STATEMENTS);
        assertThat(anonymous100).isEqualTo(anonymous20).isBetween(1L, MAX_STATEMENTS);
    }
}
