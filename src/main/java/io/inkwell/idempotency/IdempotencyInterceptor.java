package io.inkwell.idempotency;

import java.util.Arrays;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.common.error.ApiException;
import io.inkwell.common.security.CurrentUser;
import io.inkwell.ratelimit.ClientAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code Idempotency-Key} (IETF httpapi draft) on writes. The key, scoped to the signed-in user or
 * else the client IP, is claimed, checked and stored in one transaction with the write itself (the
 * services join it): the same key and request within the key's lifetime answer the first outcome
 * without doing the work again, another request under the key is a 422, the same key still in
 * flight a 409. A write that fails stores nothing (its work rolled back too), so it may be retried.
 *
 * <p>Runs inside {@link io.inkwell.common.persistence.ReconnectOnce}, so its retry starts a fresh transaction.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 20)
class IdempotencyInterceptor {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final int MAX_KEY_LENGTH = 255;

    private final CurrentVertxRequest request;
    private final CurrentUser currentUser;
    private final ClientAddress clientAddress;
    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotencyInterceptor(CurrentVertxRequest request, CurrentUser currentUser, ClientAddress clientAddress,
            IdempotencyKeys keys, ObjectMapper json) {
        this.request = request;
        this.currentUser = currentUser;
        this.clientAddress = clientAddress;
        this.keys = keys;
        this.json = json;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        HttpServerRequest http = request.getCurrent() == null ? null : request.getCurrent().request();
        String header = http == null ? null : http.getHeader(HEADER);
        if (header == null || !WRITES.contains(http.method().name())) {
            return invocation.proceed();
        }
        String key = keyOf(header);
        String scope = currentUser.id().map(id -> "user:" + id).orElseGet(() -> "ip:" + clientAddress.current());
        // The request as the method received it: path and query, and the body's records (their
        // toString names every component, and needs no reflection in a native image).
        String fingerprint = IdempotencyKeys.sha256(http.method().name() + ' ' + http.uri() + '\n'
                + Arrays.deepToString(invocation.getParameters()));
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!keys.claim(scope, key)) {
                throw new ApiException(409, HEADER, "is in use by a request still in progress; retry shortly");
            }
            var stored = keys.find(scope, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw ApiException.unprocessable(HEADER, "was already used for a different request");
                }
                throw new Replayed(stored.get().outcome());
            }
            Object result = invocation.proceed();
            keys.store(scope, key, fingerprint, outcomeOf(result));
            return result;
        });
    }

    /** The draft sends the key as a structured-field string, in quotes; a bare token is accepted too. */
    private static String keyOf(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ApiException(400, HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        return key;
    }

    private Outcome outcomeOf(Object result) throws JsonProcessingException {
        if (result instanceof RestResponse<?> response) {
            return new Outcome(response.getStatus(), bodyOf(response.getEntity()));
        }
        if (result instanceof Response response) {
            return new Outcome(response.getStatus(), bodyOf(response.getEntity()));
        }
        return result == null ? new Outcome(204, null) : new Outcome(200, bodyOf(result));
    }

    private String bodyOf(Object entity) throws JsonProcessingException {
        return entity == null ? null : json.writeValueAsString(entity);
    }
}
