package com.dravo.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.dravo.webhooks.security.AddressPolicy;
import com.dravo.webhooks.security.AddressRefusedException;
import com.dravo.webhooks.security.PinnedAddress;
import com.dravo.webhooks.security.TargetUrl;
import com.dravo.webhooks.signing.SecretCipher;
import com.dravo.webhooks.signing.Signatures;
import com.dravo.webhooks.signing.Signer;
import com.dravo.webhooks.web.InvalidRequestException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;

/**
 * Makes one attempt of a delivery: sign, check and pin the address, send. The one delivery
 * path, used by the test route and by the dispatcher alike; it never fails, a failure is an
 * outcome with an error text.
 */
@ApplicationScoped
public class Deliverer {

    private final AddressPolicy policy;
    private final HttpSender sender;
    private final SecretCipher cipher;
    private final DeliveryConfig config;
    private final String userAgent;

    Deliverer(AddressPolicy policy, HttpSender sender, SecretCipher cipher,
            DeliveryConfig config,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.policy = policy;
        this.sender = sender;
        this.cipher = cipher;
        this.config = config;
        this.userAgent = "Dravo-Webhooks/" + version;
    }

    public Uni<AttemptOutcome> attempt(DeliveryJob job) {
        byte[] body = job.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Signatures signatures = Signer.sign(secretsOf(job), job.eventId(), timestamp, body);
        MultiMap headers = headers(job, signatures, timestamp);

        return pin(job.url())
                .flatMap(target -> sender.post(target, headers, body))
                .onFailure(AddressRefusedException.class).recoverWithItem(refused ->
                        AttemptOutcome.failed(((AddressRefusedException) refused).reason(), 0));
    }

    private Uni<PinnedAddress> pin(String url) {
        try {
            return policy.pin(TargetUrl.parse(url, config.allowHttp()));
        } catch (AddressRefusedException e) {
            return Uni.createFrom().failure(e);
        } catch (InvalidRequestException e) {
            // A stored URL that no longer passes (say, http after allow-http was turned off).
            return Uni.createFrom().failure(
                    new AddressRefusedException("url not allowed", e.getMessage()));
        }
    }

    private List<String> secretsOf(DeliveryJob job) {
        return job.secrets().stream()
                .map(sealed -> cipher.open(sealed, job.endpointId()))
                .toList();
    }

    private MultiMap headers(DeliveryJob job, Signatures signatures, long timestamp) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("User-Agent", userAgent)
                .add("Dravo-Signature", signatures.dravoSignature())
                .add("webhook-id", job.eventId())
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", signatures.webhookSignature());
    }
}
