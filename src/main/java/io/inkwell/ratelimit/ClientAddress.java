package io.inkwell.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * The calling client's IP: the connection's peer, unless the peer is a trusted proxy
 * ({@code quarkus.http.proxy.*}). Then the forwarding header is read from the right, skipping
 * trusted proxies, so the client is the last address a trusted proxy vouched for: whatever a client
 * writes into the header itself stays to the left of it and is never taken.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    private final CurrentVertxRequest request;
    private final TrustedProxies proxies;
    private final boolean forwarded;
    private final boolean xForwarded;

    ClientAddress(CurrentVertxRequest request,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false") boolean allowForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded") Optional<Boolean> allowXForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        this.request = request;
        this.proxies = new TrustedProxies(trusted);
        this.forwarded = forwarding && allowForwarded;
        this.xForwarded = forwarding && allowXForwarded.orElse(!allowForwarded);
        if (forwarding && proxies.isEmpty()) {
            LOG.warn("quarkus.http.proxy.trusted-proxies is empty: rate limits use the connection's peer address only");
        }
    }

    /** The current request's client IP (or, behind a proxy, whatever identity the proxy gave it). */
    public String current() {
        if (request.getCurrent() == null) {
            return "unknown"; // not serving a request
        }
        HttpServerRequest http = request.getCurrent().request();
        String peer = http.connection().remoteAddress().hostAddress();
        if (!proxies.trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded && http.getHeader("Forwarded") != null
                ? forwardedFor(http.headers().getAll("Forwarded"))
                : xForwarded ? xForwardedFor(http.headers().getAll("X-Forwarded-For")) : List.of();
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!proxies.trusts(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    private static List<String> xForwardedFor(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    chain.add(address(part));
                }
            }
        }
        return chain;
    }

    /** RFC 7239: {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("for")) {
                        chain.add(address(nameValue[1]));
                    }
                }
            }
        }
        return chain;
    }

    /** {@code "[2001:db8::1]:4711"} to {@code 2001:db8::1}; {@code 192.0.2.1:80} to {@code 192.0.2.1}. */
    private static String address(String raw) {
        String value = raw.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
    }
}
