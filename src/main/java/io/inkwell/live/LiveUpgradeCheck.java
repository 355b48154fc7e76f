package io.inkwell.live;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

/**
 * A token that is presented must be valid, as on the REST endpoints: a bad one is a 401 at the
 * upgrade rather than a silently anonymous connection. No token at all: anonymous.
 */
@ApplicationScoped
class LiveUpgradeCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Token"));

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (context.httpRequest().getHeader("Authorization") == null) {
            return CheckResult.permitUpgrade();
        }
        // A failed authentication has been answered (401 with its challenge) by the security layer
        // already, as for a REST request: passing the failure on keeps the two from answering twice.
        return context.securityIdentity().map(identity -> identity == null || identity.isAnonymous()
                ? CheckResult.rejectUpgradeSync(401, CHALLENGE)
                : CheckResult.permitUpgradeSync());
    }
}
