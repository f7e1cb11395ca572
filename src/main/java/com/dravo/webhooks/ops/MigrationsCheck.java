package com.dravo.webhooks.ops;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Operations: ready only when the database holds the newest migration this build ships. A
 * database restored from an old backup, or migrated by no one, keeps the pod out of service.
 */
@Readiness
@ApplicationScoped
class MigrationsCheck implements AsyncHealthCheck {

    private static final String NAME = "Database migrations";

    private static final String APPLIED = "select count(*) from flyway_schema_history"
            + " where success and version = $1";

    private final Pool pool;
    private final Flyway flyway;

    /** Found once through Flyway (JDBC, on a worker thread), then only compared. */
    private volatile String shipped;

    MigrationsCheck(Pool pool, Flyway flyway) {
        this.pool = pool;
        this.flyway = flyway;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return shippedVersion()
                .flatMap(version -> pool.preparedQuery(APPLIED).execute(Tuple.of(version))
                        .map(rows -> rows.iterator().next().getLong(0) > 0)
                        .map(applied -> response(version, applied)))
                .onFailure().recoverWithItem(MigrationsCheck::unreadable);
    }

    private Uni<String> shippedVersion() {
        if (shipped != null) {
            return Uni.createFrom().item(shipped);
        }
        return Uni.createFrom().item(this::newestShippedVersion)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(version -> shipped = version);
    }

    /** Versions that Flyway resolved from this build; a newer replica's extra rows are not. */
    private String newestShippedVersion() {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalStateException("this build ships no migration"));
    }

    /** The cause stays out: health answers are public, like every other answer. */
    private static HealthCheckResponse unreadable(Throwable failure) {
        return HealthCheckResponse.named(NAME).down()
                .withData("error", "the migration history could not be read")
                .build();
    }

    private static HealthCheckResponse response(String version, boolean applied) {
        return HealthCheckResponse.named(NAME)
                .status(applied)
                .withData("expected_version", version)
                .build();
    }
}
