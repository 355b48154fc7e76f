package io.inkwell.user;

import jakarta.enterprise.context.ApplicationScoped;

import io.inkwell.event.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

/**
 * What the user flows announce: business counters at /q/metrics, and domain events through the
 * outbox, written in the transaction of the change. Payloads carry ids (and what the database no
 * longer holds, such as a previous address).
 */
@ApplicationScoped
public class UserEvents {

    /** {@code {"userId"}}: a new account, whose address wants verifying. */
    public static final String REGISTERED = "user.registered";
    /** {@code {"userId", "previousEmail"}}: the address changed and wants verifying; the old one gets a notice. */
    public static final String EMAIL_CHANGED = "user.email-changed";
    /** {@code {"userId"}}: the password changed (through PUT /api/user or a reset); the owner gets a notice. */
    public static final String PASSWORD_CHANGED = "user.password-changed";

    private final Outbox outbox;
    private final Counter registrations;
    private final Counter failedLogins;

    UserEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        registrations = Counter.builder("inkwell.users.registered")
                .description("Accounts registered").register(registry);
        failedLogins = Counter.builder("inkwell.logins.failed")
                .description("Login attempts refused for a wrong e-mail or password").register(registry);
    }

    void registered(User user) {
        registrations.increment();
        outbox.write(REGISTERED, ids(user));
    }

    void emailChanged(User user, String previousEmail) {
        outbox.write(EMAIL_CHANGED, ids(user).put("previousEmail", previousEmail));
    }

    void passwordChanged(User user) {
        outbox.write(PASSWORD_CHANGED, ids(user));
    }

    void loginFailed() {
        failedLogins.increment();
    }

    private static JsonObject ids(User user) {
        return new JsonObject().put("userId", user.id);
    }
}
