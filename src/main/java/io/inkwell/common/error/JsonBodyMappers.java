package io.inkwell.common.error;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Request bodies that are not the JSON an endpoint takes: always a 400 in the envelope, never a 500. */
public class JsonBodyMappers {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*?)'");

    /** Well-formed JSON of the wrong shape: a number where a string belongs, an object for a list. */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> wrongJsonType(MismatchedInputException e) {
        String field = lastFieldName(e);
        return field == null
                ? ErrorResponse.answer(400, ErrorResponse.GENERAL, "has the wrong JSON structure")
                : ErrorResponse.answer(400, field, "has the wrong JSON type");
    }

    /** Malformed JSON, including an object that repeats a key (which value would count is anyone's guess). */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unparsable(StreamReadException e) {
        return notJson(e);
    }

    /** The answer for a body Jackson could not parse; Quarkus REST may hand the parse error over wrapped. */
    static RestResponse<ErrorResponse> notJson(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(cause.getMessage()));
            if (cause instanceof StreamReadException && duplicate.find()) {
                String field = duplicate.group(1).isEmpty() ? ErrorResponse.GENERAL : duplicate.group(1);
                return ErrorResponse.answer(400, field, "is given more than once");
            }
        }
        return ErrorResponse.answer(400, ErrorResponse.GENERAL, "is not valid JSON");
    }

    private static String lastFieldName(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return null;
    }
}
