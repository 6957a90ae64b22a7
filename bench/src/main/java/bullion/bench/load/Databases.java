package bullion.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh PostgreSQL database per run, so every run starts from an empty journal. */
public final class Databases {

    private Databases() {}

    /** Drops and creates {@code name} (only names starting with bullion_bench) and returns its JDBC URL. */
    public static String freshPostgres(String serverUrl, String user, String password, String name)
            throws SQLException {
        if (!name.matches("bullion_bench[a-z_]*")) {
            throw new IllegalArgumentException("refusing to recreate database " + name);
        }
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return base + name;
    }
}
