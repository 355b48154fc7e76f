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

import io.inkwell.common.security.TokenService;
import io.inkwell.config.InkwellConfig;
import io.inkwell.user.User;
import io.inkwell.user.UserResponse;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Password reset by mail: Inkwell's addition to the Conduit API. */
@Path("/api/users/password-reset")
@Tag(name = "User and Authentication")
public class PasswordResetResource {

    private final AccountMailService accounts;
    private final TokenService tokens;
    private final Duration answerTime;

    PasswordResetResource(AccountMailService accounts, TokenService tokens, InkwellConfig config) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.answerTime = config.mail().resetAnswerTime();
    }

    @POST
    @PermitAll
    @Blocking
    @Operation(summary = "Mail a password-reset link to the address, if it has an account",
            description = "Always 202, after the same time whether or not the address has an account.")
    @APIResponse(responseCode = "202", description = "If the address has an account, a reset link is on its way")
    public Uni<RestResponse<Void>> request(@NotNull @Valid MailRequests.PasswordReset request, HttpServerRequest http) {
        long started = System.nanoTime();
        accounts.requestPasswordReset(request.email(), clientIp(http));
        Duration rest = answerTime.minusNanos(System.nanoTime() - started);
        return Uni.createFrom().item(RestResponse.<Void>accepted())
                .onItem().delayIt().by(rest.isNegative() || rest.isZero() ? Duration.ofMillis(1) : rest);
    }

    @POST
    @Path("/confirm")
    @PermitAll
    @Operation(summary = "Set a new password with the token of a password-reset mail",
            description = "Answers the account with a fresh token. An unknown, expired or used token is a 422.")
    public UserResponse confirm(@NotNull @Valid MailRequests.PasswordResetConfirm request) {
        User user = accounts.resetPassword(request.token(), request.password());
        return UserResponse.of(user, tokens.issue(user.id, user.username));
    }

    /** The peer's address; behind proxies, issue 7's client-IP resolution (trusted proxies) replaces this. */
    static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
