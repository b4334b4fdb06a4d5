package io.newsroom.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the service may send requests of its own (webhook deliveries, and any later fetch of
 * other publishers' feeds): never, unless a setting allows it, to an address inside the network it
 * runs in. An admin key must not be able to turn the service into a proxy for loopback services,
 * the private network or a cloud's metadata endpoint (server-side request forgery). The host is
 * resolved and every address it resolves to is checked, when the target is saved and again before
 * each request, since DNS can change in between.
 */
public final class OutboundTargets {

    private OutboundTargets() {
    }

    /**
     * Why the URL may not be a target, or empty when it may. {@code allowPrivate} lifts the address
     * rule (for tests and for receivers inside one's own network), never the scheme rule.
     */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve (" + host + ")");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("resolves to " + address.getHostAddress() + ", a loopback, private, link-local or metadata address;"
                        + " such targets are refused unless allowed by configuration");
            }
        }
        return Optional.empty();
    }

    /**
     * Loopback, unspecified, link-local (169.254/16 holds the cloud metadata endpoints), private
     * (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), multicast, "this network" (0/8),
     * and IPv4 addresses written as IPv6 (::ffff:a.b.c.d) checked as the IPv4 address they are.
     */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0)
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
