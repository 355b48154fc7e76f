package io.inkwell.user;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.support.Api.Registered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class UserResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // --- registration -------------------------------------------------------------------------

    @Test
    void shouldRegisterUserWithTokenAndEmptyProfile() {
        String username = unique("reg");
        String email = username + "@example.com";

        anonymous().body(newUser(username, email, PASSWORD))
                .post("/api/users")
                .then().statusCode(201)
                .body("user.username", equalTo(username))
                .body("user.email", equalTo(email))
                .body("user.token", not(emptyOrNullString()))
                .body("user", hasKey("bio"))
                .body("user.bio", nullValue())
                .body("user", hasKey("image"))
                .body("user.image", nullValue());
    }

    @Test
    void shouldStorePasswordsAsBcryptHashes() {
        Registered alice = register("hashed");

        String hash = QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(alice.email()).orElseThrow().passwordHash);

        assertThat(hash).startsWith("$2").isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
    }

    @Test
    void shouldReturn422WhenEmailTaken() {
        Registered alice = register("taken");

        anonymous().body(newUser(unique("other"), alice.email(), PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.email", contains("has already been taken"));
    }

    @Test
    void shouldReturn422WhenEmailTakenInAnotherCase() {
        String username = unique("casey");
        anonymous().body(newUser(username, username.toUpperCase() + "@EXAMPLE.COM", PASSWORD))
                .post("/api/users").then().statusCode(201);

        anonymous().body(newUser(unique("other"), username + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.email", contains("has already been taken"));
    }

    @Test
    void shouldReturn422WhenUsernameTaken() {
        Registered alice = register("taken");

        anonymous().body(newUser(alice.username(), unique("other") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
    }

    @Test
    void shouldReturn422WhenUsernameTakenInAnotherCase() {
        Registered alice = register("taken");

        anonymous().body(newUser(alice.username().toUpperCase(), unique("other") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
    }

    @Test
    void shouldRegisterExactlyOnceWhenSameAccountIsClaimedConcurrently() throws Exception {
        String username = unique("race");
        String body = newUser(username, username + "@example.com", PASSWORD);
        int attempts = 8;

        List<Integer> statuses = concurrently(attempts, () -> anonymous().body(body).post("/api/users").statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(attempts - 1);
        anonymous().body(login(username + "@example.com", PASSWORD)).post("/api/users/login")
                .then().statusCode(200).body("user.username", equalTo(username));
    }

    @Test
    void shouldRegisterExactlyOnceWhenSameEmailIsClaimedConcurrentlyUnderDifferentNames() throws Exception {
        String email = unique("race") + "@example.com";
        int attempts = 8;

        List<Integer> statuses = concurrently(attempts, () -> anonymous()
                .body(newUser(unique("racer"), email, PASSWORD))
                .post("/api/users").statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(attempts - 1);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentUpdatesClaimAnEmail() throws Exception {
        List<Registered> claimants = List.of(register("claim"), register("claim"), register("claim"), register("claim"));
        String email = unique("claimed") + "@example.com";
        AtomicInteger next = new AtomicInteger();

        List<Integer> statuses = concurrently(claimants.size(), () -> as(claimants.get(next.getAndIncrement()))
                .body(Map.of("user", Map.of("email", email)))
                .put("/api/user").statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(claimants.size() - 1);
    }

    // --- registration validation --------------------------------------------------------------

    @Test
    void shouldReturn422WhenUsernameBlank() {
        anonymous().body(newUser("  ", unique("u") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", hasItem("can't be blank"));
    }

    @Test
    void shouldReturn422ForEveryMissingField() {
        anonymous().body("{\"user\":{}}")
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("can't be blank"))
                .body("errors.email", contains("can't be blank"))
                .body("errors.password", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenUserEnvelopeMissing() {
        anonymous().body("{}")
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.user", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenEmailBlank() {
        anonymous().body(newUser(unique("u"), "", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.email", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenPasswordBlank() {
        anonymous().body(newUser(unique("u"), unique("u") + "@example.com", "        "))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.password", contains("can't be blank"));
    }

    @Test
    void shouldReturn422WhenEmailInvalid() {
        anonymous().body(newUser(unique("u"), "not-an-email", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.email", contains("is invalid"));
    }

    @Test
    void shouldReturn422WhenPasswordShorterThan8() {
        anonymous().body(newUser(unique("u"), unique("u") + "@example.com", "1234567"))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.password", contains("must be between 8 and 256 characters"));
    }

    @Test
    void shouldAcceptPasswordOfExactly8Characters() {
        anonymous().body(newUser(unique("u"), unique("u") + "@example.com", "kq7#zv2m"))
                .post("/api/users")
                .then().statusCode(201);
    }

    @Test
    void shouldReturn422WhenUsernameContainsSlash() {
        anonymous().body(newUser("a/" + unique("u"), unique("u") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("is invalid"));
    }

    @Test
    void shouldReturn422WhenUsernameContainsSpace() {
        anonymous().body(newUser("john " + unique("doe"), unique("u") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("is invalid"));
    }

    @Test
    void shouldReturn422WhenUsernameTooLong() {
        anonymous().body(newUser("u".repeat(41), unique("u") + "@example.com", PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.username", contains("is too long (maximum is 40 characters)"));
    }

    @Test
    void shouldReturn422WhenEmailTooLong() {
        String email = "e".repeat(250) + "@example.com";
        anonymous().body(newUser(unique("u"), email, PASSWORD))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.email", hasItem("is too long (maximum is 254 characters)"));
    }

    @Test
    void shouldReturn422WhenPasswordTooLong() {
        anonymous().body(newUser(unique("u"), unique("u") + "@example.com", "p".repeat(257)))
                .post("/api/users")
                .then().statusCode(422)
                .body("errors.password", contains("must be between 8 and 256 characters"));
    }

    // --- login --------------------------------------------------------------------------------

    @Test
    void shouldLogInWithRegisteredCredentials() {
        Registered alice = register("login");

        anonymous().body(login(alice.email(), PASSWORD))
                .post("/api/users/login")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()))
                .body("user.email", equalTo(alice.email()))
                .body("user.token", not(emptyOrNullString()));
    }

    @Test
    void shouldLogInWithEmailInAnotherCase() {
        Registered alice = register("login");

        anonymous().body(login(alice.email().toUpperCase(), PASSWORD))
                .post("/api/users/login")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldIssueTokenOnLoginThatAuthenticates() {
        Registered alice = register("login");
        String token = anonymous().body(login(alice.email(), PASSWORD))
                .post("/api/users/login")
                .then().statusCode(200).extract().path("user.token");

        anonymous().header("Authorization", "Token " + token)
                .get("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()));
    }

    @Test
    void shouldAnswerWrongPasswordAndUnknownEmailAlike() {
        Registered alice = register("login");

        ExtractableResponse<Response> wrongPassword = anonymous()
                .body(login(alice.email(), "not the password"))
                .post("/api/users/login")
                .then().extract();
        ExtractableResponse<Response> unknownEmail = anonymous()
                .body(login(unique("nobody") + "@example.com", "not the password"))
                .post("/api/users/login")
                .then().extract();

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.asString()).isEqualTo(unknownEmail.asString())
                .isEqualTo("{\"errors\":{\"email or password\":[\"is invalid\"]}}");
    }

    @Test
    void shouldReturn422WhenLoginFieldsBlank() {
        anonymous().body(login("", ""))
                .post("/api/users/login")
                .then().statusCode(422)
                .body("errors.email", contains("can't be blank"))
                .body("errors.password", contains("can't be blank"));
    }

    // --- current user -------------------------------------------------------------------------

    @Test
    void shouldReturnCurrentUserWithPresentedToken() {
        Registered alice = register("current");

        as(alice).get("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()))
                .body("user.email", equalTo(alice.email()))
                .body("user.token", equalTo(alice.token()))
                .body("user.bio", nullValue())
                .body("user.image", nullValue());
    }

    @Test
    void shouldReturn401WhenCurrentUserRequestedWithoutToken() {
        anonymous().get("/api/user")
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }

    // --- update -------------------------------------------------------------------------------

    @Test
    void shouldUpdateOnlyTheGivenFields() {
        Registered alice = register("update");

        as(alice).body("{\"user\":{\"bio\":\"I like tea\",\"image\":\"https://img.example/a.png\"}}")
                .put("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(alice.username()))
                .body("user.email", equalTo(alice.email()))
                .body("user.bio", equalTo("I like tea"))
                .body("user.image", equalTo("https://img.example/a.png"))
                .body("user.token", equalTo(alice.token()));

        as(alice).body("{\"user\":{\"bio\":\"I like coffee\",\"image\":null}}")
                .put("/api/user")
                .then().statusCode(200)
                .body("user.bio", equalTo("I like coffee"))
                .body("user.image", equalTo("https://img.example/a.png"));

        as(alice).get("/api/user")
                .then().statusCode(200)
                .body("user.bio", equalTo("I like coffee"))
                .body("user.image", equalTo("https://img.example/a.png"));
    }

    @Test
    void shouldClearBioAndImageWhenEmptyStringsSent() {
        Registered alice = register("update");
        as(alice).body("{\"user\":{\"bio\":\"Soon gone\",\"image\":\"http://img.example/a.png\"}}")
                .put("/api/user").then().statusCode(200);

        as(alice).body("{\"user\":{\"bio\":\"\",\"image\":\"\"}}")
                .put("/api/user")
                .then().statusCode(200)
                .body("user.bio", nullValue())
                .body("user.image", nullValue());

        anonymous().get("/api/profiles/{username}", alice.username())
                .then().statusCode(200)
                .body("profile.bio", nullValue())
                .body("profile.image", nullValue());
    }

    @Test
    void shouldLogInWithNewPasswordAfterPasswordChange() {
        Registered alice = register("update");
        String newPassword = "a brand new passphrase";

        as(alice).body(Map.of("user", Map.of("password", newPassword)))
                .put("/api/user").then().statusCode(200);

        anonymous().body(login(alice.email(), newPassword))
                .post("/api/users/login")
                .then().statusCode(200).body("user.username", equalTo(alice.username()));
        anonymous().body(login(alice.email(), PASSWORD))
                .post("/api/users/login")
                .then().statusCode(401);
    }

    @Test
    void shouldChangeUsernameAndEmail() {
        Registered alice = register("update");
        String username = unique("renamed");
        String email = username + "@example.org";

        as(alice).body(Map.of("user", Map.of("username", username, "email", email)))
                .put("/api/user")
                .then().statusCode(200)
                .body("user.username", equalTo(username))
                .body("user.email", equalTo(email));

        anonymous().get("/api/profiles/{username}", username).then().statusCode(200);
        anonymous().get("/api/profiles/{username}", alice.username()).then().statusCode(404);
        anonymous().body(login(email, PASSWORD)).post("/api/users/login").then().statusCode(200);
    }

    @Test
    void shouldKeepOwnEmailWhenUpdatingToTheSameEmail() {
        Registered alice = register("update");

        as(alice).body(Map.of("user", Map.of("email", alice.email().toUpperCase(), "username", alice.username())))
                .put("/api/user")
                .then().statusCode(200)
                .body("user.email", equalTo(alice.email().toUpperCase()));
    }

    @Test
    void shouldReturn422WhenUpdateIsEmpty() {
        Registered alice = register("update");

        as(alice).body("{\"user\":{}}")
                .put("/api/user")
                .then().statusCode(422)
                .body("errors.user", contains("must contain at least one field to change"));
    }

    @Test
    void shouldReturn422WhenUpdatingToAnotherUsersEmail() {
        Registered alice = register("update");
        Registered bob = register("update");

        as(alice).body(Map.of("user", Map.of("email", bob.email().toUpperCase())))
                .put("/api/user")
                .then().statusCode(422)
                .body("errors.email", contains("has already been taken"));

        as(alice).get("/api/user").then().statusCode(200).body("user.email", equalTo(alice.email()));
    }

    @Test
    void shouldReturn422WhenUpdatingToAnotherUsersUsername() {
        Registered alice = register("update");
        Registered bob = register("update");

        as(alice).body(Map.of("user", Map.of("username", bob.username())))
                .put("/api/user")
                .then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
    }

    @Test
    void shouldReturn422WhenImageIsNotHttpUrl() {
        Registered alice = register("update");

        as(alice).body(Map.of("user", Map.of("image", "javascript:alert(1)")))
                .put("/api/user")
                .then().statusCode(422)
                .body("errors.image", contains("must be an http or https URL"));

        as(alice).get("/api/user").then().statusCode(200).body("user.image", nullValue());
    }

    @Test
    void shouldReturn422WhenUpdatedFieldsInvalid() {
        Registered alice = register("update");

        as(alice).body(Map.of("user", Map.of(
                        "email", "nope",
                        "username", "has space",
                        "password", "short",
                        "bio", "b".repeat(2001))))
                .put("/api/user")
                .then().statusCode(422)
                .body("errors.email", contains("is invalid"))
                .body("errors.username", contains("is invalid"))
                .body("errors.password", contains("must be between 8 and 256 characters"))
                .body("errors.bio", contains("is too long (maximum is 2000 characters)"));
    }

    @Test
    void shouldReturn401WhenUpdatingWithoutToken() {
        anonymous().body(Map.of("user", Map.of("bio", "anonymous")))
                .put("/api/user")
                .then().statusCode(401)
                .body("errors.token", contains("is missing"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String newUser(String username, String email, String password) {
        return json(Map.of("user", Map.of("username", username, "email", email, "password", password)));
    }

    private static String login(String email, String password) {
        return json(Map.of("user", Map.of("email", email, "password", password)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code task} on {@code threads} threads released together, and collects the results. */
    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
