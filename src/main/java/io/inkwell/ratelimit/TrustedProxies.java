package io.inkwell.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * The proxies whose forwarding headers count, from {@code quarkus.http.proxy.trusted-proxies}: IP
 * addresses, CIDR ranges and {@code localhost}. Host names are not resolved (and so not trusted), and
 * an empty list trusts no one: a client must never name its own address.
 */
final class TrustedProxies {

    private static final Logger LOG = Logger.getLogger(TrustedProxies.class);
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.%]*:[0-9a-fA-F:.%]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    TrustedProxies(Optional<List<String>> entries) {
        for (String entry : entries.orElse(List.of())) {
            String value = entry.strip();
            if (value.equalsIgnoreCase("localhost")) {
                add("127.0.0.1/32", entry);
                add("::1/128", entry);
            } else {
                add(value, entry);
            }
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private void add(String cidr, String entry) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            LOG.warnf("Ignoring trusted proxy '%s': rate limits trust IP addresses and CIDR ranges only", entry);
            return;
        }
        int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        ranges.add(new Range(network, Math.min(prefix, network.length * 8)));
    }

    /**
     * The entries Quarkus's own forwarding support would resolve in DNS: everything but localhost, an
     * IPv4 address and a CIDR range. It reads a bare IPv6 address (fd00::1) as a host name and a port.
     */
    static List<String> resolvedByQuarkus(List<String> entries) {
        return entries.stream().map(String::strip).filter(entry -> !matchedWithoutLookup(entry)).toList();
    }

    private static boolean matchedWithoutLookup(String entry) {
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            return literal(entry.substring(0, slash)) != null && entry.substring(slash + 1).matches("[0-9]{1,3}");
        }
        return entry.equals("localhost") || IPV4.matcher(entry).matches() && literal(entry) != null;
    }

    /**
     * The address's bytes if it is an IP literal, else null. Never a DNS lookup: addresses come from
     * forwarding headers a client may write, so only digits and dots (IPv4) or hex with colons (IPv6)
     * reach InetAddress, which parses those without resolving.
     */
    static byte[] literal(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
