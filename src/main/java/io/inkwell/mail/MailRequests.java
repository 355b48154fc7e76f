package io.inkwell.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.inkwell.common.validation.Limits;

/** Request bodies of the verification and password-reset endpoints (no envelope, as the issue specifies). */
public final class MailRequests {

    private static final int MAX_TOKEN = 100;

    private MailRequests() {
    }

    public record VerifyEmail(@NotBlank @Size(max = MAX_TOKEN, message = Limits.TOO_LONG) String token) {
    }

    public record PasswordReset(@NotBlank @Email @Size(max = Limits.EMAIL, message = Limits.TOO_LONG) String email) {
    }

    public record PasswordResetConfirm(
            @NotBlank @Size(max = MAX_TOKEN, message = Limits.TOO_LONG) String token,
            @NotNull @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX) String password) {
    }
}
