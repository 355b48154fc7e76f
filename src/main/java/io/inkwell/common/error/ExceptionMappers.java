package io.inkwell.common.error;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;

/** Turns every failure into the one error envelope; no stack trace or class name ever reaches a client. */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> api(ApiException e) {
        return error(e.status(), e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalid(ConstraintViolationException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.computeIfAbsent(fieldOf(violation.getPropertyPath()), k -> new ArrayList<>())
                    .add(violation.getMessage());
        }
        errors.values().forEach(messages -> messages.sort(null));
        return RestResponse.ResponseBuilder.<ErrorResponse>create(422).entity(new ErrorResponse(errors)).build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized(HttpHeaders headers) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Token")
                .entity(ErrorResponse.of("token", presented ? "is invalid or expired" : "is missing"))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> forbidden(ForbiddenException e) {
        return error(403, ErrorResponse.GENERAL, "forbidden");
    }

    /** Well-formed JSON of the wrong shape: a number where a string belongs, an object for a list. */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> wrongJsonType(MismatchedInputException e) {
        String field = lastFieldName(e);
        return field == null
                ? error(400, ErrorResponse.GENERAL, "has the wrong JSON structure")
                : error(400, field, "has the wrong JSON type");
    }

    /** Routing and protocol errors (404 route, 405, 406, 415) and unreadable bodies (400). */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 400 && e.getCause() != null) {
            return error(400, ErrorResponse.GENERAL, "is not valid JSON");
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return error(status, ErrorResponse.GENERAL, known == null ? "request rejected" : known.getReasonPhrase().toLowerCase());
    }

    /**
     * The body could not be read (the client went away mid-upload, or the HTTP layer refused it and
     * has already answered): a client problem, never logged as a server error.
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpServerResponse response) {
        if (response.ended() || response.headWritten()) {
            LOG.debugf("Request body not read: %s", e.getMessage());
            return null;
        }
        return error(400, ErrorResponse.GENERAL, "could not be read").toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unexpected(Throwable e) {
        String sqlState = sqlStateOf(e);
        if (sqlState != null && sqlState.startsWith("23")) {
            // A concurrent change won (say, the article was deleted while being favorited):
            // the database kept its rules, and the client may retry.
            LOG.debugf(e, "Write refused by a database constraint");
            return error(409, ErrorResponse.GENERAL, "conflicts with a concurrent change; please retry");
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            // Data PostgreSQL refuses to store or compare, such as a NUL character in text.
            LOG.debugf(e, "Value refused by the database");
            return error(400, ErrorResponse.GENERAL, "contains a value that cannot be stored, such as a NUL character");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return error(500, ErrorResponse.GENERAL, "unexpected error; reference " + errorId);
    }

    /** The SQLSTATE of the database error behind {@code e}, if any: class 22 is bad data, 23 a broken constraint. */
    private static String sqlStateOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static RestResponse<ErrorResponse> error(int status, String field, String message) {
        return RestResponse.ResponseBuilder.<ErrorResponse>create(status).entity(ErrorResponse.of(field, message)).build();
    }

    /** "register.request.user.email" -> "email"; container elements ("tagList[1].<list element>") -> "tagList". */
    private static String fieldOf(Path path) {
        String field = ErrorResponse.GENERAL;
        for (Path.Node node : path) {
            String name = node.getName();
            if (name != null && !name.startsWith("<") && !name.startsWith("arg")) {
                field = name;
            }
        }
        return field;
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
