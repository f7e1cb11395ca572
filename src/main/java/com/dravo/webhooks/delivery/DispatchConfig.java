package com.dravo.webhooks.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dispatcher of each replica claims and runs due deliveries. */
@ConfigMapping(prefix = "dravo.dispatch")
public interface DispatchConfig {

    /** Run the dispatcher in this replica (turn off for an API-only replica). */
    @WithDefault("true")
    boolean enabled();

    /** Deliveries in flight at once in this replica. */
    @WithDefault("64")
    int maxConcurrency();

    /** Deliveries in flight at once to one endpoint in this replica. */
    @WithDefault("4")
    int maxConcurrencyPerEndpoint();

    /**
     * How often to look for due deliveries when no notification came: retries that fall
     * due, and work a notification missed.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long to wait for deliveries in flight at shutdown before releasing them. */
    @WithDefault("10s")
    Duration shutdownGrace();
}
