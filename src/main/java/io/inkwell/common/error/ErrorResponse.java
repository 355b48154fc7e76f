package io.inkwell.common.error;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error body: {@code {"errors": {"<field>": ["<message>"]}}}. */
@RegisterForReflection // serialised from exception mappers and the router, which native builds do not see as API types
public record ErrorResponse(Map<String, List<String>> errors) {

    /** Key used when no single request field is at fault (the spec's GenericErrorModel uses it). */
    public static final String GENERAL = "body";

    public static ErrorResponse of(String field, String message) {
        return new ErrorResponse(Map.of(field, List.of(message)));
    }
}
