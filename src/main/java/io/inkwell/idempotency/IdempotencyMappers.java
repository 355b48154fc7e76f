package io.inkwell.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a repeated write with its first outcome, marked as a replay. */
public class IdempotencyMappers {

    static final String REPLAYED = "Idempotent-Replayed";

    @ServerExceptionMapper
    public Response replay(Replayed replayed) {
        Outcome outcome = replayed.outcome;
        Response.ResponseBuilder answer = Response.status(outcome.status()).header(REPLAYED, "true");
        return outcome.body() == null ? answer.build() : answer.type(MediaType.APPLICATION_JSON_TYPE).entity(outcome.body()).build();
    }
}
