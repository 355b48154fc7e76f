package io.inkwell.common.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer of the API port carries, errors and refusals included: an API answers JSON
 * that no browser should sniff into something else, frame, or render with scripts, and answers that
 * carry a token or a signed-in user's data are never stored by a cache.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Registered before any other handler (the body limit included), so that even its 413 carries them. */
    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onEveryAnswer);
    }

    private void onEveryAnswer(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean privateAnswer = isPrivate(request);
        boolean browserPage = isBrowserPage(request.path());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (!browserPage) {
                headers.set("X-Frame-Options", "DENY");
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            if (privateAnswer) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        context.next();
    }

    /** Signed-in calls answer with the caller's view; the user endpoints hand out tokens. */
    private static boolean isPrivate(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.AUTHORIZATION) || request.path().startsWith("/api/user");
    }

    /** Swagger UI and the Dev UI are HTML pages with scripts of their own. */
    private static boolean isBrowserPage(String path) {
        return path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui");
    }
}
