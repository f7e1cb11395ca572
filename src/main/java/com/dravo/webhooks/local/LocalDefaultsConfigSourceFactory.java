package com.dravo.webhooks.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Fills in what dev mode and tests need when nothing is configured: an embedded PostgreSQL, a
 * throw-away token key pair and an encryption key. Production never gets any of them: a prod
 * profile is left alone.
 */
public class LocalDefaultsConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), so any configured value wins. */
    private static final int ORDINAL = 150;

    private static final String ZONKY_CLASS =
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String profile = localProfile(context.getProfiles());
        if (profile == null) {
            return List.of();
        }

        Map<String, String> properties = new HashMap<>();
        if (isUnset(context, "quarkus.datasource.reactive.url") && zonkyPresent()) {
            properties.putAll(EmbeddedPostgresStarter.connectionProperties(profile));
        }
        if (isUnset(context, "dravo.secrets.encryption-key")) {
            properties.putAll(LocalEncryptionKey.properties());
        }
        if (isUnset(context, "mp.jwt.verify.publickey")
                && isUnset(context, "mp.jwt.verify.publickey.location")) {
            properties.putAll(LocalTokenKeys.properties());
        }
        return List.of(new PropertiesConfigSource(properties, "dravo-local-defaults", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String localProfile(List<String> profiles) {
        if (profiles.contains("test")) {
            return "test";
        }
        return profiles.contains("dev") ? "dev" : null;
    }

    private static boolean isUnset(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    private static boolean zonkyPresent() {
        try {
            ClassLoader loader = LocalDefaultsConfigSourceFactory.class.getClassLoader();
            Class.forName(ZONKY_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
