package io.inkwell.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.config.InkwellConfig;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues the JWTs clients present as {@code Authorization: Token <jwt>}; the subject is the user id,
 * {@value #SESSION_CLAIM} the session the token belongs to (checked on every request, see session/).
 */
@ApplicationScoped
public class TokenService {

    /** The session id claim (as OpenID Connect names it). */
    public static final String SESSION_CLAIM = "sid";

    private final InkwellConfig.Jwt config;

    TokenService(InkwellConfig config) {
        this.config = config.jwt();
    }

    public String issue(long userId, String username, String sessionId) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(Long.toString(userId))
                .upn(username)
                .claim(SESSION_CLAIM, sessionId)
                .expiresIn(config.lifespan())
                .sign();
    }
}
