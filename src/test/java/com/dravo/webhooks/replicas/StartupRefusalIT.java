package com.dravo.webhooks.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.dravo.webhooks.local.LocalTokenKeys;
import com.dravo.webhooks.support.PackagedJarEnvironment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A production start that is going to fail for want of a setting fails before it migrates
 * the database: an operator who forgot the encryption key finds the database as it was.
 */
class StartupRefusalIT {

    @Test
    void stopsWithoutAnEncryptionKeyBeforeTouchingTheDatabase() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> settings = PackagedJarEnvironment.settings(postgres.getPort());
            settings.remove("dravo.secrets.encryption-key");
            settings.put("mp.jwt.verify.publickey", LocalTokenKeys.pem("PUBLIC KEY",
                    LocalTokenKeys.rsaKeyPair().getPublic().getEncoded()));
            settings.put("mp.jwt.verify.issuer", PackagedJarEnvironment.ISSUER);
            settings.put("quarkus.log.console.json.enabled", "false");
            Path logs = Files.createDirectories(Path.of("target", "startup-refusal"));

            Replica replica = Replica.start(1, settings, logs);
            int exitCode = replica.awaitExit(Duration.ofSeconds(60));

            assertThat(exitCode).isNotZero();
            assertThat(Files.readString(replica.log()))
                    .contains("dravo.secrets.encryption-key is required");
            assertThat(tables(postgres)).as("tables in the database after the failed start")
                    .isZero();
        }
    }

    private static int tables(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select count(*) from pg_tables where schemaname = 'public'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
