package io.inkwell.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.inkwell.common.security.NotCommonPassword;
import io.inkwell.common.validation.Limits;
import io.inkwell.common.validation.PlainText;
import io.inkwell.common.validation.PrintableText;

/** Request bodies of the user endpoints, in the spec's {@code {"user": {...}}} envelope. */
public final class UserRequests {

    private UserRequests() {
    }

    public record Register(@NotNull @Valid NewUser user) {
    }

    public record NewUser(
            @NotBlank @Size(max = Limits.USERNAME, message = Limits.TOO_LONG) @ValidUsername String username,
            @NotBlank @Email @Size(max = Limits.EMAIL, message = Limits.TOO_LONG) @PrintableText String email,
            @NotBlank @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX) @PlainText @NotCommonPassword
            String password) {
    }

    public record Login(@NotNull @Valid Credentials user) {
    }

    public record Credentials(
            @NotBlank @Size(max = Limits.EMAIL, message = Limits.TOO_LONG) @PrintableText String email,
            @NotBlank @Size(max = Limits.PASSWORD_MAX, message = Limits.TOO_LONG) @PlainText String password) {
    }

    public record Update(@NotNull @Valid UserChanges user) {
    }

    /** Every field optional; {@code null} keeps the current value, "" clears bio and image. */
    public record UserChanges(
            @Email @Size(min = 1, max = Limits.EMAIL) @PrintableText String email,
            @Size(min = 1, max = Limits.USERNAME) @ValidUsername String username,
            @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX) @PlainText @NotCommonPassword String password,
            @Size(max = Limits.BIO, message = Limits.TOO_LONG) @PlainText String bio,
            @Size(max = Limits.IMAGE_URL, message = Limits.TOO_LONG) @PrintableText
            @Pattern(regexp = Limits.IMAGE_URL_PATTERN, message = "must be an http or https URL") String image) {

        boolean isEmpty() {
            return email == null && username == null && password == null && bio == null && image == null;
        }
    }
}
