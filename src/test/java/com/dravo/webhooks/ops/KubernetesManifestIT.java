package com.dravo.webhooks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifest that {@code package} generated: probes on the health routes,
 * resources, settings from the Secret and the ConfigMap, and a Service. Runs after packaging.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");

    private static final List<JsonNode> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(MANIFEST).as("run ./mvnw package first").exists();
        try (MappingIterator<JsonNode> documents = new YAMLMapper()
                .readerFor(JsonNode.class).readValues(Files.readString(MANIFEST))) {
            RESOURCES.addAll(documents.readAll());
        }
    }

    @Test
    void deploymentProbesTheHealthRoutes() {
        JsonNode container = container();

        assertThat(container.at("/livenessProbe/httpGet/path").asText())
                .isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText())
                .isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText())
                .isEqualTo("/q/health/started");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void eachReplicaMigratesAtStartUpWithoutAJobBesideIt() {
        assertThat(RESOURCES).extracting(resource -> resource.path("kind").asText())
                .contains("Deployment", "Service")
                .doesNotContain("Job", "ServiceMonitor");
        assertThat(container().get("env").toString()).doesNotContain("QUARKUS_FLYWAY_ACTIVE");
    }

    @Test
    void deploymentRequestsAndLimitsResources() {
        JsonNode resources = container().get("resources");

        assertThat(resources.at("/requests/cpu").asText()).isNotBlank();
        assertThat(resources.at("/requests/memory").asText()).isNotBlank();
        assertThat(resources.at("/limits/cpu").asText()).isNotBlank();
        assertThat(resources.at("/limits/memory").asText()).isNotBlank();
    }

    @Test
    void secretsComeFromTheSecretAndSettingsFromTheConfigMap() {
        JsonNode container = container();

        assertThat(source(container, "DRAVO_SECRETS_ENCRYPTION_KEY", "secretKeyRef"))
                .isEqualTo("dravo-webhooks/encryption-key");
        assertThat(source(container, "QUARKUS_DATASOURCE_PASSWORD", "secretKeyRef"))
                .isEqualTo("dravo-webhooks/datasource-password");
        assertThat(source(container, "QUARKUS_DATASOURCE_REACTIVE_URL", "configMapKeyRef"))
                .isEqualTo("dravo-webhooks/datasource-reactive-url");
        assertThat(source(container, "QUARKUS_DATASOURCE_JDBC_URL", "configMapKeyRef"))
                .isEqualTo("dravo-webhooks/datasource-jdbc-url");
        assertThat(source(container, "MP_JWT_VERIFY_ISSUER", "configMapKeyRef"))
                .isEqualTo("dravo-webhooks/jwt-issuer");
        assertThat(container.get("env").toString())
                .as("no secret value is written into the manifest")
                .doesNotContain("whsec_").doesNotContain("\"value\":\"postgres");
    }

    @Test
    void aServiceExposesTheHttpPort() {
        JsonNode service = resource("Service");

        assertThat(service.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
        assertThat(service.at("/metadata/annotations").toString()).contains("/q/metrics");
    }

    private static JsonNode container() {
        return resource("Deployment").at("/spec/template/spec/containers/0");
    }

    private static JsonNode resource(String kind) {
        return RESOURCES.stream()
                .filter(resource -> kind.equals(resource.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    private static String source(JsonNode container, String variable, String reference) {
        for (JsonNode env : container.get("env")) {
            if (variable.equals(env.path("name").asText())) {
                JsonNode ref = env.at("/valueFrom/" + reference);
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError(variable + " is not set in the Deployment");
    }
}
