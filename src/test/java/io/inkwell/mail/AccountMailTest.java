package io.inkwell.mail;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

/** Address verification through real mails, sent to the embedded SMTP server and read back from it. */
@QuarkusTest
class AccountMailTest {

    private final Mailbox mailbox = Mailbox.shared();

    @Inject
    Jdbc jdbc;

    @Test
    void shouldMailOneVerificationWithTextAndHtmlOnRegistrationAndVerifyWithItsToken() {
        Registered user = register("verify");
        as(user).get("/api/user").then().statusCode(200).body("user.emailVerified", equalTo(false));

        Mail mail = mailbox.await(user.email(), "Confirm your e-mail address");
        assertThat(mail.text()).contains(user.username()).contains(mail.links().get(0));
        assertThat(mail.html()).contains("<a href=");
        assertThat(mail.messageId()).matches("<\\d+\\.verify-email@inkwell\\.localhost>");

        anonymous().body(Map.of("token", mail.token())).post("/api/users/verify-email")
                .then().statusCode(200)
                .body("user.username", equalTo(user.username()))
                .body("user.emailVerified", equalTo(true))
                .body("user.token", nullValue());
        as(user).get("/api/user").then().statusCode(200).body("user.emailVerified", equalTo(true));
        assertThat(mailbox.to(user.email())).hasSize(1);
    }

    @Test
    void shouldRefuseAUsedUnknownOrExpiredTokenWith422() {
        Registered user = register("tokens");
        String token = mailbox.await(user.email(), "Confirm").token();
        as(user).body(Map.of("token", token)).post("/api/users/verify-email")
                .then().statusCode(200).body("user.token", equalTo(user.token()));

        anonymous().body(Map.of("token", token)).post("/api/users/verify-email")
                .then().statusCode(422).body("errors.token[0]", equalTo("is invalid, expired or already used"));
        anonymous().body(Map.of("token", "no-such-token")).post("/api/users/verify-email")
                .then().statusCode(422).body("errors.token", not(emptyOrNullString()));
        anonymous().body(Map.of("token", "")).post("/api/users/verify-email").then().statusCode(422);
        anonymous().body("{}").post("/api/users/verify-email").then().statusCode(422);

        Registered late = register("late");
        String expiring = mailbox.await(late.email(), "Confirm").token();
        jdbc.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?", sha256(expiring));
        anonymous().body(Map.of("token", expiring)).post("/api/users/verify-email").then().statusCode(422);
    }

    @Test
    void shouldKeepOnlyAHashOfEachToken() {
        Registered user = register("hashed");
        String token = mailbox.await(user.email(), "Confirm").token();

        long byHash = jdbc.query("SELECT count(*) FROM account_tokens WHERE token_hash = ?", List.of(sha256(token)),
                rows -> rows.next() ? rows.getLong(1) : 0L);
        long byText = jdbc.query("SELECT count(*) FROM account_tokens t WHERE position(convert_to(?, 'UTF8') in t.token_hash) > 0",
                List.of(token), rows -> rows.next() ? rows.getLong(1) : 0L);
        assertThat(byHash).isEqualTo(1);
        assertThat(byText).isZero();
    }

    @Test
    void shouldVerifyTheNewAddressAfterAChangeAndNoticeTheOldOne() {
        Registered user = register("mover");
        String oldToken = mailbox.await(user.email(), "Confirm").token();
        String newEmail = Api.unique("moved") + "@example.com";

        as(user).body(Map.of("user", Map.of("email", newEmail))).put("/api/user")
                .then().statusCode(200).body("user.emailVerified", equalTo(false));

        Mail verification = mailbox.await(newEmail, "Confirm your e-mail address");
        Mail notice = mailbox.await(user.email(), "address was changed");
        assertThat(notice.text()).doesNotContain(newEmail);
        anonymous().body(Map.of("token", oldToken)).post("/api/users/verify-email").then().statusCode(422);
        anonymous().body(Map.of("token", verification.token())).post("/api/users/verify-email")
                .then().statusCode(200).body("user.email", equalTo(newEmail)).body("user.emailVerified", equalTo(true));
    }

    @Test
    void shouldResendTheVerificationOnRequestButNotOnceVerified() {
        Registered user = register("resend");
        mailbox.await(user.email(), "Confirm");

        as(user).post("/api/users/verify-email/resend").then().statusCode(202);
        List<Mail> mails = mailbox.await(user.email(), 2);
        anonymous().post("/api/users/verify-email/resend").then().statusCode(401);

        anonymous().body(Map.of("token", mails.get(1).token())).post("/api/users/verify-email").then().statusCode(200);
        as(user).post("/api/users/verify-email/resend")
                .then().statusCode(422).body("errors.email[0]", equalTo("is already verified"));
    }

    @Test
    void shouldAnswer429ToResendsPastTheMailLimit() {
        Registered user = register("resends");
        for (int i = 0; i < 3; i++) { // inkwell.rate-limit.mails.per-account-and-per-ip defaults to 3 an hour
            as(user).post("/api/users/verify-email/resend").then().statusCode(202);
        }

        as(user).post("/api/users/verify-email/resend")
                .then().statusCode(429).header("Retry-After", not(emptyOrNullString()))
                .body("errors.size()", equalTo(1));
    }

    @Test
    void shouldListTheMailsOnTheDevPage() {
        Registered user = register("devpage");
        mailbox.await(user.email(), "Confirm");

        anonymous().accept("application/json").get("/dev/mails")
                .then().statusCode(200)
                .body("mails.find { it.to[0] == '" + user.email() + "' }.subject", equalTo("Confirm your e-mail address"));
        anonymous().accept("text/html").get("/dev/mails")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString(user.email()));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
