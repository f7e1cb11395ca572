package com.dravo.webhooks.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.delivery.DeliveryConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Decides which addresses the service may send to, at registration, at change and before
 * every attempt. Names are resolved here and nowhere else; every answer must be allowed, and
 * the caller connects to the address returned, so a second lookup cannot rebind the name.
 */
@ApplicationScoped
public class AddressPolicy {

    private final AddressRules rules;
    private final HostResolver resolver;
    private final Vertx vertx;

    AddressPolicy(DeliveryConfig config, HostResolver resolver, Vertx vertx) {
        this.rules = new AddressRules(config.allowedNetworks().orElse(List.of()));
        this.resolver = resolver;
        this.vertx = vertx;
    }

    /** Resolves and checks the URL's host; fails with {@link AddressRefusedException}. */
    public Uni<PinnedAddress> pin(TargetUrl url) {
        if (url.literal().isPresent()) {
            return Uni.createFrom().item(() -> pinned(url, List.of(url.literal().get())));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> pinned(url, resolve(url))));
    }

    private PinnedAddress pinned(TargetUrl url, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (!rules.allows(address)) {
                throw new AddressRefusedException("address not allowed", "url host "
                        + url.host() + " points to an address that is not publicly routable");
            }
        }
        return new PinnedAddress(url, addresses.get(0));
    }

    private List<InetAddress> resolve(TargetUrl url) {
        try {
            List<InetAddress> addresses = resolver.resolve(url.host());
            if (addresses.isEmpty()) {
                throw new UnknownHostException(url.host());
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new AddressRefusedException("host does not resolve",
                    "url host " + url.host() + " does not resolve to an address");
        }
    }
}
