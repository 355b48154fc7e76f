package io.inkwell.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Test fixtures spoken over HTTP, as a client would: register users, publish articles. Names are
 * unique per call, so tests share one database without seeing each other's data.
 */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);
    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    public record Registered(String username, String email, String token) {
    }

    /** A name no other test uses, e.g. {@code alice_k3x_7}. */
    public static String unique(String prefix) {
        return prefix + "_" + RUN + "_" + SEQUENCE.incrementAndGet();
    }

    /**
     * A request from a client of its own: the test run acts as a trusted proxy (see the test profile's
     * quarkus.http.proxy settings) that forwards each request from another address, so tests that
     * register or log in many times never share a rate limit. Rate-limit tests set their own address.
     */
    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).header("X-Forwarded-For", clientAddress());
    }

    /** A client address no other request of this run has used: 10.x.y.z. */
    public static String clientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    public static RequestSpecification as(Registered user) {
        return anonymous().header("Authorization", "Token " + user.token());
    }

    public static Registered register(String prefix) {
        return register(anonymous(), prefix);
    }

    /** Registers through a given replica: {@code register(anonymous().port(port), "alice")}. */
    public static Registered register(RequestSpecification through, String prefix) {
        String username = unique(prefix);
        String email = username + "@example.com";
        String token = through
                .body(Map.of("user", Map.of("username", username, "email", email, "password", PASSWORD)))
                .post("/api/users")
                .then().statusCode(201)
                .extract().path("user.token");
        return new Registered(username, email, token);
    }

    /** Publishes an article and returns its slug. */
    public static String publish(Registered author, String title, String... tags) {
        return as(author)
                .body(Map.of("article", Map.of(
                        "title", title,
                        "description", "About " + title,
                        "body", "The body of " + title,
                        "tagList", List.of(tags))))
                .post("/api/articles")
                .then().statusCode(201)
                .extract().path("article.slug");
    }

    public static void follow(Registered follower, Registered followed) {
        as(follower).post("/api/profiles/{username}/follow", followed.username()).then().statusCode(200);
    }

    public static void favorite(Registered user, String slug) {
        as(user).post("/api/articles/{slug}/favorite", slug).then().statusCode(200);
    }

    /** Comments on an article and returns the comment's id. */
    public static long comment(Registered user, String slug, String body) {
        return as(user)
                .body(Map.of("comment", Map.of("body", body)))
                .post("/api/articles/{slug}/comments", slug)
                .then().statusCode(200)
                .extract().jsonPath().getLong("comment.id");
    }
}
