package bullion.web;

import bullion.engine.EngineSettings;
import bullion.engine.TableSystem;
import bullion.engine.backup.Backups;
import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;

/** The real thing for tests: table servers on an H2 file (or a given database) and the web server on a random port. */
public final class TestServer implements AutoCloseable {

    private final TableSystem tables;
    private final WebServer web;

    private TestServer(TableSystem tables, WebServer web) {
        this.tables = tables;
        this.web = web;
    }

    public static TestServer start(Path dataDir) {
        return start(DatabaseSettings.h2File(dataDir), WebSettings.defaults().withPort(0));
    }

    public static TestServer start(DatabaseSettings database, WebSettings web) {
        EngineSettings settings = EngineSettings.singleNode(database);
        TableSystem system = TableSystem.start(settings);
        try {
            return new TestServer(
                    system,
                    WebServer.start(
                            Services.of(system.tables())
                                    .withBackups(Backups.of(system, settings))
                                    .withGroups(system.groups()),
                            web));
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + web.port();
    }

    public TableSystem tableSystem() {
        return tables;
    }

    public WebServer web() {
        return web;
    }

    @Override
    public void close() {
        web.close();
        tables.close();
    }
}
