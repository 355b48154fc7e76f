package io.inkwell.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.config.InkwellConfig;
import io.smallrye.jwt.build.Jwt;

/** Issues the JWTs clients present as {@code Authorization: Token <jwt>}; the subject is the user id. */
@ApplicationScoped
public class TokenService {

    private final InkwellConfig.Jwt config;

    TokenService(InkwellConfig config) {
        this.config = config.jwt();
    }

    public String issue(long userId, String username) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(Long.toString(userId))
                .upn(username)
                .expiresIn(config.lifespan())
                .sign();
    }
}
