package io.inkwell.common.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.inkwell.config.InkwellConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses tokens dated in the future, beyond {@code inkwell.jwt.clock-skew}: issued ({@code iat}) or
 * valid from ({@code nbf}) later than now. SmallRye JWT checks expiry but accepts any {@code iat}, and a
 * token minted to start in a year would otherwise stay usable long after its key was meant to be retired.
 */
@ApplicationScoped
public class TokenClock implements SecurityIdentityAugmentor {

    private final Duration skew;

    TokenClock(InkwellConfig config) {
        this.skew = config.jwt().clockSkew();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            long latest = Instant.now().plus(skew).getEpochSecond();
            if (secondsOf(token, Claims.iat) > latest || secondsOf(token, Claims.nbf) > latest) {
                return Uni.createFrom().failure(new AuthenticationFailedException("token dated in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static long secondsOf(JsonWebToken token, Claims claim) {
        Object value = token.getClaim(claim.name());
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        return value instanceof Number number ? number.longValue() : Long.MIN_VALUE;
    }
}
