package io.inkwell.security;

import static io.inkwell.support.Api.anonymous;
import static io.inkwell.support.Api.as;
import static io.inkwell.support.Api.register;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.inkwell.support.Api.Registered;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API7 (server-side request forgery): the only URL a client hands Inkwell is a profile image, and
 * Inkwell never fetches it; it accepts only http and https URLs, so that no other scheme reaches the
 * browsers that show it.
 */
@QuarkusTest
class Api7ServerSideRequestForgeryTest {

    @Test
    void shouldRefuseImageUrlsOfOtherSchemes() {
        Registered alice = register("image");
        for (String url : new String[] { "javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a.png",
                "data:image/png;base64,AAAA", "gopher://127.0.0.1:6379/_INFO", "//example.com/a.png" }) {
            as(alice).body(Map.of("user", Map.of("image", url))).put("/api/user")
                    .then().statusCode(422).body("errors.image", contains("must be an http or https URL"));
        }
    }

    @Test
    void shouldNeverFetchAnImageUrl() throws IOException {
        Registered alice = register("image");
        try (ServerSocket internal = new ServerSocket(0)) {
            String url = "http://127.0.0.1:" + internal.getLocalPort() + "/internal/admin";

            as(alice).body(Map.of("user", Map.of("image", url))).put("/api/user")
                    .then().statusCode(200).body("user.image", equalTo(url));
            anonymous().get("/api/profiles/{username}", alice.username())
                    .then().statusCode(200).body("profile.image", equalTo(url));

            internal.setSoTimeout(500); // the answers above are complete: any fetch would already have begun
            assertThatThrownBy(internal::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }
}
