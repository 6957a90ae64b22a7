package bullion.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bullion.engine.persistence.DatabaseSettings;
import bullion.web.TestServer;
import bullion.web.WebSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One table night through the API on PostgreSQL, in a fresh database dropped afterwards. Without a reachable
 * PostgreSQL the test is skipped locally but fails on CI, where one is promised.
 */
class PostgresScenarioApiTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private String database;

    @BeforeEach
    void createDatabase() {
        database = "bullion_api_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            database = null;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL at " + SERVER + " is required on CI", unreachable);
            }
            assumeTrue(false, "PostgreSQL is not reachable at " + SERVER + ": " + unreachable.getMessage());
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            sql.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void aWholeTableNightSettlesUpAndSurvivesARestartOnPostgres() {
        DatabaseSettings postgres = DatabaseSettings.postgres(SERVER + database, USER, "");
        String tableId;
        try (TestServer server =
                TestServer.start(postgres, WebSettings.defaults().withPort(0))) {
            ApiClient api = new ApiClient(server.baseUrl());
            ApiClient.Opened table =
                    api.open("{\"name\":\"Postgres night\",\"buyIn\":\"20.00\",\"chipsPerBuyIn\":100}");
            tableId = table.id();
            int ann = api.addPlayer(table, "Ann");
            int bob = api.addPlayer(table, "Bob");
            int cy = api.addPlayer(table, "Cy");
            api.change(table, "/players/" + ann + "/buy-ins", "{\"count\":2}");
            api.change(table, "/players/" + bob + "/buy-ins", "{\"count\":1}");
            api.change(table, "/players/" + cy + "/buy-ins", "{\"count\":1}");
            api.change(table, "/players/" + cy + "/buy-ins", "{\"count\":1}");
            assertThat(api.change(table, "/entries/4/void", "{\"reason\":\"double entry\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.change(table, "/players/" + ann + "/cash-outs", "{\"chips\":90}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.change(table, "/players/" + bob + "/cash-outs", "{\"chips\":250}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.change(table, "/players/" + cy + "/cash-outs", "{\"chips\":60}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.change(table, "/close", "").status()).isEqualTo(200);
        }

        try (TestServer restarted =
                TestServer.start(postgres, WebSettings.defaults().withPort(0))) {
            ApiClient api = new ApiClient(restarted.baseUrl());
            JsonNode view = api.get("/api/tables/" + tableId).json();

            assertThat(view.get("status").asText()).isEqualTo("closed");
            assertThat(view.get("totals").get("moneyIn").asText()).isEqualTo("80.00");
            assertThat(view.get("totals").get("chipsOnTable").asLong()).isZero();
            assertThat(view.get("players"))
                    .extracting(p -> p.get("net").asText())
                    .containsExactly("-22.00", "30.00", "-8.00");
            JsonNode settlement = view.get("settlement");
            assertThat(settlement.get("complete").asBoolean()).isTrue();
            assertThat(settlement.get("transfers")).hasSize(2);
            assertThat(settlement.get("transfers"))
                    .allSatisfy(t -> assertThat(t.get("to").asInt()).isEqualTo(2));
            assertThat(api.get("/api/tables/" + tableId + "/ledger").json().get("entries"))
                    .hasSize(7);
        }
    }
}
