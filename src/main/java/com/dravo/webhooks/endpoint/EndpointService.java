package com.dravo.webhooks.endpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.Ids;
import com.dravo.webhooks.delivery.DeliveryConfig;
import com.dravo.webhooks.delivery.DeliveryRepository;
import com.dravo.webhooks.security.AddressPolicy;
import com.dravo.webhooks.security.TargetUrl;
import com.dravo.webhooks.signing.SealedSecret;
import com.dravo.webhooks.signing.SecretCipher;
import com.dravo.webhooks.signing.SigningSecret;
import com.dravo.webhooks.web.InvalidRequestException;
import com.dravo.webhooks.web.Page;
import com.dravo.webhooks.web.PageRequest;
import com.dravo.webhooks.web.UnknownResourceException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Registers, finds and lists an owner's endpoints. */
@ApplicationScoped
public class EndpointService {

    private static final Logger LOG = Logger.getLogger(EndpointService.class);

    private final EndpointRepository repository;
    private final AddressPolicy policy;
    private final SecretCipher cipher;
    private final DeliveryConfig delivery;
    private final EndpointsConfig limits;
    private final DeliveryRepository deliveries;

    EndpointService(EndpointRepository repository, AddressPolicy policy, SecretCipher cipher,
            DeliveryConfig delivery, EndpointsConfig limits, DeliveryRepository deliveries) {
        this.repository = repository;
        this.policy = policy;
        this.cipher = cipher;
        this.delivery = delivery;
        this.limits = limits;
        this.deliveries = deliveries;
    }

    public Uni<Page<EndpointOut>> list(String owner, PageRequest page) {
        return Panache.withSession(() -> cursorOf(owner, page.startingAfter())
                .flatMap(after -> repository.listOwned(owner, after, page.limit() + 1))
                .flatMap(rows -> pageOf(owner, rows, page.limit())));
    }

    /** One endpoint as the API shows it, without its secret. */
    public Uni<EndpointOut> get(String owner, String id) {
        return Panache.withSession(() -> find(owner, id)
                .flatMap(endpoint -> view(endpoint, null)));
    }

    /** Validates, checks the address and stores a new endpoint with a fresh secret. */
    public Uni<EndpointOut> register(String owner, EndpointIn in) {
        if (in == null) {
            throw new InvalidRequestException("missing_body", "", "a JSON body is required");
        }
        TargetUrl url = TargetUrl.parse(in.url(), delivery.allowHttp());
        String[] events = EventSelection.parse(in.events());

        return policy.pin(url)
                .flatMap(pinned -> Panache.withTransaction(() -> insert(owner, url, events)));
    }

    /** The owner's endpoint, or 404 whether it does not exist or belongs to someone else. */
    public Uni<Endpoint> find(String owner, String id) {
        return Panache.withSession(() -> repository.findOwned(owner, id))
                .onItem().ifNull().failWith(() -> new UnknownResourceException("endpoint"));
    }

    /**
     * Like {@link #find}, with the row locked until the transaction ends, so that it is not
     * changed or deleted in between; call inside a transaction.
     */
    public Uni<Endpoint> findLocked(String owner, String id) {
        return repository.findOwnedForUpdate(owner, id)
                .onItem().ifNull().failWith(() -> new UnknownResourceException("endpoint"));
    }

    /** The endpoint with its newest delivery, and the secret when it is to be shown once. */
    Uni<EndpointOut> view(Endpoint endpoint, String signingSecret) {
        return deliveries.newestOwned(endpoint.owner, List.of(endpoint.id))
                .map(newest -> EndpointOut.withSecret(endpoint, newest.get(endpoint.id),
                        signingSecret));
    }

    private Uni<Page<EndpointOut>> pageOf(String owner, List<Endpoint> rows, int limit) {
        List<String> ids = rows.stream().map(row -> row.id).toList();

        return deliveries.newestOwned(owner, ids)
                .map(newest -> Page.of(rows, limit,
                        row -> EndpointOut.of(row, newest.get(row.id)), row -> row.id));
    }

    private Uni<EndpointOut> insert(String owner, TargetUrl url, String[] events) {
        String secret = SigningSecret.generate();
        Endpoint endpoint = newEndpoint(owner, url, events, secret);

        return lockOwner(owner)
                .flatMap(locked -> repository.countOwned(owner))
                .invoke(count -> refuseOverLimit(count))
                .flatMap(count -> repository.persist(endpoint))
                .invoke(saved -> LOG.infof("endpoint %s registered by owner %s", saved.id, owner))
                .map(saved -> EndpointOut.withSecret(saved, null, secret));
    }

    private Endpoint newEndpoint(String owner, TargetUrl url, String[] events, String secret) {
        Endpoint endpoint = new Endpoint();
        endpoint.id = Ids.endpoint();
        endpoint.owner = owner;
        endpoint.url = url.toString();
        endpoint.events = events;
        endpoint.active = true;
        SealedSecret sealed = cipher.seal(secret, endpoint.id);
        endpoint.secretKeyId = sealed.keyId();
        endpoint.secretSealed = sealed.sealed();
        endpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        endpoint.updatedAt = endpoint.createdAt;
        return endpoint;
    }

    /**
     * Serialises registrations of one owner for the rest of the transaction, so two at the
     * limit cannot both pass the count.
     */
    private Uni<Object> lockOwner(String owner) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:owner))")
                .setParameter("owner", owner)
                .getSingleResult());
    }

    private void refuseOverLimit(long count) {
        if (count >= limits.maxPerOwner()) {
            throw new EndpointLimitException(limits.maxPerOwner());
        }
    }

    private Uni<Long> cursorOf(String owner, String startingAfter) {
        if (startingAfter == null) {
            return Uni.createFrom().item(0L);
        }
        return repository.findOwned(owner, startingAfter)
                .onItem().ifNull().failWith(() -> new InvalidRequestException("invalid_cursor",
                        "starting_after", "starting_after must be the id of one of your items"))
                .map(endpoint -> endpoint.seq);
    }
}
