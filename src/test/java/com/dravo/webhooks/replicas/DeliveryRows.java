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
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(ATTEMPTS)) {
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
