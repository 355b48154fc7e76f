package io.inkwell.ratelimit;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.inkwell.common.security.CurrentUser;

@LimitedWrite
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class LimitedWriteInterceptor {

    private final RateLimits limits;
    private final CurrentUser currentUser;

    LimitedWriteInterceptor(RateLimits limits, CurrentUser currentUser) {
        this.limits = limits;
        this.currentUser = currentUser;
    }

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        limits.write(currentUser.requireId());
        return invocation.proceed();
    }
}
