package io.inkwell.common.security;

/**
 * Starts a session for a user who just proved who they are (login, registration): the access token
 * bound to it, and its refresh token. Implemented by the session feature; declared here so that the
 * user feature can sign people in without depending on it.
 */
public interface Sessions {

    Tokens start(long userId, String username);

    record Tokens(String accessToken, String refreshToken) {
    }
}
