package bullion.web;

import bullion.engine.Groups;
import bullion.engine.Tables;
import bullion.engine.backup.Backups;
import bullion.engine.ops.Health;
import bullion.web.ops.Monitoring;
import java.util.Optional;

/**
 * What the web server delivers: the tables always; health checks, monitoring, backups and groups when the caller has
 * them (the app has all of them; a test or a tool starts with the tables alone and adds what it exercises).
 */
public record Services(
        Tables tables,
        Optional<Health> health,
        Optional<Monitoring> monitoring,
        Optional<Backups> backups,
        Optional<Groups> groups) {

    public static Services of(Tables tables) {
        return new Services(tables, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code /health/live} and {@code /health/ready}. */
    public Services withHealth(Health health) {
        return new Services(tables, Optional.of(health), monitoring, backups, groups);
    }

    /** Figures go to this registry, served at {@code /metrics} if it has a token; without it they go unread. */
    public Services withMonitoring(Monitoring monitoring) {
        return new Services(tables, health, Optional.of(monitoring), backups, groups);
    }

    /** Tables can be exported and imported. */
    public Services withBackups(Backups backups) {
        return new Services(tables, health, monitoring, Optional.of(backups), groups);
    }

    /** Groups of tables: their API routes and pages. */
    public Services withGroups(Groups groups) {
        return new Services(tables, health, monitoring, backups, Optional.of(groups));
    }
}
