package com.dravo.webhooks.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Reads and writes rows with plain SQL, to check what the API stored or to set up a state. */
public final class Rows {

    private Rows() {
    }

    /** The first row of the query as text, one value a column; empty when there is none. */
    public static List<String> first(DataSource database, String sql, Object... parameters)
            throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            if (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(rows.getString(i));
                }
            }
            return values;
        }
    }

    /**
     * A pending delivery of an event already stored, due in an hour: what the dispatcher of
     * a later issue will hold for an endpoint that is down.
     */
    public static String insertPendingDelivery(DataSource database, String owner,
            String endpointId, String eventId) throws SQLException {
        String id = "del_pending" + System.nanoTime();
        String sql = "insert into delivery (id, owner, endpoint_id, event_id, event_type, "
                + "status, attempts, next_attempt_at, created_at, updated_at) "
                + "select ?, ?, ?, id, type, 'PENDING', 1, now() + interval '1 hour', now(), "
                + "now() from event where id = ?";
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepared(connection, sql, id, owner, endpointId,
                        eventId)) {
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no event " + eventId);
            }
        }
        return id;
    }

    private static PreparedStatement prepared(Connection connection, String sql,
            Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
