package io.inkwell.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers bodies over {@code quarkus.http.limits.max-body-size} with 413 in the error envelope. The
 * HTTP layer rejects them before any JAX-RS mapper runs, so this works at the router: declared
 * lengths are refused up front, streamed (chunked) ones when the limit is crossed.
 *
 * <p>Streamed bodies are read here, under the limit, before Quarkus REST sees them: left to Quarkus
 * REST, a body crossing the limit mid-stream is answered with a bare 413 that no handler can dress.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final long maxBytes;
    private final String body;
    private final BodyHandler streamedBodies;

    RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
        this.body = Json.encode(ErrorResponse.of(ErrorResponse.GENERAL,
                "is too large (maximum is " + maxBytes + " bytes)"));
        this.streamedBodies = BodyHandler.create(false).setBodyLimit(maxBytes);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerStreamedOversize);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            tooLarge(context);
        } else if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            streamedBodies.handle(context); // fails the route with 413 once the limit is crossed
        } else {
            context.next();
        }
    }

    private void answerStreamedOversize(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            tooLarge(context);
        } else {
            context.next();
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void tooLarge(RoutingContext context) {
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
