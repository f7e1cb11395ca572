package com.dravo.webhooks.security;

import java.nio.file.Path;
import java.util.Map;

import com.dravo.webhooks.support.TestCertificate;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service trusts only the test receiver's self-signed certificate. */
public class TlsReceiverProfile implements QuarkusTestProfile {

    static final String HOST = "tls-receiver.example.net";
    static final Path FOLDER = Path.of("target", "test-tls");

    @Override
    public Map<String, String> getConfigOverrides() {
        TestCertificate certificate = TestCertificate.forHost(FOLDER, HOST);
        return Map.of("dravo.delivery.trusted-certificates",
                certificate.pem().toAbsolutePath().toString());
    }
}
