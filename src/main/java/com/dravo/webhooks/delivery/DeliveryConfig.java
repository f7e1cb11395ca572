package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How deliveries are sent: which addresses may be reached, and the limits of one attempt. */
@ConfigMapping(prefix = "dravo.delivery")
public interface DeliveryConfig {

    /** Accept plain {@code http} endpoint URLs; only dev and test should need it. */
    @WithDefault("false")
    boolean allowHttp();

    /** CIDR ranges (or single addresses) exempt from the address policy. */
    Optional<List<String>> allowedNetworks();

    /**
     * PEM file of the certificate authorities to trust for https receivers, instead of the
     * JDK's; for receivers behind a private CA (and for the tests' own receivers).
     */
    Optional<String> trustedCertificates();

    /** Time allowed to open the TCP (and TLS) connection of one attempt. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for one whole attempt, from connecting to the last byte read. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** Response bytes read per attempt; the rest is discarded and the connection closed. */
    @WithDefault("65536")
    int maxResponseBytes();

    /** Waits between attempts of a real event; one more attempt than entries in all. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** How long an endpoint may fail every delivery before it is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** Test sends allowed per endpoint per minute. */
    @WithDefault("60")
    int testRateLimit();
}
