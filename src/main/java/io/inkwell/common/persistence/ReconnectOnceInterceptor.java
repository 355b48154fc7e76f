package io.inkwell.common.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.Guard;

/**
 * One immediate retry when the connection broke before commit. Runs inside the rate limit's
 * interceptor (a retried write counts once) and outside every {@code @Transactional} service.
 */
@ReconnectOnce
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
class ReconnectOnceInterceptor {

    private static final Logger LOG = Logger.getLogger(ReconnectOnceInterceptor.class);

    private static final Guard RETRY = Guard.create()
            .withRetry()
            .maxRetries(1)
            .delay(0, java.time.temporal.ChronoUnit.MILLIS)
            .jitter(0, java.time.temporal.ChronoUnit.MILLIS)
            .whenException(DatabaseFailures::brokenConnection)
            .beforeRetry(failure -> LOG.debugf("Connection broke (%s); retrying once on a fresh one", failure))
            .done()
            .build();

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        return RETRY.call(invocation::proceed, Object.class);
    }
}
