package com.dravo.webhooks.ops;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of what operators watch: the queue gauges behind {@code /q/metrics}. */
@ConfigMapping(prefix = "dravo.ops")
public interface OpsConfig {

    /**
     * How often the queue gauges (pending deliveries, oldest pending age, disabled endpoints)
     * are read from the database. Scrapes between two reads see the last values.
     */
    @WithDefault("15s")
    Duration queueRefresh();
}
