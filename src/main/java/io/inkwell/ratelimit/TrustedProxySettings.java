package io.inkwell.ratelimit;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a trusted proxy that Quarkus would look up in DNS. Its forwarding support
 * resolves such an entry on every request through a new DNS client that it never closes: each request
 * waits on DNS and leaks a socket, until the process runs out of file descriptors (seen with Quarkus
 * 3.34). IP addresses, CIDR ranges and localhost are matched without DNS, here and by the rate limits.
 */
class TrustedProxySettings {

    void check(@Observes Startup startup,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        List<String> resolved = TrustedProxies.resolvedByQuarkus(trusted.orElse(List.of()));
        if (!resolved.isEmpty()) {
            throw new IllegalStateException("Inkwell cannot start: quarkus.http.proxy.trusted-proxies holds "
                    + resolved + ", which Quarkus would look up in DNS on every request. Give IP addresses or CIDR"
                    + " ranges, and IPv6 addresses as ranges (fd00::1/128): Quarkus reads a bare IPv6 address as a"
                    + " host name and a port.");
        }
    }
}
