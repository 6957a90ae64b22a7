package bullion.app;

import bullion.engine.EngineSettings;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.backup.Backups;
import bullion.engine.backup.ExportRefused;
import bullion.engine.backup.TableExport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar's command-line modes, on the database the environment configures (the same variables as the server):
 * {@code export-all <dir>} writes every table in the journal to {@code <dir>/<id>.bullion.json}; {@code import-all <dir>}
 * imports every {@code *.json} file in {@code <dir>} as a new table and prints, per file, the old id, the new id and the
 * new manage token (shown only there: keep it); {@code rebuild-standings} rebuilds the groups' standings (the read side)
 * from the journal and waits until they have caught up. No web server starts; this node forms a cluster of its own (seed nodes
 * are ignored), so it never takes tables from running servers. Exit status 0 when every table went through, 1 when
 * any did not (each named on standard error), 2 for a wrong command line.
 */
final class Commands {

    static final String EXPORT_ALL = "export-all";
    static final String IMPORT_ALL = "import-all";
    static final String REBUILD_STANDINGS = "rebuild-standings";
    static final String SUFFIX = ".bullion.json";
    /** How long a rebuild of the standings may take to read the whole journal again. */
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);

    private Commands() {}

    /** Whether {@code args} ask for a command-line mode rather than the server. */
    static boolean asked(String[] args) {
        return args.length > 0;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean rebuild = args.length == 1 && args[0].equals(REBUILD_STANDINGS);
        if (!rebuild && (args.length != 2 || !(args[0].equals(EXPORT_ALL) || args[0].equals(IMPORT_ALL)))) {
            err.println("Usage: java -jar bullion.jar [export-all <dir> | import-all <dir> | rebuild-standings]"
                    + " (no arguments starts the server)");
            return 2;
        }
        EngineSettings configured = Environment.from(env).engine();
        EngineSettings standalone = configured.withCluster(configured.clusterHost(), 0, List.of());
        try (TableSystem system = TableSystem.start(standalone)) {
            if (rebuild) {
                return rebuildStandings(system, out, err);
            }
            Path dir = Path.of(args[1]);
            Backups backups = Backups.of(system, standalone);
            return args[0].equals(EXPORT_ALL) ? exportAll(backups, dir, out, err) : importAll(backups, dir, out, err);
        }
    }

    private static int exportAll(Backups backups, Path dir, PrintStream out, PrintStream err) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.println("Cannot create " + dir + ": " + e.getMessage());
            return 1;
        }
        int exported = 0;
        int failed = 0;
        for (TableId id : await(backups.tableIds())) {
            try {
                Optional<TableExport> export = await(backups.export(id));
                if (export.isEmpty()) {
                    continue;
                }
                Path file = dir.resolve(id.value() + SUFFIX);
                Path partial = dir.resolve(id.value() + SUFFIX + ".part");
                Files.write(partial, export.get().toJson());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println(id.value() + ": " + export.get().events().size() + " events -> " + file);
                exported++;
            } catch (IOException | RuntimeException e) {
                err.println(id.value() + ": not exported: " + e.getMessage());
                failed++;
            }
        }
        out.println("Exported " + exported + " tables to " + dir + (failed > 0 ? "; " + failed + " failed" : ""));
        return failed > 0 ? 1 : 0;
    }

    private static int importAll(Backups backups, Path dir, PrintStream out, PrintStream err) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            err.println("Cannot read " + dir + ": " + e.getMessage());
            return 1;
        }
        int imported = 0;
        int refused = 0;
        for (Path file : files) {
            try {
                Backups.Imported table = await(backups.importTable(Files.readAllBytes(file)));
                out.println(table.sourceTableId() + " -> " + table.id().value() + " manage token " + table.manageToken()
                        + " (" + file.getFileName() + ")");
                imported++;
            } catch (ExportRefused e) {
                err.println(file.getFileName() + ": refused: " + e.getMessage());
                refused++;
            } catch (IOException | RuntimeException e) {
                err.println(file.getFileName() + ": not imported: " + e.getMessage());
                refused++;
            }
        }
        out.println("Imported " + imported + " tables from " + dir + (refused > 0 ? "; " + refused + " not" : ""));
        return refused > 0 ? 1 : 0;
    }

    /** Wipes the standings and their offset, then waits until the projection has read the whole journal again. */
    private static int rebuildStandings(TableSystem system, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        try {
            system.groups().rebuildStandings(REBUILD_TIMEOUT);
            long giveUpAt = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
            while (!system.groups().standingsCaughtUp()) {
                if (System.nanoTime() > giveUpAt) {
                    err.println("The standings did not catch up with the journal in " + REBUILD_TIMEOUT.toMinutes()
                            + " minutes; run it again");
                    return 1;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 1;
        } catch (Exception e) {
            err.println("The standings were not rebuilt: " + e.getMessage());
            return 1;
        }
        out.println("Rebuilt the standings from the journal in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return 0;
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer from the journal in 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
