package com.dravo.webhooks.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one embedded PostgreSQL per profile and JVM. The port is kept in a system property
 * because Quarkus asks for configuration from several class loaders and after every dev-mode
 * reload; all of them must land on the same database. The only class that links to zonky.
 */
final class EmbeddedPostgresStarter {

    private static final String USER = "postgres";

    private EmbeddedPostgresStarter() {
    }

    static synchronized Map<String, String> connectionProperties(String profile) {
        String portProperty = "dravo.local.postgres." + profile + ".port";
        String port = System.getProperty(portProperty);
        if (port == null) {
            port = Integer.toString(start().getPort());
            System.setProperty(portProperty, port);
        }

        String hostAndPort = "localhost:" + port + "/postgres";
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }
}
