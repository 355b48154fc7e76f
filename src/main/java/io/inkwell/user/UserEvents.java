package io.inkwell.user;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Business counters for the user flows, exported at /q/metrics. */
@ApplicationScoped
public class UserEvents {

    private final Counter registrations;
    private final Counter failedLogins;

    UserEvents(MeterRegistry registry) {
        registrations = Counter.builder("inkwell.users.registered")
                .description("Accounts registered").register(registry);
        failedLogins = Counter.builder("inkwell.logins.failed")
                .description("Login attempts refused for a wrong e-mail or password").register(registry);
    }

    void registered() {
        registrations.increment();
    }

    void loginFailed() {
        failedLogins.increment();
    }
}
