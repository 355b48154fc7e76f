package io.inkwell.ratelimit;

/** A login attempt counted as failed; a successful login gives its count back. */
@FunctionalInterface
public interface LoginAttempt {

    LoginAttempt UNLIMITED = () -> {
    };

    void succeeded();
}
