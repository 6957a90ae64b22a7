package bullion.web;

import bullion.core.Table;
import bullion.core.group.Group;
import bullion.core.group.Night;
import bullion.core.group.Standings;
import bullion.engine.GroupId;
import bullion.engine.GroupOutcome;
import bullion.engine.Groups;
import bullion.engine.SampleNight;
import bullion.engine.TableId;
import bullion.engine.WarmUp;
import bullion.engine.group.SampleGroup;
import bullion.web.api.ApiWarmUp;
import bullion.web.pages.PageRenders;
import java.util.List;

/**
 * The web's answers rendered once for {@link SampleNight} while the server starts, on a thread of its own beside the
 * start: the API's view and ledger, the view page and the manage page, and the group page of {@link SampleGroup} with
 * that night closed in it. Otherwise a fresh JVM runs that code for the first time (Jackson's introspection of the
 * API's records, the templates, the report, the standings) inside the first request to a table or a group, tens of
 * milliseconds of it (BENCHMARKS.md, "A fresh server's first request warmed", "A group's first page after a
 * restart"). Nothing is served or kept; a failure is logged and never stops the server ({@link WarmUp}).
 */
final class WebWarmUp {

    private WebWarmUp() {}

    /** Starts the warm-up on a daemon thread; the caller does not wait for it. */
    static Thread start() {
        return WarmUp.start("web", WebWarmUp::run);
    }

    /** Renders each answer once; the bytes rendered in all. */
    static int run() {
        Table table = SampleNight.table();
        TableId id = TableId.random();
        Groups.WithStandings group = sampleGroup(id, table);
        GroupId groupId = GroupId.random();
        return ApiWarmUp.render(id.toString(), table)
                + PageRenders.viewPage(id, table).length
                + PageRenders.managePageGzipped(id, table, "sample-token").length
                + PageRenders.groupPage(groupId, group, "").length
                + PageRenders.groupPage(groupId, group, "sample-token").length;
    }

    /** {@link SampleGroup} as its page shows it, with {@code table} (the sample night) closed in it. */
    static Groups.WithStandings sampleGroup(TableId id, Table table) {
        Group group = SampleGroup.group();
        List<Night> nights = Night.of(id.toString(), table).stream().toList();
        return new Groups.WithStandings(new GroupOutcome.Done(group, List.of(), true), Standings.of(group, nights));
    }
}
