package io.inkwell.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The scenarios, by name, in the order they run. Each request is named after its scenario, so the
 * report has one line per scenario (two for the write pairs: favorite/unfavorite, follow/unfollow).
 */
final class Scenarios {

    /** What the comment scenario writes, so a later run can remove it (Benchmark). */
    static final String COMMENT_BODY = "A comment from the benchmark";

    /** The scenarios, in the order they run. */
    static final java.util.List<String> NAMES = java.util.List.of("tags", "list-anonymous", "list-signed-in", "list-by-tag",
            "list-by-author", "list-by-favorited", "feed", "feed-heavy", "article", "comments", "comment", "favorite",
            "follow", "mix");

    /** Report order: every request name, then the mix, then live delivery timed during the mix. */
    static final java.util.List<String> ORDER = java.util.List.of("tags", "list-anonymous", "list-signed-in", "list-by-tag",
            "list-by-author", "list-by-favorited", "feed", "feed-heavy", "article", "comments", "comment", "favorite",
            "unfavorite", "follow", "unfollow", "mix", LiveProbe.NAME);

    private Scenarios() {
    }

    static Map<String, ChainBuilder> all(Fixture fixture) {
        Map<String, ChainBuilder> scenarios = new LinkedHashMap<>();
        scenarios.put("tags", get("tags", "/api/tags"));
        scenarios.put("list-anonymous", get("list-anonymous", "/api/articles"));
        scenarios.put("list-signed-in", signedIn(fixture, get("list-signed-in", "/api/articles", true)));
        scenarios.put("list-by-tag", exec(session -> session.set("tag", Fixture.any(fixture.tags())))
                .exec(get("list-by-tag", "/api/articles?tag=#{tag}")));
        scenarios.put("list-by-author", exec(session -> session.set("author", Fixture.any(fixture.authors())))
                .exec(get("list-by-author", "/api/articles?author=#{author}")));
        scenarios.put("list-by-favorited", exec(session -> session.set("fan", Fixture.any(fixture.favoriters())))
                .exec(get("list-by-favorited", "/api/articles?favorited=#{fan}")));
        scenarios.put("feed", signedIn(fixture, get("feed", "/api/articles/feed", true)));
        scenarios.put("feed-heavy", exec(session -> session.set("token", fixture.heavyReader().token()))
                .exec(get("feed-heavy", "/api/articles/feed", true)));
        scenarios.put("article", withSlug(fixture, signedIn(fixture, get("article", "/api/articles/#{slug}", true))));
        scenarios.put("comments", withSlug(fixture, get("comments", "/api/articles/#{slug}/comments")));
        scenarios.put("comment", withSlug(fixture, signedIn(fixture, timed("comment", http("comment")
                .post("/api/articles/#{slug}/comments").header("Authorization", "Token #{token}")
                .body(StringBody("{\"comment\":{\"body\":\"" + COMMENT_BODY + "\"}}"))))));
        scenarios.put("favorite", withSlug(fixture, signedIn(fixture, exec(
                write("favorite", "/api/articles/#{slug}/favorite", true),
                write("unfavorite", "/api/articles/#{slug}/favorite", false)))));
        scenarios.put("follow", signedIn(fixture, exec(session -> session.set("user", other(fixture, session.getString("username"))))
                .exec(write("follow", "/api/profiles/#{user}/follow", true), write("unfollow", "/api/profiles/#{user}/follow", false))));
        scenarios.put("mix", mix(scenarios));
        return scenarios;
    }

    /** Roughly what a Conduit front end sends: mostly reads, a few writes. */
    private static ChainBuilder mix(Map<String, ChainBuilder> scenarios) {
        return randomSwitch().on(
                percent(20).then(scenarios.get("list-anonymous")),
                percent(10).then(scenarios.get("list-signed-in")),
                percent(10).then(scenarios.get("list-by-tag")),
                percent(4).then(scenarios.get("list-by-author")),
                percent(3).then(scenarios.get("list-by-favorited")),
                percent(10).then(scenarios.get("feed")),
                percent(20).then(scenarios.get("article")),
                percent(10).then(scenarios.get("comments")),
                percent(6).then(scenarios.get("tags")),
                percent(3).then(scenarios.get("favorite")),
                percent(2).then(scenarios.get("comment")),
                percent(2).then(scenarios.get("follow")));
    }

    private static ChainBuilder get(String name, String path) {
        return get(name, path, false);
    }

    private static ChainBuilder get(String name, String path, boolean signedIn) {
        HttpRequestActionBuilder request = http(name).get(path);
        return timed(name, signedIn ? request.header("Authorization", "Token #{token}") : request);
    }

    private static ChainBuilder write(String name, String path, boolean post) {
        return timed(name, (post ? http(name).post(path) : http(name).delete(path)).header("Authorization", "Token #{token}"));
    }

    /** The request, its time recorded under its name, or under "mix"/"warm-up" inside those. */
    private static ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.remove("status").remove("millis"))
                .exec(request.check(responseTimeInMillis().saveAs("millis"), status().saveAs("status"), status().is(200)))
                .exec(session -> {
                    String phase = session.getString("phase");
                    boolean grouped = "mix".equals(phase) || "warm-up".equals(phase);
                    Recorder.record(grouped ? phase : name, millisOf(session), session.contains("status") && session.getInt("status") == 200);
                    return session;
                });
    }

    private static int millisOf(Session session) {
        return session.contains("millis") ? session.getInt("millis") : 0;
    }

    private static ChainBuilder signedIn(Fixture fixture, ChainBuilder chain) {
        return exec(session -> {
            Fixture.Reader reader = Fixture.any(fixture.readers());
            return session.set("token", reader.token()).set("username", reader.username());
        }).exec(chain);
    }

    private static ChainBuilder withSlug(Fixture fixture, ChainBuilder chain) {
        return exec(session -> session.set("slug", Fixture.any(fixture.slugs()))).exec(chain);
    }

    private static String other(Fixture fixture, String username) {
        String user = Fixture.any(fixture.users());
        return user.equals(username) ? fixture.heavyReader().username() : user;
    }
}
