package com.dravo.webhooks.web;

import com.dravo.webhooks.support.PackagedJarEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(PackagedJarEnvironment.class)
class RequestLimitIT extends RequestLimitTests {
}
