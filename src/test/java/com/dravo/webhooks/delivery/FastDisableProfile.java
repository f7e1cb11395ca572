package com.dravo.webhooks.delivery;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An endpoint is disabled after failing for two seconds, retried every second. */
public class FastDisableProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dravo.delivery.disable-after", "2s",
                "dravo.delivery.retry-schedule", "1s,1s,1s,1s,1s,1s");
    }
}
