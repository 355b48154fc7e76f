package io.inkwell.security;

import static io.inkwell.support.Api.PASSWORD;
import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static io.inkwell.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * API6 (unrestricted access to sensitive business flows): registration and renaming cannot be used
 * to impersonate someone under a name that looks like theirs. Names are NFKC-normalised, may not mix
 * scripts or hold invisible characters, and are unique by their confusable skeleton.
 */
@QuarkusTest
class Api6LookAlikeUsernamesTest {

    @Test
    void shouldStoreCompatibilityFormsNormalisedAndTakenLikeTheirPlainForm() {
        String name = unique("fullwidth");
        String fullWidth = toFullWidth(name);

        signUp(fullWidth).then().statusCode(201).body("user.username", equalTo(name));
        signUp(name).then().statusCode(422).body("errors.username", contains("has already been taken"));
        anonymous().get("/api/profiles/{username}", fullWidth).then().statusCode(200)
                .body("profile.username", equalTo(name));
    }

    @Test
    void shouldRefuseALigatureLookAlikeOfATakenName() {
        String name = "fi" + unique("sh");
        signUp(name).then().statusCode(201);

        signUp("\uFB01" + name.substring(2)).then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
    }

    @Test
    void shouldRefuseNamesMixingScripts() {
        String cyrillicA = "j\u0430ke_" + unique("x").substring(2);

        signUp(cyrillicA).then().statusCode(422)
                .body("errors.username", contains("must not mix scripts or kinds of digits"));
    }

    @Test
    void shouldRefuseInvisibleCharacters() {
        for (String invisible : new String[] { "\u3164", "\u115F", "\uFFA0", "\u200B", "\u2060" }) {
            Response response = signUp(unique("ghost") + invisible);
            response.then().statusCode(422);
        }
        signUp(unique("ghost") + "\u3164").then()
                .body("errors.username", contains("must not contain invisible characters"));
    }

    @Test
    void shouldRefuseANameThatLooksLikeATakenOne() {
        Registered bill = register("bill");

        signUp(bill.username().toUpperCase()).then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
        signUp(bill.username().replace("l", "1")).then().statusCode(422)
                .body("errors.username", contains("has already been taken"));
    }

    @Test
    void shouldApplyTheSameRulesOnRename() {
        Registered alice = register("alice");
        Registered mallory = register("mallory");

        as(mallory).body(Map.of("user", Map.of("username", toFullWidth(alice.username()))))
                .put("/api/user").then().statusCode(422).body("errors.username", contains("has already been taken"));
        as(mallory).body(Map.of("user", Map.of("username", alice.username() + "\u3164")))
                .put("/api/user").then().statusCode(422)
                .body("errors.username", contains("must not contain invisible characters"));
        as(mallory).body(Map.of("user", Map.of("username", "\u0430" + alice.username().substring(1))))
                .put("/api/user").then().statusCode(422);

        String renamed = unique("renamed");
        as(mallory).body(Map.of("user", Map.of("username", toFullWidth(renamed))))
                .put("/api/user").then().statusCode(200).body("user.username", equalTo(renamed));
        as(mallory).body(Map.of("user", Map.of("username", renamed.toUpperCase())))
                .put("/api/user").then().statusCode(200).body("user.username", equalTo(renamed.toUpperCase()));
    }

    @Test
    void shouldKeepNamesInOneScriptWhateverTheScript() {
        long number = Math.abs(System.nanoTime() % 1_000_000_000L);
        for (String name : new String[] { "Дмитрий", "Ελένη", "José_", "tanaka_田中", "김철수" }) {
            signUp(name + number).then().statusCode(201).body("user.username", equalTo(name + number));
        }
    }

    private static Response signUp(String username) {
        String email = unique("lookalike") + "@example.com";
        return anonymous().body(Map.of("user", Map.of("username", username, "email", email, "password", PASSWORD)))
                .post("/api/users");
    }

    private static String toFullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
