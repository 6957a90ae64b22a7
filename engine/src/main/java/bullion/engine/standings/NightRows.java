package bullion.engine.standings;

import bullion.core.group.Night;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side's rows (schema {@code V2__group_standings.sql}): which group each group table is in, and each closed
 * table's night with every player's net. Plain JDBC on the caller's connection, so the projection's writes share its
 * offset's transaction.
 */
final class NightRows {

    /** The projection's name in pekko-projection-jdbc's offset table (its rows are cleared by a rebuild). */
    static final String OFFSET_TABLE_H2 = "\"pekko_projection_offset_store\"";

    private NightRows() {}

    static void registerTable(Connection c, String tableId, String groupId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM group_table WHERE table_id = ?")) {
            delete.setString(1, tableId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO group_table (table_id, group_id) VALUES (?, ?)")) {
            insert.setString(1, tableId);
            insert.setString(2, groupId);
            insert.executeUpdate();
        }
    }

    static Optional<String> groupOf(Connection c, String tableId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT group_id FROM group_table WHERE table_id = ?")) {
            query.setString(1, tableId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The table's night as it is now: replaced whole, so applying the same state twice leaves one row. */
    static void put(Connection c, String groupId, Night night) throws SQLException {
        remove(c, night.tableId());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO group_night (table_id, group_id, table_name, closed_at, settled) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, night.tableId());
            insert.setString(2, groupId);
            insert.setString(3, night.tableName());
            insert.setString(4, night.closedAt().toString());
            insert.setBoolean(5, night.settled());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO group_night_seat (table_id, player_id, player_name, net_minor) VALUES (?, ?, ?, ?)")) {
            for (Night.Seat seat : night.seats()) {
                insert.setString(1, night.tableId());
                insert.setInt(2, seat.playerId());
                insert.setString(3, seat.name());
                insert.setLong(4, seat.netMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The table is open (again): it is no night of its group until it closes. */
    static void remove(Connection c, String tableId) throws SQLException {
        for (String table : List.of("group_night_seat", "group_night")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE table_id = ?")) {
                delete.setString(1, tableId);
                delete.executeUpdate();
            }
        }
    }

    /** Every closed night of the group, with its players in joining order. */
    static List<Night> nights(Connection c, String groupId) throws SQLException {
        Map<String, Night> nights = new LinkedHashMap<>();
        Map<String, List<Night.Seat>> seats = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT n.table_id, n.table_name, n.closed_at, n.settled, s.player_id, s.player_name, s.net_minor"
                        + " FROM group_night n LEFT JOIN group_night_seat s ON s.table_id = n.table_id"
                        + " WHERE n.group_id = ? ORDER BY n.table_id, s.player_id")) {
            query.setString(1, groupId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String tableId = rows.getString(1);
                    nights.computeIfAbsent(tableId, id -> {
                        try {
                            return new Night(
                                    id,
                                    rows.getString(2),
                                    Instant.parse(rows.getString(3)),
                                    rows.getBoolean(4),
                                    List.of());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    List<Night.Seat> list = seats.computeIfAbsent(tableId, id -> new ArrayList<>());
                    rows.getInt(5);
                    if (!rows.wasNull()) {
                        list.add(new Night.Seat(rows.getInt(5), rows.getString(6), rows.getLong(7)));
                    }
                }
            }
        }
        return nights.values().stream()
                .map(n -> new Night(n.tableId(), n.tableName(), n.closedAt(), n.settled(), seats.get(n.tableId())))
                .toList();
    }

    /** Wipes the read side and the projection's offset, in the caller's transaction: a rebuild starts from nothing. */
    static void wipe(Connection c, String offsetTable, String projectionName) throws SQLException {
        for (String table : List.of("group_night_seat", "group_night", "group_table")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table)) {
                delete.executeUpdate();
            }
        }
        String column = offsetTable.startsWith("\"") ? "\"projection_name\"" : "projection_name";
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM " + offsetTable + " WHERE " + column + " = ?")) {
            delete.setString(1, projectionName);
            delete.executeUpdate();
        }
    }
}
