package com.dravo.webhooks.replicas;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/** What the shared database holds about the deliveries of a set of events. */
final class DeliveryRows {

    private static final String BY_STATUS = """
            select status, count(*) from delivery
            where event_id = any(?) group by status
            """;

    private static final String ATTEMPTS = """
            select count(*) from attempt a join delivery d on d.id = a.delivery_id
            where d.event_id = any(?)
            """;

    private static final String FAILED_ATTEMPTS = """
            select count(*) from attempt a join delivery d on d.id = a.delivery_id
            where d.event_id = any(?)
              and (a.status_code is null or a.status_code not between 200 and 299)
            """;

    private static final String SUCCEEDED_TWICE = """
            select count(*) from (
                select a.delivery_id from attempt a join delivery d on d.id = a.delivery_id
                where d.event_id = any(?) and a.status_code between 200 and 299
                group by a.delivery_id having count(*) > 1) twice
            """;

    private final DataSource database;

    DeliveryRows(DataSource database) {
        this.database = database;
    }

    /** How many deliveries of these events are in each status. */
    Map<String, Long> countByStatus(Collection<String> eventIds) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(BY_STATUS)) {
            statement.setArray(1, textArray(connection, eventIds));
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }
    }

    long pending(Collection<String> eventIds) throws SQLException {
        return countByStatus(eventIds).getOrDefault("PENDING", 0L);
    }

    /** Attempts recorded for the deliveries of these events. */
    long attempts(Collection<String> eventIds) throws SQLException {
        return count(ATTEMPTS, eventIds);
    }

    /**
     * Attempts that ended without a 2xx: on a starved machine, some time out after the
     * receiver got the request, and the retry reaches it a second time (at least once).
     */
    long failedAttempts(Collection<String> eventIds) throws SQLException {
        return count(FAILED_ATTEMPTS, eventIds);
    }

    /** Deliveries that two attempts both saw accepted: what a double claim would leave. */
    long succeededTwice(Collection<String> eventIds) throws SQLException {
        return count(SUCCEEDED_TWICE, eventIds);
    }

    private long count(String sql, Collection<String> eventIds) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, textArray(connection, eventIds));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Array textArray(Connection connection, Collection<String> values)
            throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
