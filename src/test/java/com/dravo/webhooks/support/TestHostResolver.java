package com.dravo.webhooks.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.dravo.webhooks.security.HostResolver;

/**
 * Replaces DNS in tests: a fixed table of names, and "does not resolve" for every other one,
 * so no test ever sends a query off this machine. Names that map to public addresses are
 * only ever registered, never sent to.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    private static final Map<String, List<String>> NAMES = Map.of(
            "localhost", List.of("127.0.0.1", "::1"),
            "example.com", List.of("93.184.215.14"),
            "hooks.example.net", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "private.example.net", List.of("10.0.0.7"),
            "metadata.example.net", List.of("169.254.169.254"),
            "mixed.example.net", List.of("93.184.215.14", "192.168.1.20"),
            "loopback6.example.net", List.of("::1", "93.184.215.14"));

    /** Answers a test changes while the service runs, as a rebinding DNS server would. */
    private static final Map<String, List<String>> OVERRIDES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /**
     * The fixed table as a hosts file, for the JDK's own resolver in a process these tests
     * start ({@code jdk.net.hosts.file}).
     */
    public static String hostsFile() {
        StringBuilder lines = new StringBuilder();
        NAMES.forEach((name, addresses) -> addresses.forEach(address ->
                lines.append(address).append(' ').append(name).append('\n')));
        return lines.toString();
    }

    public static void answer(String host, String... addresses) {
        OVERRIDES.put(host, List.of(addresses));
    }

    public static int lookups(String host) {
        return LOOKUPS.computeIfAbsent(host, name -> new AtomicInteger()).get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        LOOKUPS.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
        List<String> addresses = OVERRIDES.getOrDefault(host, NAMES.get(host));
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(TestHostResolver::literal).toList();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
