package com.dravo.webhooks.endpoint;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Limits small enough to reach in a test: five endpoints an owner, a two-second overlap. */
public class ShortLimitsProfile implements QuarkusTestProfile {

    static final int MAX_ENDPOINTS = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dravo.endpoints.max-per-owner", Integer.toString(MAX_ENDPOINTS),
                "dravo.secrets.rotation-overlap", "2s");
    }
}
