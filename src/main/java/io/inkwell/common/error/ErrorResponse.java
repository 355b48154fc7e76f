package io.inkwell.common.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error body: {@code {"errors": {"<field>": ["<message>"]}}}. */
@RegisterForReflection // serialised from exception mappers and the router, which native builds do not see as API types
public record ErrorResponse(Map<String, List<String>> errors) {

    /** Key used when no single request field is at fault (the spec's GenericErrorModel uses it). */
    public static final String GENERAL = "body";

    public static ErrorResponse of(String field, String message) {
        return new ErrorResponse(Map.of(field, List.of(message)));
    }

    /**
     * An answer carrying this body as JSON, whatever the request's {@code Accept} says: left to content
     * negotiation, a client asking for HTML would get the record's {@code toString()} as text/html.
     */
    public RestResponse<ErrorResponse> answer(int status) {
        return RestResponse.ResponseBuilder.<ErrorResponse>create(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }

    public static RestResponse<ErrorResponse> answer(int status, String field, String message) {
        return of(field, message).answer(status);
    }
}
