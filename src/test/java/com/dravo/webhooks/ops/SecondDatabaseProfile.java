package com.dravo.webhooks.ops;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Points the service at {@link SecondDatabase}, leaving every other test's database alone. */
public class SecondDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return SecondDatabase.startedProperties();
    }
}
