package io.inkwell.mail;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.event.EventConsumer;
import io.inkwell.event.StoredEvent;
import io.inkwell.user.UserEvents;

/**
 * Turns account events into mails: verification after registration, a change of address or a
 * resend; a notice to the old address after a change; a reset link; a notice after any password
 * change. A mail that cannot be sent fails the event, which the pipeline retries with backoff.
 */
@ApplicationScoped
class MailConsumer implements EventConsumer {

    private final AccountMails mails;

    MailConsumer(AccountMails mails) {
        this.mails = mails;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Set<String> types() {
        return Set.of(UserEvents.REGISTERED, UserEvents.EMAIL_CHANGED, UserEvents.PASSWORD_CHANGED,
                AccountMailService.VERIFICATION_REQUESTED, AccountMailService.PASSWORD_RESET_REQUESTED);
    }

    @Override
    public void handle(StoredEvent event) {
        AccountMails.Account account = mails.account(event.payload().getLong("userId")).orElse(null);
        if (account == null) {
            return; // the account is gone: nobody to write to
        }
        switch (event.type()) {
            case UserEvents.REGISTERED, AccountMailService.VERIFICATION_REQUESTED -> {
                if (!account.verified()) {
                    mails.verification(event.id(), account);
                }
            }
            case UserEvents.EMAIL_CHANGED -> {
                if (!account.verified()) {
                    mails.verification(event.id(), account);
                }
                mails.addressChanged(event.id(), account, event.payload().getString("previousEmail"));
            }
            case AccountMailService.PASSWORD_RESET_REQUESTED -> mails.passwordReset(event.id(), account);
            case UserEvents.PASSWORD_CHANGED -> mails.passwordChanged(event.id(), account);
            default -> throw new IllegalArgumentException("mail has no use for " + event.type());
        }
    }
}
