package io.inkwell.session;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** The session of the current request's token (none for tokens issued before sessions), and its client. */
@RequestScoped
class CurrentSession {

    private static final int USER_AGENT_MAX = 512;

    private final JsonWebToken jwt;
    private final CurrentVertxRequest request;

    CurrentSession(JsonWebToken jwt, CurrentVertxRequest request) {
        this.jwt = jwt;
        this.request = request;
    }

    Optional<UUID> id() {
        return SessionStates.sessionOf(jwt);
    }

    /** The User-Agent header, cut to the column's size; shown to the user in their sessions list. */
    String userAgent() {
        String agent = request.getCurrent() == null ? null : request.getCurrent().request().getHeader("User-Agent");
        return agent == null || agent.length() <= USER_AGENT_MAX ? agent : agent.substring(0, USER_AGENT_MAX);
    }
}
