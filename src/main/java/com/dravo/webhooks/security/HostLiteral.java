package com.dravo.webhooks.security;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells whether a URL host is an IP literal or a DNS name, reading IPv4 the way browsers
 * do. Never performs a lookup.
 */
public final class HostLiteral {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private HostLiteral() {
    }

    /**
     * Returns the address an IP literal denotes, or empty for a DNS name to resolve.
     *
     * <p>The host is the URL authority's host, already lower-cased; IPv6 may come with
     * or without brackets. An IPv6 result is always an {@link Inet6Address}, so mapped
     * forms such as {@code ::ffff:127.0.0.1} keep their IPv6 identity. Names must be
     * ASCII: only punycode ({@code xn--}) passes, so run {@link java.net.IDN#toASCII}
     * first and pass its result.
     *
     * @throws IllegalArgumentException when the host is neither an IP literal nor a name
     */
    public static Optional<InetAddress> parse(String host) {
        Objects.requireNonNull(host, "host");

        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            return Optional.of(parseIpv6(host));
        }
        if (WhatwgIpv4.endsInNumber(host)) {
            return Optional.of(ipv4Address(WhatwgIpv4.parse(host)));
        }

        requireDnsName(host);
        return Optional.empty();
    }

    /** The address as a URL shows it: dotted IPv4, or compressed lower-case IPv6. */
    public static String canonical(InetAddress address) {
        if (address instanceof Inet6Address) {
            return new IPv6Address(address.getAddress()).toCompressedString();
        }
        return address.getHostAddress();
    }

    private static Inet6Address parseIpv6(String host) {
        String literal = host;
        if (host.startsWith("[")) {
            if (host.length() < 2 || !host.endsWith("]")) {
                throw new IllegalArgumentException(
                        "malformed brackets around IPv6 address");
            }
            literal = host.substring(1, host.length() - 1);
        }

        if (literal.indexOf('%') >= 0) {
            throw new IllegalArgumentException("zone ids are not allowed");
        }
        // The library also reads wildcards, ranges and prefixes; URLs allow none.
        if (!literal.chars().allMatch(HostLiteral::isIpv6LiteralChar)) {
            throw new IllegalArgumentException("not a valid IPv6 address");
        }

        byte[] bytes;
        try {
            bytes = new IPAddressString(literal, AddressFormats.IPV6_LITERAL)
                    .toAddress()
                    .getBytes();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("not a valid IPv6 address", e);
        }
        return ipv6Address(bytes);
    }

    private static boolean isIpv6LiteralChar(int c) {
        return c == ':' || c == '.' || (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void requireDnsName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;

        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("not a valid host name");
        }
        for (String label : name.split("\\.", -1)) {
            if (!isDnsLabel(label)) {
                throw new IllegalArgumentException("not a valid host name");
            }
        }
    }

    private static boolean isDnsLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
            return false;
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.chars().allMatch(HostLiteral::isDnsLabelChar);
    }

    private static boolean isDnsLabelChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static InetAddress ipv4Address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(null, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("IPv4 address must have 4 bytes", e);
        }
    }

    // InetAddress.getByAddress would turn IPv4-mapped bytes into an Inet4Address.
    private static Inet6Address ipv6Address(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("IPv6 address must have 16 bytes", e);
        }
    }
}
