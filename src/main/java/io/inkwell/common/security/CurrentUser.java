package io.inkwell.common.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, if anyone. Authentication is lazy: the first call here checks the token, and a
 * token that is present but invalid is a 401 even on endpoints where signing in is optional.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    CurrentUser(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public Optional<Long> id() {
        if (identity.isAnonymous() || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(jwt.getSubject()));
        } catch (NumberFormatException e) {
            throw new UnauthorizedException();
        }
    }

    public long requireId() {
        return id().orElseThrow(UnauthorizedException::new);
    }

    /** The token the caller presented, echoed back in user responses. */
    public String token() {
        return jwt.getRawToken();
    }
}
