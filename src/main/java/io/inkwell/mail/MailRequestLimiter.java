package io.inkwell.mail;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The seam for limiting mails people can trigger for an account (verification resends, password
 * resets): 3 an hour per account and per client address, once issue 7's ratelimit/ is merged, which
 * plugs its limiter in here. Until then it allows everything.
 */
@ApplicationScoped
public class MailRequestLimiter {

    public enum Kind { VERIFICATION, PASSWORD_RESET }

    /** Whether one more mail of {@code kind} may go to the account, requested from {@code clientIp}. */
    public boolean allow(Kind kind, long userId, String clientIp) {
        return true;
    }
}
