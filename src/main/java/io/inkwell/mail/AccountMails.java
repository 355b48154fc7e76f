package io.inkwell.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.common.persistence.Jdbc;
import io.inkwell.config.InkwellConfig;
import io.inkwell.config.MailSettings;

/** The account mails, each composed from the account as it is now and sent at most once per event. */
@ApplicationScoped
class AccountMails {

    /** The addressee as the database holds them when the event is handled. */
    record Account(long id, String username, String email, boolean verified) {
    }

    private final MailSender sender;
    private final AccountTokens tokens;
    private final Jdbc jdbc;
    private final MailSettings settings;

    AccountMails(MailSender sender, AccountTokens tokens, Jdbc jdbc, InkwellConfig config) {
        this.sender = sender;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.settings = config.mail();
    }

    Optional<Account> account(long userId) {
        return jdbc.query("SELECT username, email, email_verified_at IS NOT NULL FROM users WHERE id = ?", List.of(userId),
                rows -> rows.next()
                        ? Optional.of(new Account(userId, rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                        : Optional.empty());
    }

    void verification(long eventId, Account account) {
        sender.sendOnce(eventId, "verify-email", account.email(), "Confirm your e-mail address", () -> {
            String token = tokens.issue(AccountTokens.Purpose.VERIFY_EMAIL, account.id(), account.email(),
                    settings.verificationValidity());
            return MailTemplates.verifyEmail(account.username(), account.email(), link(settings.verifyLink(), token),
                    settings.verificationValidity().toHours());
        });
    }

    void addressChanged(long eventId, Account account, String previousEmail) {
        sender.sendOnce(eventId, "address-changed", previousEmail, "Your Inkwell e-mail address was changed",
                () -> MailTemplates.addressChanged(account.username()));
    }

    void passwordReset(long eventId, Account account) {
        sender.sendOnce(eventId, "password-reset", account.email(), "Reset your Inkwell password", () -> {
            String token = tokens.issue(AccountTokens.Purpose.PASSWORD_RESET, account.id(), account.email(),
                    settings.resetValidity());
            return MailTemplates.passwordReset(account.username(), link(settings.resetLink(), token),
                    settings.resetValidity().toMinutes());
        });
    }

    void passwordChanged(long eventId, Account account) {
        sender.sendOnce(eventId, "password-changed", account.email(), "Your Inkwell password was changed",
                () -> MailTemplates.passwordChanged(account.username()));
    }

    private static String link(String template, String token) {
        return template.replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
