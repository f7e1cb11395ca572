package com.dravo.webhooks.endpoint;

import com.dravo.webhooks.support.PackagedJarEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(PackagedJarEnvironment.class)
class EndpointLifecycleIT extends EndpointLifecycleTests {
}
