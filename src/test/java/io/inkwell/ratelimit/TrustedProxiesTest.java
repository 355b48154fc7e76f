package io.inkwell.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void shouldListTheEntriesQuarkusWouldLookUpInDns() {
        List<String> entries = List.of("10.0.0.7", "10.42.0.0/16", "::1/128", "fd00:42::/64", "localhost",
                "::1", "fd00::1", "ingress.example.com", "LOCALHOST", "10.0.0.0/abc");

        assertThat(TrustedProxies.resolvedByQuarkus(entries))
                .containsExactly("::1", "fd00::1", "ingress.example.com", "LOCALHOST", "10.0.0.0/abc");
    }

    @Test
    void shouldTrustAddressesInsideTheConfiguredRangesOnly() {
        TrustedProxies proxies = new TrustedProxies(Optional.of(List.of("10.42.0.0/16", "::1/128", "192.0.2.7")));

        assertThat(proxies.trusts("10.42.200.1")).isTrue();
        assertThat(proxies.trusts("10.43.0.1")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("192.0.2.7")).isTrue();
        assertThat(proxies.trusts("192.0.2.8")).isFalse();
    }

    @Test
    void shouldNeverResolveANameAClientWroteIntoAForwardingHeader() {
        // Hex letters and dots would pass a looser check and reach InetAddress, which would query DNS.
        assertThat(TrustedProxies.literal("cafe.beef")).isNull();
        assertThat(TrustedProxies.literal("dead.be")).isNull();
        assertThat(TrustedProxies.literal("example.com")).isNull();
        assertThat(TrustedProxies.literal("192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(TrustedProxies.literal("::1")).hasSize(16);
    }
}
