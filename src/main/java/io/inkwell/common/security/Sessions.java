package io.inkwell.common.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Starts a session for a user who just proved who they are (login, registration): the access token
 * bound to it, and its refresh token. Implemented by the session feature; declared here so that the
 * user feature can sign people in without depending on it. Long-lived connections (live updates)
 * ask again now and then whether the token they were opened with may still be used.
 */
public interface Sessions {

    Tokens start(long userId, String username);

    /** Whether a validly signed token may still be used: its session has not ended, its user exists. */
    boolean accepts(JsonWebToken token);

    record Tokens(String accessToken, String refreshToken) {
    }
}
