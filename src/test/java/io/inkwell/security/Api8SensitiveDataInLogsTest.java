package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.contains;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.LogCapture;
import io.inkwell.user.User;
import io.inkwell.user.UserRequests;
import io.inkwell.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API8 (security misconfiguration): no bound value reaches a log. A NUL used to make the JDBC driver
 * log the failed statement with its parameters: the user's e-mail and bcrypt hash, whole articles.
 */
@QuarkusTest
class Api8SensitiveDataInLogsTest {

    /** Our own code at DEBUG, as an operator may set it; the libraries at their configured levels. */
    private static final String[] VERBOSE = { "io.inkwell" };

    @Inject
    UserService users;

    @Test
    void shouldRefuseNulAt422AndLogNoneOfTheRequest() {
        String secret = unique("planted-secret");
        Registered alice = Api.register("logs");

        try (LogCapture log = LogCapture.start(VERBOSE)) {
            as(alice).body(Map.of("user", Map.of("bio", "a\u0000b " + secret, "password", secret + " passphrase")))
                    .put("/api/user")
                    .then().statusCode(422)
                    .body("errors.bio", contains("must not contain control characters such as NUL"));
            anonymous().body(Map.of("user", Map.of("email", secret + "\u0000@example.com", "password", secret)))
                    .post("/api/users/login")
                    .then().statusCode(422);

            assertThat(log.text()).doesNotContain(secret);
        }
    }

    /** Past validation (a service called directly), PostgreSQL refuses the NUL: the driver still names no value. */
    @Test
    void shouldKeepBoundValuesOutOfDriverErrorsAndLogs() {
        String secret = unique("planted-secret");
        String email = secret + "@example.com";
        anonymous().body(Map.of("user", Map.of("username", unique("logs"), "email", email, "password", Api.PASSWORD)))
                .post("/api/users").then().statusCode(201);
        User stored = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow());

        try (LogCapture log = LogCapture.start(VERBOSE)) {
            Throwable refused = catchThrowable(() -> users.update(stored.id,
                    new UserRequests.UserChanges(null, null, null, "bio with a NUL \u0000 in it", null)));

            assertThat(refused).as("PostgreSQL refuses the NUL").isNotNull();
            assertThat(stackTraceOf(refused)).doesNotContain(secret).doesNotContain(stored.passwordHash);
            assertThat(log.text()).doesNotContain(secret).doesNotContain(stored.passwordHash);
        }
    }

    private static String stackTraceOf(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                sql.getNextException().printStackTrace(new PrintWriter(trace));
            }
        }
        return trace.toString();
    }
}
