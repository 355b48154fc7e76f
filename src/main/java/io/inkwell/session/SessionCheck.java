package io.inkwell.session;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The check on every authenticated request, wherever a token is presented (signing in optional or
 * not): a validly signed token of an ended or expired session, or of a user who no longer exists,
 * is refused with 401 like a forged one.
 */
@ApplicationScoped
class SessionCheck implements SecurityIdentityAugmentor {

    private final SessionStates states;

    SessionCheck(SessionStates states) {
        this.states = states;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!states.accepts(jwt)) {
                throw new AuthenticationFailedException("The token's session has ended, or its user no longer exists");
            }
            return identity;
        });
    }
}
