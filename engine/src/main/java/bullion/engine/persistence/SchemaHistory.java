package bullion.engine.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's record of what it applied ({@code flyway_schema_history} in the connection's current schema, where Flyway
 * keeps it by default), read with plain JDBC so that a start on a current schema need not configure Flyway at all.
 */
final class SchemaHistory {

    private SchemaHistory() {}

    /**
     * Whether Flyway's migrate would have nothing to do and nothing to refuse: the history holds exactly the jar's
     * migrations, in order, each a successful SQL migration with the version, description and checksum Flyway
     * computes for it, and no other row (no failed, baseline, repeatable or newer one) than Flyway's note that it
     * created the table. Then every migration is
     * applied and Flyway's validation (version, description, type, checksum) passes, so skipping Flyway changes
     * nothing. Anything else, a missing table included, is left to Flyway, which migrates or refuses as it always did.
     *
     * @throws SQLException when the database cannot be reached or the history cannot be read as Flyway writes it
     */
    static boolean isCurrent(Connection connection, List<JournalMigrations.Migration> migrations) throws SQLException {
        String schema = schemaOf(connection);
        if (schema == null || !hasHistory(connection, schema)) {
            return false;
        }
        List<JournalMigrations.Migration> applied = new ArrayList<>();
        String table = "\"" + schema.replace("\"", "\"\"") + "\".\"flyway_schema_history\"";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"description\", \"type\", \"script\", \"checksum\", \"success\" FROM "
                                + table + " ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                String type = rows.getString("type");
                if ("TABLE".equals(type) && rows.getString("version") == null) {
                    continue; // Flyway's own note that it created the table (H2 has one), not a migration
                }
                int checksum = rows.getInt("checksum");
                boolean noChecksum = rows.wasNull();
                if (!"SQL".equals(type) || !rows.getBoolean("success") || noChecksum) {
                    return false;
                }
                applied.add(new JournalMigrations.Migration(
                        rows.getString("version"), rows.getString("description"), rows.getString("script"), checksum));
            }
        }
        return sameIgnoringScript(applied, migrations);
    }

    /**
     * The connection's schema, where Flyway keeps its history. SQLite's driver names none, and Flyway uses SQLite's
     * {@code main} database there.
     */
    private static String schemaOf(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        if (schema == null && "SQLite".equals(connection.getMetaData().getDatabaseProductName())) {
            return "main";
        }
        return schema;
    }

    /** Whether the history table exists; asked first, so a fresh database is not an error on PostgreSQL's log. */
    private static boolean hasHistory(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        try (ResultSet tables =
                meta.getTables(null, literal(schema, escape), literal("flyway_schema_history", escape), null)) {
            return tables.next();
        }
    }

    /** A name as a metadata pattern that matches only itself ({@code _} and {@code %} are wildcards there). */
    private static String literal(String name, String escape) {
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** Flyway validates version, description, type and checksum; the script's name is not part of it. */
    private static boolean sameIgnoringScript(
            List<JournalMigrations.Migration> applied, List<JournalMigrations.Migration> carried) {
        if (applied.size() != carried.size()) {
            return false;
        }
        for (int i = 0; i < applied.size(); i++) {
            JournalMigrations.Migration a = applied.get(i);
            JournalMigrations.Migration c = carried.get(i);
            if (!a.version().equals(c.version())
                    || !a.description().equals(c.description())
                    || a.checksum() != c.checksum()) {
                return false;
            }
        }
        return true;
    }
}
