package io.inkwell.common.http;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.inkwell.common.error.ErrorResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers {@code OPTIONS} with the methods the route really serves. CORS preflights never get here:
 * the CORS filter answers them first.
 */
public class OptionsRequests {

    private final AllowedMethods allowedMethods;

    OptionsRequests(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    /** {@code null} lets any other request through. */
    @ServerRequestFilter(preMatching = true)
    public RestResponse<ErrorResponse> answer(HttpServerRequest request) {
        if (request.method() != HttpMethod.OPTIONS) {
            return null;
        }
        Set<String> allowed = allowedMethods.at(request.path());
        if (allowed.isEmpty()) {
            return ErrorResponse.answer(404, ErrorResponse.GENERAL, "not found");
        }
        return RestResponse.ResponseBuilder.<ErrorResponse>ok()
                .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                .build();
    }
}
