package com.dravo.webhooks.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The production address policy: no exempt networks, https only. */
public class StrictAddressPolicyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dravo.delivery.allowed-networks", "",
                "dravo.delivery.allow-http", "false");
    }
}
