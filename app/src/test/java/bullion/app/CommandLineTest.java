package bullion.app;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.BuyInSize;
import bullion.core.Command;
import bullion.core.MissingChips;
import bullion.core.Paid;
import bullion.core.Table;
import bullion.core.TableReport;
import bullion.core.group.Standings;
import bullion.engine.EngineSettings;
import bullion.engine.Groups;
import bullion.engine.NotRecorded;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.Tables;
import bullion.engine.persistence.DatabaseSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's command-line modes end to end: the real {@code Main} in a child JVM exports every table of one embedded
 * database to a directory and imports them into another; every table comes back under a new id and token with the same
 * table, report and events, and a tampered file among them is refused by name while the others go through. It also
 * rebuilds the groups' standings from the journal after the read side lost its rows.
 */
class CommandLineTest {

    private static final Pattern MAPPING =
            Pattern.compile("([A-Za-z0-9_-]{22}) -> ([A-Za-z0-9_-]{22}) manage token ([A-Za-z0-9_-]+) \\(.*\\)");

    @TempDir
    Path source;

    @TempDir
    Path target;

    @TempDir
    Path backup;

    @Test
    void exportAllThenImportAllBringsEveryTableBackUnderNewIds() throws Exception {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.embedded(source)))) {
            for (int n = 0; n < 4; n++) {
                Night night = night(system.tables(), n);
                tables.put(night.id(), night.table());
            }
        }

        Run exported = main(source, "export-all", backup.toString());
        assertThat(exported.status()).as(exported.printed()).isZero();
        assertThat(exported.printed()).contains("Exported 4 tables to " + backup);
        List<Path> files = files(backup);
        assertThat(files).hasSize(4);

        Run imported = main(target, "import-all", backup.toString());
        assertThat(imported.status()).as(imported.printed()).isZero();
        Map<String, String[]> mapping = mapping(imported.printed());
        assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(tables.keySet());

        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.embedded(target)))) {
            for (Map.Entry<String, String[]> moved : mapping.entrySet()) {
                TableId newId = new TableId(moved.getValue()[0]);
                assertThat(newId.value()).isNotEqualTo(moved.getKey());
                Outcome.Done done = (Outcome.Done) await(system.tables().view(newId, Optional.of(moved.getValue()[1])));
                assertThat(done.canManage())
                        .as("the printed token manages the new table")
                        .isTrue();
                Table before = tables.get(moved.getKey());
                assertThat(done.table()).isEqualTo(before);
                assertThat(TableReport.of(done.table())).isEqualTo(TableReport.of(before));
            }
        }

        Path again = Files.createDirectory(backup.resolve("again"));
        assertThat(main(target, "export-all", again.toString()).status()).isZero();
        for (Map.Entry<String, String[]> moved : mapping.entrySet()) {
            assertThat(events(again.resolve(moved.getValue()[0] + Commands.SUFFIX)))
                    .as("the same events, byte for byte")
                    .isEqualTo(events(backup.resolve(moved.getKey() + Commands.SUFFIX)));
        }
    }

    @Test
    void aTamperedFileIsRefusedByNameAndTheOthersAreImported() throws Exception {
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.embedded(source)))) {
            night(system.tables(), 1);
            night(system.tables(), 2);
        }
        assertThat(main(source, "export-all", backup.toString()).status()).isZero();
        Path victim = files(backup).getFirst();
        Files.writeString(victim, Files.readString(victim).replaceFirst("Ann", "Eve"));
        Files.writeString(backup.resolve("notes.json"), "{\"shopping\":[\"chips\"]}");

        Run imported = main(target, "import-all", backup.toString());
        assertThat(imported.status()).isEqualTo(1);
        assertThat(imported.printed())
                .contains(victim.getFileName() + ": refused: This Bullion table export was changed or damaged")
                .contains("notes.json: refused: This is not a Bullion table export")
                .contains("Imported 1 tables from " + backup + "; 2 not");
        assertThat(mapping(imported.printed())).hasSize(1);
    }

    @Test
    void aModeOnTheFileOfARunningBullionIsRefusedWithASentenceAndChangesNothing() throws Exception {
        try (TableSystem running = TableSystem.start(EngineSettings.singleNode(DatabaseSettings.embedded(source)))) {
            Night night = night(running.tables(), 1);
            Files.createDirectories(backup);
            Files.writeString(backup.resolve("x" + Commands.SUFFIX), "{}");
            Run imported = main(source, "import-all", backup.toString());
            assertThat(imported.status()).isEqualTo(1);
            assertThat(imported.printed())
                    .contains("Bullion did not run: another Bullion is running on "
                            + source.toAbsolutePath().resolve("bullion.db"))
                    .contains("stop it first")
                    .doesNotContain("x" + Commands.SUFFIX);
            Outcome.Done view =
                    (Outcome.Done) retried(() -> running.tables().view(new TableId(night.id()), Optional.empty()));
            assertThat(view.table()).isEqualTo(night.table());
        }
    }

    @Test
    void aWrongCommandLineSaysHowToUseIt() throws Exception {
        Run run = main(source, "export-everything", backup.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.printed())
                .contains("Usage: java -jar bullion.jar [export-all <dir> | import-all <dir> | rebuild-standings]");
    }

    @Test
    void rebuildStandingsBringsBackNightsTheReadSideLost() throws Exception {
        DatabaseSettings database = DatabaseSettings.embedded(source);
        Groups.Created group;
        Standings before;
        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            group = await(system.groups().create("Thursday crew", "EUR"));
            for (int n = 0; n < 2; n++) {
                int night = n;
                Groups.TableInGroup opened = retried(() -> system.groups()
                        .openTable(
                                group.id(),
                                group.manageToken(),
                                new Command.OpenTable("Night " + night, "EUR", new BigDecimal("20.00"), 100)));
                TableId id = ((Groups.TableInGroup.Opened) opened).table().id();
                for (Command command : List.of(
                        new Command.AddPlayer("Ann"),
                        new Command.AddPlayer("Bo"),
                        new Command.BuyIn(1, new BuyInSize.Count(1 + night), Optional.empty()),
                        new Command.BuyIn(2, new BuyInSize.Count(1), Optional.empty()),
                        new Command.CashOut(1, 150),
                        new Command.CashOut(2, 50 + 100 * night),
                        new Command.CloseTable(Optional.empty()))) {
                    Optional<String> requestId = Optional.of(UUID.randomUUID().toString());
                    assertThat(retried(() -> system.tables().change(id, group.manageToken(), command, requestId)))
                            .isInstanceOf(Outcome.Done.class);
                }
            }
            before = standingsWithNights(system, group, 2);
        }
        // The read side loses its nights but keeps its offset: without a rebuild it would never see them again.
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM group_night_seat");
            assertThat(statement.executeUpdate("DELETE FROM group_night")).isEqualTo(2);
        }

        Run rebuilt = main(source, "rebuild-standings");
        assertThat(rebuilt.status()).as(rebuilt.printed()).isZero();
        assertThat(rebuilt.printed()).contains("Rebuilt the standings from the journal");

        try (TableSystem system = TableSystem.start(EngineSettings.singleNode(database))) {
            assertThat(standingsWithNights(system, group, 2)).isEqualTo(before);
        }
    }

    /** The group's standings once they show {@code nights} nights (the read side follows the journal within a second). */
    private static Standings standingsWithNights(TableSystem system, Groups.Created group, int nights)
            throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Optional<Groups.WithStandings> read = await(system.groups().standings(group.id(), Optional.empty()));
            if (read.isPresent() && read.get().standings().nights().size() == nights) {
                return read.get().standings();
            }
            assertThat(System.nanoTime())
                    .as("standings with " + nights + " nights")
                    .isLessThan(giveUpAt);
            Thread.sleep(100);
        }
    }

    /** A small night: Ann and Bo buy in (cash and credit), cash out; odd nights close with chips out. */
    private static Night night(Tables tables, int n) {
        Tables.Opened opened =
                retried(() -> tables.open(new Command.OpenTable("Night " + n, "EUR", new BigDecimal("20.00"), 100)));
        Table table = ((Outcome.Done) opened.outcome()).table();
        List<Command> commands = List.of(
                new Command.AddPlayer("Ann"),
                new Command.AddPlayer("Bo"),
                new Command.BuyIn(1, new BuyInSize.Count(1 + n), Optional.of(Paid.CASH)),
                new Command.BuyIn(2, new BuyInSize.Chips(150), Optional.empty()),
                new Command.CashOut(1, 120),
                new Command.CloseTable(
                        n % 2 == 1
                                ? Optional.of(new MissingChips.SharedBack())
                                : Optional.of(new MissingChips.CashedOutBy(2))));
        for (Command command : commands) {
            Optional<String> requestId = Optional.of(UUID.randomUUID().toString());
            Outcome outcome = retried(() -> tables.change(opened.id(), opened.manageToken(), command, requestId));
            table = ((Outcome.Done) outcome).table();
        }
        return new Night(opened.id().value(), table);
    }

    private record Night(String id, Table table) {}

    private record Run(int status, String printed) {}

    /** Runs the real Main with {@code args} in its own JVM on the embedded database in {@code dataDir}. */
    private static Run main(Path dataDir, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BULLION_DATA_DIR", dataDir.toString());
        Process bullion = builder.start();
        byte[] printed = bullion.getInputStream().readAllBytes();
        assertThat(bullion.waitFor(120, TimeUnit.SECONDS)).as("Bullion exits").isTrue();
        return new Run(bullion.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }

    /** Old id to {new id, new token}, from import-all's output. */
    private static Map<String, String[]> mapping(String printed) {
        Map<String, String[]> mapping = new HashMap<>();
        for (String line : printed.lines().toList()) {
            Matcher matcher = MAPPING.matcher(line);
            if (matcher.matches()) {
                mapping.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3)});
            }
        }
        return mapping;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(f -> f.toString().endsWith(Commands.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /** The events of an export file, as text: everything between "events" and "sha256". */
    private static String events(Path file) throws IOException {
        String text = Files.readString(file);
        return text.substring(text.indexOf("\"events\""), text.indexOf("\"sha256\""));
    }

    /**
     * The answer, asking again (at most three times) while the facade says it was not recorded, which is safe (a change
     * carries a request id): on a loaded machine the first writes to a new embedded file can miss their deadline.
     */
    private static <T> T retried(Supplier<CompletionStage<T>> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof NotRecorded) || attempt == 3) {
                    throw new AssertionError("no answer", e);
                }
            } catch (Exception e) {
                throw new AssertionError("no answer in 20 s", e);
            }
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer in 20 s", e);
        }
    }
}
