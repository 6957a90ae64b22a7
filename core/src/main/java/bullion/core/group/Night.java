package bullion.core.group;

import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.TableStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One closed table of a group, as the read side keeps it: when it closed, whether every payment is marked
 * ({@code settled}), and each player's net at the close (the table's adjusted net, {@code PlayerBalance.net}) by
 * the name they had at the table, in minor units of the group's currency.
 */
public record Night(String tableId, String tableName, Instant closedAt, boolean settled, List<Seat> seats) {

    public Night {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(closedAt, "closedAt");
        seats = List.copyOf(seats);
    }

    /**
     * The night a table makes in its group's standings: none while it is open (a reopened table leaves the standings
     * until it closes again); once closed, each player's net from {@link TableReport} (adjusted for chips still out at
     * the close), the close's time, and whether every payment is marked.
     */
    public static Optional<Night> of(String tableId, Table table) {
        if (table.closing().isEmpty()) {
            return Optional.empty();
        }
        List<Seat> seats = TableReport.of(table).players().stream()
                .map(b -> new Seat(b.player().id(), b.player().name(), b.net().minor()))
                .toList();
        return Optional.of(new Night(
                tableId,
                table.settings().name(),
                table.closing().get().at(),
                table.status() == TableStatus.SETTLED,
                seats));
    }

    /** A player of the night: {@code playerId} at that table, the name, the net. */
    public record Seat(int playerId, String name, long netMinor) {}
}
