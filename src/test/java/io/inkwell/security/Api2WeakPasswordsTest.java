package io.inkwell.security;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API2 (broken authentication): the passwords attackers try first are refused, and logging in tells
 * an attacker nothing about which e-mail addresses have accounts.
 */
@QuarkusTest
class Api2WeakPasswordsTest {

    static final String TOO_COMMON = "is one of the most common passwords; choose one that is harder to guess";

    @Test
    void shouldRefuseTheMostCommonPasswordsAtRegistration() {
        for (String common : new String[] { "password", "12345678", "iloveyou", "PassWord1", "qwertyuiop" }) {
            signUp(common).then().statusCode(422).body("errors.password", contains(TOO_COMMON));
        }
    }

    @Test
    void shouldRefuseTheMostCommonPasswordsOnChange() {
        Registered alice = register("weak");

        as(alice).body(Map.of("user", Map.of("password", "baseball")))
                .put("/api/user").then().statusCode(422).body("errors.password", contains(TOO_COMMON));
        as(alice).body(Map.of("user", Map.of("password", unique("uncommon passphrase"))))
                .put("/api/user").then().statusCode(200);
    }

    @Test
    void shouldAcceptAnUncommonPassword() {
        signUp("kq7#zv2m mountain").then().statusCode(201);
    }

    @Test
    void shouldAnswerAWrongPasswordAndAnUnknownEmailAlike() {
        Registered alice = register("login");

        Response wrongPassword = anonymous().body(login(alice.email(), "not the password")).post("/api/users/login");
        Response unknownEmail = anonymous().body(login(unique("nobody") + "@example.com", PASSWORD))
                .post("/api/users/login");

        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownEmail.statusCode());
        assertThat(wrongPassword.asString()).isEqualTo(unknownEmail.asString());
    }

    private static Response signUp(String password) {
        String username = unique("weak");
        return anonymous().body(Map.of("user", Map.of("username", username, "email", username + "@example.com",
                "password", password))).post("/api/users");
    }

    private static Map<String, Object> login(String email, String password) {
        return Map.of("user", Map.of("email", email, "password", password));
    }
}
