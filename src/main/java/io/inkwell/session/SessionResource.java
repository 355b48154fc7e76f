package io.inkwell.session;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.CurrentUser;
import io.inkwell.user.UserResponse;
import io.quarkus.security.Authenticated;

@Path("/api")
@Tag(name = "Sessions")
public class SessionResource {

    private final SessionService sessions;
    private final CurrentUser currentUser;

    SessionResource(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/users/refresh")
    @PermitAll
    @Operation(summary = "New tokens for a refresh token, which then stops working; using one twice ends its session")
    public UserResponse refresh(@NotNull @Valid SessionResponse.RefreshRequest request) {
        return sessions.refresh(request.refreshToken())
                .map(refreshed -> UserResponse.of(refreshed.user(), refreshed.tokens()))
                .orElseThrow(() -> new ApiException(401, "refreshToken", "is invalid or expired"));
    }

    @POST
    @Path("/users/logout")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "End the current session: its access and refresh tokens stop working")
    public RestResponse<Void> logout() {
        sessions.endCurrent(currentUser.requireId());
        return RestResponse.noContent();
    }

    @GET
    @Path("/user/sessions")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "The current user's live sessions, most recently used first")
    public SessionResponse list() {
        return new SessionResponse(sessions.list(currentUser.requireId()));
    }

    @DELETE
    @Path("/user/sessions")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "End every session of the current user but the current one")
    public RestResponse<Void> endOthers() {
        sessions.endOthers(currentUser.requireId());
        return RestResponse.noContent();
    }

    @DELETE
    @Path("/user/sessions/{id}")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "End one session of the current user (another user's session is not found)")
    public RestResponse<Void> end(@RestPath String id) {
        sessions.end(currentUser.requireId(), parse(id));
        return RestResponse.noContent();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("session");
        }
    }
}
