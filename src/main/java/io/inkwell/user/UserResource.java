package io.inkwell.user;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.security.CurrentUser;
import io.inkwell.common.security.Sessions;
import io.inkwell.ratelimit.LimitedWrite;
import io.inkwell.ratelimit.RateLimitOpenApi;
import io.inkwell.ratelimit.LoginAttempt;
import io.inkwell.ratelimit.RateLimits;
import io.quarkus.security.Authenticated;

@Path("/api")
@Tag(name = "User and Authentication")
public class UserResource {

    private final UserService users;
    private final Sessions sessions;
    private final CurrentUser currentUser;
    private final RateLimits limits;

    UserResource(UserService users, Sessions sessions, CurrentUser currentUser, RateLimits limits) {
        this.users = users;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @POST
    @Path("/users")
    @PermitAll
    @Extension(name = RateLimitOpenApi.LIMITS, value = "registrations-ip")
    @Operation(summary = "Register a new user; starts a session (the answer carries its refreshToken)")
    public RestResponse<UserResponse> register(@NotNull @Valid UserRequests.Register user) {
        limits.registration();
        User registered = users.register(user.user());
        return RestResponse.status(RestResponse.Status.CREATED, withNewToken(registered));
    }

    @POST
    @Path("/users/login")
    @PermitAll
    @Extension(name = RateLimitOpenApi.LIMITS, value = "failed-logins-account-ip, failed-logins-ip")
    @Operation(summary = "Log in an existing user; starts a session (the answer carries its refreshToken)")
    public UserResponse login(@NotNull @Valid UserRequests.Login user) {
        LoginAttempt attempt = limits.loginAttempt(user.user().email());
        User loggedIn = users.login(user.user());
        attempt.succeeded();
        return withNewToken(loggedIn);
    }

    @GET
    @Path("/user")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "Get the current user")
    public UserResponse current() {
        return UserResponse.of(users.require(currentUser.requireId()), currentUser.token());
    }

    @PUT
    @Path("/user")
    @Authenticated
    @LimitedWrite
    @SecurityRequirement(name = "Token")
    @Extension(name = RateLimitOpenApi.LIMITS, value = "writes-user")
    @Operation(summary = "Update the current user; a new password ends every other session of the user")
    public UserResponse update(@NotNull @Valid UserRequests.Update user) {
        return UserResponse.of(users.update(currentUser.requireId(), user.user()), currentUser.token());
    }

    /** Login and registration start a session: a token bound to it, and its refresh token. */
    private UserResponse withNewToken(User user) {
        return UserResponse.of(user, sessions.start(user.id, user.username));
    }
}
