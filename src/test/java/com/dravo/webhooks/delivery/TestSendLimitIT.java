package com.dravo.webhooks.delivery;

import com.dravo.webhooks.support.PackagedJarEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(PackagedJarEnvironment.class)
class TestSendLimitIT extends TestSendLimitTests {
}
