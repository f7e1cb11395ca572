package com.dravo.webhooks.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Row updates of the delivery table and attempts written, as pg_stat_user_tables counts. */
record TableCounters(long deliveryUpdates, long attemptInserts) {

    private static final String QUERY = """
            select coalesce(sum(n_tup_upd) filter (where relname = 'delivery'), 0),
                   coalesce(sum(n_tup_ins) filter (where relname = 'attempt'), 0)
            from pg_stat_user_tables where relname in ('delivery', 'attempt')
            """;

    /**
     * An idle backend reports its counters at the latest 10 s after its last transaction
     * (PostgreSQL 15), so counters read sooner after a step may miss its last writes.
     */
    static final Duration REPORTING_DELAY = Duration.ofSeconds(11);

    static TableCounters read(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return new TableCounters(row.getLong(1), row.getLong(2));
        }
    }

    /** The counters once every backend has reported what it did until now. */
    static TableCounters readReported(String jdbcUrl) throws SQLException, InterruptedException {
        Thread.sleep(REPORTING_DELAY.toMillis());
        return read(jdbcUrl);
    }

    TableCounters minus(TableCounters earlier) {
        return new TableCounters(deliveryUpdates - earlier.deliveryUpdates,
                attemptInserts - earlier.attemptInserts);
    }
}
