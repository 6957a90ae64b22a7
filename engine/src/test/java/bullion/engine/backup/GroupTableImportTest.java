package bullion.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.engine.EngineSettings;
import bullion.engine.GroupNights;
import bullion.engine.Groups;
import bullion.engine.JournalFold;
import bullion.engine.Outcome;
import bullion.engine.TableId;
import bullion.engine.TableSystem;
import bullion.engine.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table played in a group imports as a table in no group: its night is not counted a second time in the group's
 * standings, and the group's token does not manage the copy.
 */
class GroupTableImportTest {

    private static final long WAIT_MS = 15_000;

    @TempDir
    Path dir;

    @Test
    void anImportedGroupTableIsInNoGroupAndItsNightCountsOnce() throws Exception {
        EngineSettings settings = EngineSettings.singleNode(DatabaseSettings.h2File(dir));
        try (TableSystem system = TableSystem.start(settings)) {
            GroupNights nights = new GroupNights(system);
            Groups.Created group = nights.group("Crew");
            TableId played = nights.closedNight(
                    group, "Week 1", List.of(new GroupNights.Seat("Ann", 2, 5), new GroupNights.Seat("Bob", 1, 25)));
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id()).nights()).hasSize(1);

            Backups backups = Backups.of(system, settings);
            TableExport export = RandomNight.await(backups.export(played)).orElseThrow();
            Backups.Imported copy = RandomNight.await(backups.importTable(export.toJson()));

            Outcome.Done asGroup =
                    (Outcome.Done) RandomNight.await(system.tables().view(copy.id(), Optional.of(group.manageToken())));
            assertThat(asGroup.groupId()).isEmpty();
            assertThat(asGroup.canManage())
                    .as("the group's token does not manage the copy")
                    .isFalse();
            assertThat(JournalFold.millisUntilProjected(system, group.id(), WAIT_MS))
                    .isNotNegative();
            assertThat(JournalFold.projected(system, group.id()).nights()).hasSize(1);
            assertThat(JournalFold.projected(system, group.id())).isEqualTo(JournalFold.standings(system, group.id()));
        }
    }
}
