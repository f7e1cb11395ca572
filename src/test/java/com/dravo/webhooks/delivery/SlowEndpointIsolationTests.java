package com.dravo.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A receiver that answers slower than the timeout holds only its own share of the
 * dispatcher: a healthy endpoint's latency, measured beside it, barely moves.
 */
@QuarkusTest
class SlowEndpointIsolationTests {

    private static final int EVENTS = 10;
    private static final int BACKLOG = 20;

    private final LoopbackReceiver healthy = new LoopbackReceiver();
    private final LoopbackReceiver slow = new LoopbackReceiver().sleeping(6000);

    @AfterEach
    void stopReceivers() {
        healthy.close();
        slow.close();
    }

    @Test
    void aSlowEndpointDoesNotDelayAHealthyOne() {
        String alone = "alone-" + UUID.randomUUID();
        Api.register(Tokens.dashboard(alone), healthy.url("/alone"), "post.queued");
        long baseline = medianLatency(alone, "/alone");

        String crowded = "crowded-" + UUID.randomUUID();
        Api.register(Tokens.dashboard(crowded), slow.url("/slow"), "post.failed");
        Api.register(Tokens.dashboard(crowded), healthy.url("/beside"), "post.queued");
        for (int i = 0; i < BACKLOG; i++) {
            Api.publish(crowded, "post.failed");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.received().size() >= 4);
        long besideSlow = medianLatency(crowded, "/beside");

        System.out.printf("median publish-to-receive latency: %d ms alone, %d ms beside a "
                + "slow endpoint with %d deliveries backed up%n", baseline, besideSlow, BACKLOG);
        assertThat(besideSlow).isLessThan(baseline + 500);
    }

    /** Publishes events one at a time and returns the median time until the receiver had each. */
    private long medianLatency(String owner, String path) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long sent = System.currentTimeMillis();
            String eventId = Api.publish(owner, "post.queued").path("id");

            Received received = await().atMost(Duration.ofSeconds(10))
                    .until(() -> receipt(path, eventId), r -> r != null);
            latencies.add(received.atMillis() - sent);
        }
        Collections.sort(latencies);
        return latencies.get(latencies.size() / 2);
    }

    private Received receipt(String path, String eventId) {
        return healthy.received().stream()
                .filter(r -> r.path().equals(path) && eventId.equals(r.header("webhook-id")))
                .findFirst().orElse(null);
    }
}
