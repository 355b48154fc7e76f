package io.inkwell.mail;

import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.Sessions;
import io.inkwell.config.InkwellConfig;
import io.inkwell.ratelimit.RateLimits;
import io.inkwell.user.User;
import io.inkwell.user.UserResponse;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Password reset by mail: Inkwell's addition to the Conduit API. */
@Path("/api/users/password-reset")
@Tag(name = "User and Authentication")
public class PasswordResetResource {

    private final AccountMailService accounts;
    private final Sessions sessions;
    private final RateLimits limits;
    private final Duration answerTime;

    PasswordResetResource(AccountMailService accounts, Sessions sessions, RateLimits limits, InkwellConfig config) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limits = limits;
        this.answerTime = config.mail().resetAnswerTime();
    }

    @POST
    @PermitAll
    @Blocking
    @Operation(summary = "Mail a password-reset link to the address, if it has an account",
            description = "Always 202, after the same time whether or not the address has an account. Past the mail "
                    + "rate limit (inkwell.rate-limit.mails, per address and per client IP) nothing is sent, and the answer is the same.")
    @APIResponse(responseCode = "202", description = "If the address has an account, a reset link is on its way")
    public Uni<RestResponse<Void>> request(@NotNull @Valid MailRequests.PasswordReset request) {
        long started = System.nanoTime();
        if (withinMailLimit(request.email())) {
            accounts.requestPasswordReset(request.email());
        }
        Duration rest = answerTime.minusNanos(System.nanoTime() - started);
        return Uni.createFrom().item(RestResponse.<Void>accepted())
                .onItem().delayIt().by(rest.isNegative() || rest.isZero() ? Duration.ofMillis(1) : rest);
    }

    @POST
    @Path("/confirm")
    @PermitAll
    @Operation(summary = "Set a new password with the token of a password-reset mail",
            description = "Answers the account with a fresh session (token and refresh token); every earlier session "
                    + "of the account has ended. An unknown, expired or used token is a 422.")
    public UserResponse confirm(@NotNull @Valid MailRequests.PasswordResetConfirm request) {
        User user = accounts.resetPassword(request.token(), request.password());
        return UserResponse.of(user, sessions.start(user.id, user.username));
    }

    /** A 429 here would still reveal nothing, but the endpoint promises 202 whatever happens. */
    private boolean withinMailLimit(String email) {
        try {
            limits.mail(email);
            return true;
        } catch (ApiException e) {
            if (e.status() != 429) {
                throw e;
            }
            return false;
        }
    }
}
