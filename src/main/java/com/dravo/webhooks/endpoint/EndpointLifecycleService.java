package com.dravo.webhooks.endpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.delivery.DeliveryConfig;
import com.dravo.webhooks.delivery.DeliveryRepository;
import com.dravo.webhooks.security.AddressPolicy;
import com.dravo.webhooks.security.TargetUrl;
import com.dravo.webhooks.signing.SecretCipher;
import com.dravo.webhooks.signing.SecretsConfig;
import com.dravo.webhooks.signing.SigningSecret;
import com.dravo.webhooks.web.InvalidRequestException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Changes an owner's endpoint, rotates its secret or deletes it. */
@ApplicationScoped
public class EndpointLifecycleService {

    private static final Logger LOG = Logger.getLogger(EndpointLifecycleService.class);

    private final EndpointService endpoints;
    private final DeliveryRepository deliveries;
    private final AddressPolicy policy;
    private final SecretCipher cipher;
    private final DeliveryConfig delivery;
    private final SecretsConfig secrets;

    EndpointLifecycleService(EndpointService endpoints, DeliveryRepository deliveries,
            AddressPolicy policy, SecretCipher cipher, DeliveryConfig delivery,
            SecretsConfig secrets) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.policy = policy;
        this.cipher = cipher;
        this.delivery = delivery;
        this.secrets = secrets;
    }

    /**
     * Validates the given fields exactly like a registration and applies them; turning the
     * endpoint off cancels its pending deliveries.
     */
    public Uni<EndpointOut> update(String owner, String id, EndpointPatch patch) {
        if (patch == null || patch.isEmpty()) {
            throw new InvalidRequestException("empty_patch", "",
                    "give at least one of url, events, active");
        }
        TargetUrl url = patch.url() == null ? null : TargetUrl.parse(patch.url(),
                delivery.allowHttp());
        String[] events = patch.events() == null ? null : EventSelection.parse(patch.events());
        Uni<?> checked = url == null ? Uni.createFrom().voidItem() : policy.pin(url);

        return checked.flatMap(pinned -> Panache.withTransaction(() -> endpoints
                .findLocked(owner, id)
                .call(endpoint -> apply(endpoint, url, events, patch.active()))
                .flatMap(endpoint -> endpoints.view(endpoint, null))));
    }

    /** A fresh secret, shown once; the current one keeps signing beside it for the overlap. */
    public Uni<EndpointOut> rotateSecret(String owner, String id) {
        String secret = SigningSecret.generate();

        return Panache.withTransaction(() -> endpoints.findLocked(owner, id)
                .invoke(endpoint -> endpoint.rotateSecret(cipher.seal(secret, endpoint.id),
                        now(), secrets.rotationOverlap()))
                .invoke(endpoint -> LOG.infof("endpoint %s secret rotated by owner %s",
                        endpoint.id, owner))
                .flatMap(endpoint -> endpoints.view(endpoint, secret)));
    }

    /** Takes the endpoint out of every listing and route and cancels its pending deliveries. */
    public Uni<Void> delete(String owner, String id) {
        return Panache.withTransaction(() -> endpoints.findLocked(owner, id)
                .invoke(EndpointLifecycleService::markDeleted)
                .flatMap(endpoint -> deliveries.cancelPending(owner, endpoint.id))
                .invoke(cancelled -> LOG.infof("endpoint %s deleted by owner %s, %d pending "
                        + "deliveries cancelled", id, owner, cancelled))
                .replaceWithVoid());
    }

    private Uni<Integer> apply(Endpoint endpoint, TargetUrl url, String[] events,
            Boolean active) {
        boolean turnedOff = endpoint.active && Boolean.FALSE.equals(active);
        if (url != null) {
            endpoint.url = url.toString();
        }
        if (events != null) {
            endpoint.events = events;
        }
        if (Boolean.TRUE.equals(active) && !endpoint.active) {
            // Turned on again by its owner: whatever made the service turn it off is over.
            endpoint.disabledReason = null;
            endpoint.failingSince = null;
        }
        if (active != null) {
            endpoint.active = active;
        }
        endpoint.updatedAt = now();
        LOG.infof("endpoint %s changed by owner %s", endpoint.id, endpoint.owner);

        if (!turnedOff) {
            return Uni.createFrom().item(0);
        }
        return deliveries.cancelPending(endpoint.owner, endpoint.id)
                .invoke(cancelled -> LOG.infof("endpoint %s deactivated, %d pending deliveries "
                        + "cancelled", endpoint.id, cancelled));
    }

    /** The row stays for the delivery log; inactive too, so nothing can pick it to send to. */
    private static void markDeleted(Endpoint endpoint) {
        endpoint.deletedAt = now();
        endpoint.updatedAt = endpoint.deletedAt;
        endpoint.active = false;
        endpoint.forgetPreviousSecret();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
