package io.inkwell.common.error;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import io.inkwell.common.http.AllowedMethods;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Turns every failure into the one error envelope, always as JSON; no stack trace or class name ever
 * reaches a client. Bodies that are not the expected JSON are {@link JsonBodyMappers}'s.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    private final AllowedMethods allowedMethods;

    ExceptionMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> api(ApiException e) {
        return ErrorResponse.answer(e.status(), e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalid(ConstraintViolationException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.computeIfAbsent(fieldOf(violation.getPropertyPath()), k -> new ArrayList<>())
                    .add(violation.getMessage());
        }
        errors.values().forEach(messages -> messages.sort(null));
        return new ErrorResponse(errors).answer(422);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public RestResponse<ErrorResponse> unauthorized(HttpHeaders headers) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return RestResponse.ResponseBuilder.fromResponse(
                ErrorResponse.answer(401, "token", presented ? "is invalid or expired" : "is missing"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Token")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> forbidden(ForbiddenException e) {
        return ErrorResponse.answer(403, ErrorResponse.GENERAL, "forbidden");
    }

    /** Routing and protocol errors (404 route, 405, 406, 415) and unreadable bodies (400). */
    @ServerExceptionMapper
    public RestResponse<ErrorResponse> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 400 && e.getCause() != null) {
            return JsonBodyMappers.notJson(e.getCause());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        RestResponse<ErrorResponse> answer = ErrorResponse.answer(status, ErrorResponse.GENERAL,
                known == null ? "request rejected" : known.getReasonPhrase().toLowerCase());
        Set<String> allowed = status == 405 ? allowedMethods.at(request.path()) : Set.of();
        return allowed.isEmpty() ? answer
                : RestResponse.ResponseBuilder.fromResponse(answer).header("Allow", String.join(", ", allowed)).build();
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
        return ErrorResponse.answer(400, ErrorResponse.GENERAL, "could not be read").toResponse();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unexpected(Throwable e) {
        String sqlState = sqlStateOf(e);
        if (sqlState != null && sqlState.startsWith("23")) {
            // A concurrent change won (say, the article was deleted while being favorited):
            // the database kept its rules, and the client may retry.
            LOG.debugf(e, "Write refused by a database constraint");
            return ErrorResponse.answer(409, ErrorResponse.GENERAL, "conflicts with a concurrent change; please retry");
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            // Data PostgreSQL refuses to store or compare, such as a NUL character in a query parameter.
            LOG.debugf(e, "Value refused by the database");
            return ErrorResponse.answer(400, ErrorResponse.GENERAL,
                    "contains a value that cannot be stored, such as a NUL character");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return ErrorResponse.answer(500, ErrorResponse.GENERAL, "unexpected error; reference " + errorId);
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
}
