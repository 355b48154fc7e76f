package io.inkwell.common.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A request whose database connection breaks under it (PostgreSQL restarted) runs once more, on a
 * fresh connection, provided its transaction had not reached commit: see {@link DatabaseFailures}.
 * Put on resources, outside the services' transactions, so the retry starts a new transaction.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReconnectOnce {
}
