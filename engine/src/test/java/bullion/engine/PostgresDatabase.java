package bullion.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bullion.engine.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test on 127.0.0.1:5432, dropped afterwards. Without a server the test
 * is skipped on a developer's machine but fails on CI (CI=true), where PostgreSQL is always there.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String ADMIN_URL =
            System.getProperty("bullion.pg.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("bullion.pg.user", "postgres");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create(String prefix) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL must be running on CI at " + ADMIN_URL, unreachable);
            }
            assumeTrue(false, "no PostgreSQL at " + ADMIN_URL + ": " + unreachable.getMessage());
        }
        return new PostgresDatabase(name);
    }

    public DatabaseSettings settings() {
        return DatabaseSettings.postgres(ADMIN_URL.replaceFirst("/postgres$", "/" + name), USER, "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
