package io.inkwell.mail;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.support.Api;
import io.inkwell.support.Api.Registered;
import io.inkwell.support.Mailbox;
import io.inkwell.support.Mailbox.Mail;
import io.quarkus.test.junit.QuarkusTest;

/** Password reset by mail, and the notice every password change sends. */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a brand new password";
    /** %test value of inkwell.mail.reset-answer-time is the default, 250 ms. */
    private static final long ANSWER_MILLIS = 250;

    private final Mailbox mailbox = Mailbox.shared();

    @Inject
    Jdbc jdbc;

    @Test
    void shouldMailAResetLinkWhoseTokenSetsANewPasswordOnce() {
        Registered user = register("reset");
        mailbox.await(user.email(), "Confirm");

        anonymous().body(Map.of("email", user.email())).post("/api/users/password-reset").then().statusCode(202);
        Mail mail = mailbox.await(user.email(), "Reset your Inkwell password");
        assertThat(mail.messageId()).matches("<\\d+\\.password-reset@inkwell\\.localhost>");

        String token = anonymous().body(Map.of("token", mail.token(), "password", NEW_PASSWORD))
                .post("/api/users/password-reset/confirm")
                .then().statusCode(200)
                .body("user.username", equalTo(user.username()))
                .body("user.emailVerified", equalTo(true))
                .body("user.token", not(emptyOrNullString()))
                .body("user.refreshToken", not(emptyOrNullString()))
                .extract().path("user.token");

        anonymous().header("Authorization", "Token " + token).get("/api/user").then().statusCode(200);
        as(user).get("/api/user").then().statusCode(401); // the session from before the reset has ended
        assertThat(login(user, NEW_PASSWORD)).isEqualTo(200);
        assertThat(login(user, PASSWORD)).isEqualTo(401);
        anonymous().body(Map.of("token", mail.token(), "password", "yet another password"))
                .post("/api/users/password-reset/confirm")
                .then().statusCode(422).body("errors.token[0]", equalTo("is invalid, expired or already used"));
        mailbox.await(user.email(), "password was changed");
    }

    @Test
    void shouldAnswerUnknownAddressesAlikeAndMailNothing() {
        String unknown = Api.unique("nobody") + "@example.com";
        Registered known = register("known");

        long unknownMillis = timed(() -> anonymous().body(Map.of("email", unknown))
                .post("/api/users/password-reset").then().statusCode(202).body(equalTo("")));
        long knownMillis = timed(() -> anonymous().body(Map.of("email", known.email()))
                .post("/api/users/password-reset").then().statusCode(202).body(equalTo("")));

        assertThat(unknownMillis).as("unknown address answered after the fixed answer time").isGreaterThanOrEqualTo(ANSWER_MILLIS);
        assertThat(knownMillis).as("known address answered after the fixed answer time").isGreaterThanOrEqualTo(ANSWER_MILLIS);
        mailbox.await(known.email(), "Reset your Inkwell password");
        assertThat(mailbox.to(unknown)).isEmpty();
        anonymous().body(Map.of("email", "not an address")).post("/api/users/password-reset").then().statusCode(422);
    }

    @Test
    void shouldSendNoMoreResetMailsPastTheMailLimitYetAnswerAlike() {
        Registered user = register("limited");
        for (int i = 0; i < 4; i++) { // inkwell.rate-limit.mails.per-account-and-per-ip defaults to 3 an hour
            anonymous().body(Map.of("email", user.email())).post("/api/users/password-reset").then().statusCode(202);
        }

        long requested = jdbc.query("""
                SELECT count(*) FROM outbox_events e JOIN users u ON u.id = (e.payload->>'userId')::bigint
                WHERE e.type = ? AND u.username = ?""", List.of(AccountMailService.PASSWORD_RESET_REQUESTED, user.username()),
                rows -> rows.next() ? rows.getLong(1) : 0L);
        assertThat(requested).isEqualTo(3);
    }

    @Test
    void shouldRefuseAnExpiredResetTokenAndAShortPassword() {
        Registered user = register("expired");
        anonymous().body(Map.of("email", user.email())).post("/api/users/password-reset").then().statusCode(202);
        String token = mailbox.await(user.email(), "Reset").token();

        anonymous().body(Map.of("token", token, "password", "short")).post("/api/users/password-reset/confirm")
                .then().statusCode(422).body("errors.password", not(emptyOrNullString()));
        jdbc.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                AccountMailTest.sha256(token));
        anonymous().body(Map.of("token", token, "password", NEW_PASSWORD)).post("/api/users/password-reset/confirm")
                .then().statusCode(422).body("errors.token", not(emptyOrNullString()));
        assertThat(login(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void shouldSendANoticeWhenThePasswordChangesThroughTheUserEndpoint() {
        Registered user = register("changer");
        as(user).body(Map.of("user", Map.of("password", NEW_PASSWORD))).put("/api/user").then().statusCode(200);

        Mail notice = mailbox.await(user.email(), "password was changed");
        assertThat(notice.messageId()).matches("<\\d+\\.password-changed@inkwell\\.localhost>");
    }

    @Test
    void shouldNotSendAMailTwiceWhenItsEventIsHandledAgain() {
        Registered user = register("once");
        Mail first = mailbox.await(user.email(), "Confirm");
        long eventId = Long.parseLong(first.messageId().substring(1, first.messageId().indexOf('.')));

        // As if the handling were never recorded: the event goes through the stream and the consumer again.
        jdbc.update("DELETE FROM event_deliveries WHERE event_id = ? AND consumer = 'mail'", eventId);
        jdbc.update("UPDATE outbox_events SET published_at = NULL, completed_at = NULL WHERE id = ?", eventId);

        io.inkwell.support.Await.until("event handled again", () -> jdbc.query(
                "SELECT count(*) FROM event_deliveries WHERE event_id = ? AND consumer = 'mail' AND status = 'handled'",
                List.of(eventId), rows -> rows.next() && rows.getLong(1) == 1));
        assertThat(mailbox.to(user.email())).hasSize(1);
    }

    private static int login(Registered user, String password) {
        return anonymous().body(Map.of("user", Map.of("email", user.email(), "password", password)))
                .post("/api/users/login").statusCode();
    }

    private static long timed(Runnable request) {
        long started = System.nanoTime();
        request.run();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
