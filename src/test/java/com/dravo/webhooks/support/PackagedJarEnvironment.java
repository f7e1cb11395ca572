package com.dravo.webhooks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.dravo.webhooks.local.LocalTokenKeys;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the packaged jar needs to run the black-box suites, given the way an operator would
 * give it: a database of its own, the dashboard's public key, an encryption key, and the few
 * settings that let it deliver to receivers on loopback. Everything else is the production
 * profile as shipped.
 */
public class PackagedJarEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://dashboard.dravo.test";

    private EmbeddedPostgres database;

    /**
     * The production profile on this database, with a fresh encryption key, allowed to
     * deliver over plain http to loopback; every other setting as shipped. Property names;
     * each also works as an environment variable in its upper-case form.
     */
    public static Map<String, String> productionSettings(int databasePort) {
        String database = "localhost:" + databasePort + "/postgres";
        Map<String, String> settings = new TreeMap<>();
        settings.put("quarkus.datasource.reactive.url", "postgresql://" + database);
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database);
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", "postgres");
        settings.put("dravo.secrets.encryption-key", encryptionKey());
        settings.put("dravo.delivery.allow-http", "true");
        settings.put("dravo.delivery.allowed-networks", "127.0.0.0/8,::1/128");
        return settings;
    }

    /** {@link #productionSettings}, retrying within seconds: what the suites wait for. */
    public static Map<String, String> settings(int databasePort) {
        Map<String, String> settings = productionSettings(databasePort);
        settings.put("dravo.delivery.connect-timeout", "2s");
        settings.put("dravo.delivery.request-timeout", "2s");
        settings.put("dravo.delivery.retry-schedule", "1s,1s");
        settings.put("dravo.dispatch.poll-interval", "200ms");
        return settings;
    }

    @Override
    public Map<String, String> start() {
        KeyPair tokenKeys = LocalTokenKeys.rsaKeyPair();
        String publicKey = LocalTokenKeys.pem("PUBLIC KEY", tokenKeys.getPublic().getEncoded());
        signTokensInThisJvm(tokenKeys, publicKey);
        database = startDatabase();

        Map<String, String> jar = settings(database.getPort());
        jar.put("mp.jwt.verify.publickey", publicKey);
        jar.put("mp.jwt.verify.issuer", ISSUER);
        // The test resolver's names, for the JDK's resolver in the jar: no name the suites
        // register is ever looked up in DNS.
        jar.put("jdk.net.hosts.file", hostsFile().toString());
        jar.put("quarkus.http.cors.origins", "https://dashboard.dravo.test");
        jar.put("quarkus.http.host", "127.0.0.1");
        return jar;
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The suites sign their tokens here, with the half of the pair the jar does not get. */
    private static void signTokensInThisJvm(KeyPair tokenKeys, String publicKey) {
        System.setProperty("smallrye.jwt.sign.key",
                LocalTokenKeys.pem("PRIVATE KEY", tokenKeys.getPrivate().getEncoded()));
        System.setProperty("smallrye.jwt.new-token.issuer", ISSUER);
        System.setProperty("smallrye.jwt.new-token.audience", "dravo-dashboard");
        System.setProperty("smallrye.jwt.new-token.lifespan", "3600");
        System.setProperty("mp.jwt.verify.publickey", publicKey);
        System.setProperty("mp.jwt.verify.issuer", ISSUER);
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static Path hostsFile() {
        try {
            Path hosts = Files.createTempFile("dravo-it-hosts-", ".txt");
            hosts.toFile().deleteOnExit();
            return Files.writeString(hosts, TestHostResolver.hostsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
