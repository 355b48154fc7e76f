package io.inkwell.session;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Sessions: refresh tokens with rotation and theft detection, logout, the sessions list. */
@QuarkusTest
class SessionResourceTest {

    /** Tokens of one session. */
    record Signed(String token, String refreshToken) {
    }

    static Signed login(Registered user, String userAgent) {
        JsonPath body = anonymous().header("User-Agent", userAgent)
                .body(Map.of("user", Map.of("email", user.email(), "password", PASSWORD)))
                .post("/api/users/login").then().statusCode(200).extract().jsonPath();
        return new Signed(body.getString("user.token"), body.getString("user.refreshToken"));
    }

    static RequestSpecification with(String token) {
        return anonymous().header("Authorization", "Token " + token);
    }

    static io.restassured.response.Response refresh(String refreshToken) {
        return anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/users/refresh");
    }

    @Test
    void shouldStartASessionWithARandomRefreshTokenAtRegistrationAndLogin() {
        String name = io.inkwell.support.Api.unique("session");
        JsonPath registered = anonymous()
                .body(Map.of("user", Map.of("username", name, "email", name + "@example.com", "password", PASSWORD)))
                .post("/api/users").then().statusCode(201).extract().jsonPath();
        Signed login = login(new Registered(name, name + "@example.com", registered.getString("user.token")), "curl/8");

        assertThat(registered.getString("user.refreshToken")).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.refreshToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(registered.getString("user.refreshToken"));
        assertThat(claims(login.token())).containsKey("sid");
        assertThat(claims(login.token()).get("sid")).isNotEqualTo(claims(registered.getString("user.token")).get("sid"));
        with(login.token()).get("/api/user").then().statusCode(200).body("user", not(hasKey("refreshToken")));
    }

    @Test
    void shouldStoreOnlyTheHashOfRefreshTokens() {
        Signed session = login(register("hashed"), "test");

        List<String> stored = QuarkusTransaction.requiringNew().call(() -> RefreshToken.<RefreshToken>listAll()
                .stream().map(t -> t.tokenHash).toList());

        assertThat(stored).contains(RefreshToken.hash(session.refreshToken())).doesNotContain(session.refreshToken());
    }

    @Test
    void shouldRotateRefreshTokens() {
        Registered user = register("rotating");
        Signed first = login(user, "test");

        JsonPath refreshed = refresh(first.refreshToken()).then().statusCode(200)
                .body("user.username", equalTo(user.username())).body("user.email", equalTo(user.email()))
                .extract().jsonPath();

        String token = refreshed.getString("user.token");
        String next = refreshed.getString("user.refreshToken");
        assertThat(next).isNotEqualTo(first.refreshToken());
        assertThat(claims(token).get("sid")).isEqualTo(claims(first.token()).get("sid"));
        with(token).get("/api/user").then().statusCode(200);
        refresh(next).then().statusCode(200);
    }

    @Test
    void shouldEndTheWholeSessionWhenARefreshTokenIsUsedTwice() {
        Signed stolen = login(register("victim"), "test");
        JsonPath rotated = refresh(stolen.refreshToken()).then().statusCode(200).extract().jsonPath();

        refresh(stolen.refreshToken()).then().statusCode(401)
                .body("errors.refreshToken", contains("is invalid or expired"));

        with(rotated.getString("user.token")).get("/api/user").then().statusCode(401);
        with(stolen.token()).get("/api/user").then().statusCode(401);
        refresh(rotated.getString("user.refreshToken")).then().statusCode(401);
    }

    @Test
    void shouldRefuseUnknownRefreshTokens() {
        refresh("not-a-refresh-token").then().statusCode(401).body("errors.refreshToken", contains("is invalid or expired"));
        anonymous().body(Map.of()).post("/api/users/refresh").then().statusCode(422);
    }

    @Test
    void shouldEndOnlyTheCurrentSessionOnLogout() {
        Registered user = register("leaving");
        Signed phone = login(user, "phone");
        Signed laptop = login(user, "laptop");

        with(phone.token()).post("/api/users/logout").then().statusCode(204);

        with(phone.token()).get("/api/user").then().statusCode(401);
        with(phone.token()).get("/api/articles").then().statusCode(401); // signing in optional, token still refused
        refresh(phone.refreshToken()).then().statusCode(401);
        with(laptop.token()).get("/api/user").then().statusCode(200);
        with(phone.token()).post("/api/users/logout").then().statusCode(401);
    }

    @Test
    void shouldListLiveSessionsAndEndOneOrAllOthers() {
        Registered user = register("multi");
        Signed phone = login(user, "Phone/1.0");
        Signed laptop = login(user, "Laptop/2.0");
        Signed tablet = login(user, "Tablet/3.0");

        JsonPath list = with(laptop.token()).get("/api/user/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("sessions")).hasSize(4); // with the registration's
        assertThat(list.getList("sessions.findAll { it.current }.userAgent")).containsExactly("Laptop/2.0");
        assertThat(list.getList("sessions.userAgent")).contains("Phone/1.0", "Tablet/3.0");
        assertThat(list.getString("sessions[0].createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(list.getString("sessions[0].lastUsedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        String phoneId = (String) claims(phone.token()).get("sid");

        with(laptop.token()).delete("/api/user/sessions/{id}", phoneId).then().statusCode(204);
        with(phone.token()).get("/api/user").then().statusCode(401);
        with(laptop.token()).delete("/api/user/sessions/{id}", phoneId).then().statusCode(404);

        with(laptop.token()).delete("/api/user/sessions").then().statusCode(204);
        with(tablet.token()).get("/api/user").then().statusCode(401);
        with(laptop.token()).get("/api/user/sessions").then().statusCode(200)
                .body("sessions.userAgent", contains("Laptop/2.0")).body("sessions[0].current", equalTo(true));
    }

    @Test
    void shouldNotLetAUserSeeOrEndAnotherUsersSession() {
        Signed mine = login(register("owner"), "mine");
        Signed theirs = login(register("intruder"), "theirs");

        with(theirs.token()).delete("/api/user/sessions/{id}", claims(mine.token()).get("sid")).then().statusCode(404)
                .body("errors.session", contains("not found"));
        with(theirs.token()).delete("/api/user/sessions/{id}", "not-a-uuid").then().statusCode(404);
        with(mine.token()).get("/api/user").then().statusCode(200);
    }

    @Test
    void shouldEndOtherSessionsWhenThePasswordChanges() {
        Registered user = register("careful");
        Signed old = login(user, "old device");
        Signed current = login(user, "this device");

        with(current.token()).body(Map.of("user", Map.of("password", "a brand new password")))
                .put("/api/user").then().statusCode(200);

        with(old.token()).get("/api/user").then().statusCode(401);
        refresh(old.refreshToken()).then().statusCode(401);
        with(current.token()).get("/api/user").then().statusCode(200);
        anonymous().body(Map.of("user", Map.of("email", user.email(), "password", "a brand new password")))
                .post("/api/users/login").then().statusCode(200);
    }

    @Test
    void shouldDescribeTheSessionEndpoints() {
        String openApi = anonymous().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/api/users/refresh", "/api/users/logout", "/api/user/sessions",
                "/api/user/sessions/{id}", "refreshToken");
    }

    static Map<String, Object> claims(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonPath(json).getMap("");
    }
}
