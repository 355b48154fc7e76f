package io.inkwell.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Tells clients where they stand, on every answer of a limited endpoint, 429 or not:
 * {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers, structured
 * fields), and {@code Retry-After} in seconds on a 429.
 */
@ApplicationScoped
public class RateLimitHeaders {

    private static final String DECISION = "inkwell.rate-limit.decision";

    private final CurrentVertxRequest request;

    RateLimitHeaders(CurrentVertxRequest request) {
        this.request = request;
    }

    void record(Decision decision) {
        RoutingContext context = request.getCurrent();
        if (context != null) {
            context.put(DECISION, decision);
        }
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        RoutingContext context = request.getCurrent();
        Decision decision = context == null ? null : context.get(DECISION);
        if (decision == null) {
            return;
        }
        response.getHeaders().putSingle("RateLimit-Policy", decision.policyHeader());
        response.getHeaders().putSingle("RateLimit", decision.stateHeader());
        if (!decision.allowed()) {
            response.getHeaders().putSingle("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }
}
