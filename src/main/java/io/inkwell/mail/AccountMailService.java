package io.inkwell.mail;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.inkwell.common.error.ApiException;
import io.inkwell.event.Outbox;
import io.inkwell.user.User;
import io.inkwell.user.UserService;
import io.vertx.core.json.JsonObject;

/** Address verification and password reset: the requests (events the mail consumer acts on) and the redeeming of tokens. */
@ApplicationScoped
@Transactional
public class AccountMailService {

    /** {@code {"userId"}}: a verification mail was asked for again. */
    public static final String VERIFICATION_REQUESTED = "user.verification-requested";
    /** {@code {"userId"}}: a password reset was asked for an existing account. */
    public static final String PASSWORD_RESET_REQUESTED = "user.password-reset-requested";

    private final AccountTokens tokens;
    private final UserService users;
    private final Outbox outbox;

    AccountMailService(AccountTokens tokens, UserService users, Outbox outbox) {
        this.tokens = tokens;
        this.users = users;
        this.outbox = outbox;
    }

    public User verifyEmail(String token) {
        AccountTokens.Redeemed redeemed = tokens.redeem(AccountTokens.Purpose.VERIFY_EMAIL, token).orElseThrow(AccountMailService::invalidToken);
        if (!users.confirmEmail(redeemed.userId(), redeemed.email())) {
            throw invalidToken(); // the account's address changed since this link was mailed
        }
        return users.require(redeemed.userId());
    }

    /** Checks {@code limit} (the mail rate limit, given the address) only for an unverified address. */
    public void resendVerification(long userId, Consumer<String> limit) {
        User user = users.require(userId);
        if (user.emailVerifiedAt != null) {
            throw ApiException.unprocessable("email", "is already verified");
        }
        limit.accept(user.email);
        outbox.write(VERIFICATION_REQUESTED, new JsonObject().put("userId", userId));
    }

    /** Does the same whether or not the address has an account, and says nothing either way. */
    public void requestPasswordReset(String email) {
        User.findByEmail(email)
                .ifPresent(user -> outbox.write(PASSWORD_RESET_REQUESTED, new JsonObject().put("userId", user.id)));
    }

    /**
     * Sets the new password through {@link UserService#changePassword}, the path every password change
     * takes. The mailed link proved the address too, and every other reset link of the account dies.
     */
    public User resetPassword(String token, String password) {
        AccountTokens.Redeemed redeemed = tokens.redeem(AccountTokens.Purpose.PASSWORD_RESET, token).orElseThrow(AccountMailService::invalidToken);
        User user = User.findById(redeemed.userId());
        if (user == null || !user.email.equalsIgnoreCase(redeemed.email())) {
            throw invalidToken(); // the account's address changed since this link was mailed
        }
        tokens.revokeAll(AccountTokens.Purpose.PASSWORD_RESET, user.id);
        users.changePassword(user, password);
        users.confirmEmail(user.id, user.email);
        return user;
    }

    private static ApiException invalidToken() {
        return ApiException.unprocessable("token", "is invalid, expired or already used");
    }
}
