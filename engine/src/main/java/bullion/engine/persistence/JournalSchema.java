package bullion.engine.persistence;

import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the journal's tables with Flyway at start-up. The DDL is the journal plugin's own
 * (copied from its jar into {@code db/migration/<kind>}), so it always matches what the plugin queries.
 */
public final class JournalSchema {

  private JournalSchema() {}

  public static void migrate(DatabaseSettings db) {
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:" + db.kind().migrations())
        .load()
        .migrate();
  }
}
