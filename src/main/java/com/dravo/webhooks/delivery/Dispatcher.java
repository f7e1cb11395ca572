package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Runs due deliveries of real events in this replica. Several replicas share the work through
 * the claims of {@link DeliveryClaims}; a notification on commit wakes this one at once, and a
 * slow poll catches retries that fall due. Concurrency is bounded overall and per endpoint,
 * so one slow or dead endpoint cannot hold every slot.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryClaims claims;
    private final Deliverer deliverer;
    private final DeliveryLog log;
    private final DispatchConfig config;
    private final Vertx vertx;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean claimAgain = new AtomicBoolean();
    private volatile boolean stopping;
    private PgSubscriber subscriber;
    private long pollTimer = -1;

    Dispatcher(DeliveryClaims claims, Deliverer deliverer, DeliveryLog log,
            DispatchConfig config, Vertx vertx) {
        this.claims = claims;
        this.deliverer = deliverer;
        this.log = log;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        if (!config.enabled()) {
            LOG.info("dispatcher disabled in this replica");
            return;
        }
        listen(url, user, password);
        pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake());
        LOG.infof("dispatcher started: %d deliveries at once, %d per endpoint",
                config.maxConcurrency(), config.maxConcurrencyPerEndpoint());
        wake();
    }

    /**
     * Stops claiming, gives deliveries in flight the grace period to finish, and hands the
     * rest back so that another replica takes them at once instead of after the lease.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        if (!config.enabled()) {
            return;
        }
        stopping = true;
        vertx.cancelTimer(pollTimer);
        if (subscriber != null) {
            subscriber.closeAndForget();
        }

        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        if (!inFlight.isEmpty()) {
            LOG.warnf("releasing %d deliveries still in flight at shutdown", inFlight.size());
            claims.release(List.copyOf(inFlight)).await().atMost(Duration.ofSeconds(5));
        }
    }

    /** Looks for due work now; calls while a claim runs fold into one more claim after it. */
    void wake() {
        if (stopping) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            claimAgain.set(true);
            return;
        }
        int room = config.maxConcurrency() - inFlight.size();
        if (room <= 0) {
            claiming.set(false);
            return;
        }

        claims.claim(room, Map.copyOf(inFlightByEndpoint)).subscribe().with(
                jobs -> afterClaim(jobs, room),
                failure -> {
                    claiming.set(false);
                    LOG.warnf("claiming due deliveries failed: %s", failure.getMessage());
                });
    }

    private void afterClaim(List<DeliveryJob> jobs, int room) {
        List<String> overflow = new ArrayList<>();
        for (DeliveryJob job : jobs) {
            if (!stopping && reserve(job)) {
                runOnOwnContext(job);
            } else {
                overflow.add(job.deliveryId());
            }
        }
        if (!overflow.isEmpty()) {
            claims.release(overflow).subscribe().with(released -> { }, failure -> { });
        }

        claiming.set(false);
        if (claimAgain.getAndSet(false) || jobs.size() == room) {
            wake();
        }
    }

    private boolean reserve(DeliveryJob job) {
        int[] taken = { 0 };
        inFlightByEndpoint.compute(job.endpointId(), (endpoint, count) -> {
            int now = count == null ? 0 : count;
            if (now >= config.maxConcurrencyPerEndpoint()) {
                return now;
            }
            taken[0] = 1;
            return now + 1;
        });
        if (taken[0] == 1) {
            inFlight.add(job.deliveryId());
        }
        return taken[0] == 1;
    }

    /** Hibernate Reactive needs each unit of work on its own duplicated context. */
    private void runOnOwnContext(DeliveryJob job) {
        Context context = VertxContext.createNewDuplicatedContext(
                vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            Instant attemptedAt = Instant.now();
            deliverer.attempt(job)
                    .flatMap(outcome -> log.recordAndSchedule(job, outcome, attemptedAt))
                    .subscribe().with(
                            delivery -> finish(job),
                            failure -> {
                                LOG.warnf("recording delivery %s failed, its lease will "
                                        + "expire: %s", job.deliveryId(), failure.getMessage());
                                finish(job);
                            });
        });
    }

    private void finish(DeliveryJob job) {
        inFlight.remove(job.deliveryId());
        inFlightByEndpoint.computeIfPresent(job.endpointId(),
                (endpoint, count) -> count <= 1 ? null : count - 1);
        wake();
    }

    private void listen(String url, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions
                .fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);

        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(DeliveryLog.CHANNEL).handler(payload -> wake());
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("listening for queued deliveries"),
                failure -> LOG.warnf("cannot listen for queued deliveries, polling only: %s",
                        failure.getMessage()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
