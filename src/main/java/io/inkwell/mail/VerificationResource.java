package io.inkwell.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.inkwell.common.security.CurrentUser;
import io.inkwell.ratelimit.RateLimits;
import io.inkwell.user.User;
import io.inkwell.user.UserResponse;
import io.quarkus.security.Authenticated;

/** Address verification: Inkwell's addition to the Conduit API; clients that ignore it lose nothing. */
@Path("/api/users/verify-email")
@Tag(name = "User and Authentication")
public class VerificationResource {

    private final AccountMailService accounts;
    private final CurrentUser currentUser;
    private final RateLimits limits;

    VerificationResource(AccountMailService accounts, CurrentUser currentUser, RateLimits limits) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @POST
    @PermitAll
    @Operation(summary = "Verify an e-mail address with the token of a verification mail",
            description = "Answers the account, now with emailVerified true; its token only when the caller signed in as that user. "
                    + "An unknown, expired or used token is a 422.")
    public UserResponse verifyEmail(@NotNull @Valid MailRequests.VerifyEmail request) {
        User user = accounts.verifyEmail(request.token());
        String token = currentUser.id().filter(id -> id.equals(user.id)).map(id -> currentUser.token()).orElse(null);
        return UserResponse.of(user, token);
    }

    @POST
    @Path("/resend")
    @Authenticated
    @SecurityRequirement(name = "Token")
    @Operation(summary = "Send the verification mail again")
    @APIResponse(responseCode = "202", description = "The mail is on its way")
    @APIResponse(responseCode = "422", description = "The address is verified already")
    @APIResponse(responseCode = "429", description = "Too many mails for this address or from this client lately (inkwell.rate-limit.mails)")
    public RestResponse<Void> resend() {
        accounts.resendVerification(currentUser.requireId(), limits::mail);
        return RestResponse.accepted();
    }
}
