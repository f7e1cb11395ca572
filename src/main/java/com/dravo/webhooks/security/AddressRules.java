package com.dravo.webhooks.security;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decides which IP addresses webhooks may be sent to: globally reachable ones, plus the
 * networks an operator explicitly allows.
 */
public final class AddressRules {

    // IANA special-purpose IPv4 blocks that are not globally reachable.
    private static final List<IPAddress> NOT_GLOBAL_IPV4 = networks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    // Loopback, mapped, ULA, link-local and multicast all lie outside global unicast.
    private static final IPAddress GLOBAL_UNICAST_IPV6 = network("2000::/3");

    // Protocol assignments (Teredo, benchmarking, ORCHID) and both documentation blocks.
    private static final List<IPAddress> NOT_GLOBAL_IPV6 = networks(
            "2001::/23", "2001:db8::/32", "3fff::/20");

    private static final IPAddress NAT64_IPV6 = network("64:ff9b::/96");
    private static final IPAddress SIX_TO_FOUR_IPV6 = network("2002::/16");

    private final List<IPAddress> allowedNetworks;

    /**
     * Creates rules that also allow the given networks: CIDR blocks or single addresses.
     *
     * @throws IllegalArgumentException naming the first entry that is not a network
     */
    public AddressRules(List<String> allowedNetworks) {
        this.allowedNetworks = networks(allowedNetworks.toArray(String[]::new));
    }

    /**
     * Returns whether the address is inside an allowed network or is globally reachable.
     *
     * <p>Allowed networks match the address exactly as given: allowing 127.0.0.0/8
     * does not allow {@code ::ffff:127.0.0.1}, and an IPv4 address inside a NAT64 or
     * 6to4 address must be globally reachable itself. Keep IPv4-mapped addresses as
     * {@link java.net.Inet6Address} so they are refused rather than read as IPv4.
     */
    public boolean allows(InetAddress address) {
        IPAddress ip = toIpAddress(address);

        return allowedNetworks.stream().anyMatch(network -> network.contains(ip))
                || isGloballyReachable(ip);
    }

    private static boolean isGloballyReachable(IPAddress ip) {
        if (ip.isIPv4()) {
            return NOT_GLOBAL_IPV4.stream().noneMatch(block -> block.contains(ip));
        }

        byte[] bytes = ip.getBytes();
        if (NAT64_IPV6.contains(ip)) {
            return isGloballyReachable(new IPv4Address(bytes, 12, 16));
        }
        if (SIX_TO_FOUR_IPV6.contains(ip)) {
            return isGloballyReachable(new IPv4Address(bytes, 2, 6));
        }
        return GLOBAL_UNICAST_IPV6.contains(ip)
                && NOT_GLOBAL_IPV6.stream().noneMatch(block -> block.contains(ip));
    }

    private static IPAddress toIpAddress(InetAddress address) {
        byte[] bytes = Objects.requireNonNull(address, "address").getAddress();
        return bytes.length == 4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
    }

    private static List<IPAddress> networks(String... texts) {
        return Arrays.stream(texts).map(AddressRules::network).toList();
    }

    private static IPAddress network(String text) {
        Objects.requireNonNull(text, "allowed network");

        IPAddress network;
        try {
            network = new IPAddressString(text, AddressFormats.NETWORK).toAddress();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException(quoted("not a valid network", text), e);
        }

        // "10.0.0.5/8" is most likely a typo, so it is refused rather than widened.
        IPAddress block = network.toPrefixBlock();
        if (!network.getLower().equals(block.getLower())) {
            String problem = "network has host bits set";
            throw new IllegalArgumentException(quoted(problem, text));
        }
        return block;
    }

    private static String quoted(String problem, String text) {
        return problem + ": \"" + text + "\"";
    }
}
