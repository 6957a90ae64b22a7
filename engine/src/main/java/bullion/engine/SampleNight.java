package bullion.engine;

import bullion.core.Event;
import bullion.core.EventApplier;
import bullion.core.Paid;
import bullion.core.Party;
import bullion.core.PayApp;
import bullion.core.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short made-up night with every kind of event, for the warm-ups a node runs while it starts (the stored format's,
 * the API's): code that a fresh JVM runs for the first time costs a real table's first request over 100 ms of class
 * loading, Jackson's introspection and the interpreter (BENCHMARKS.md, "A fresh server's first request warmed").
 * Never stored, never shown.
 */
public final class SampleNight {

    private SampleNight() {}

    private static final Instant AT = Instant.parse("2026-11-27T21:15:00Z");

    /**
     * Opened, three players (one renamed, one with pay handles), buy-ins of both kinds, cash-outs, a voiding, closed
     * with a plan and missing chips, marks, reopened and closed again.
     */
    public static List<Event> events() {
        List<Event.PlannedPayment> plan = List.of(
                new Event.PlannedPayment(1, Party.BANK, Party.player(1), 3000),
                new Event.PlannedPayment(2, Party.player(2), Party.player(3), 800));
        return List.of(
                new Event.TableOpened("Sample", "USD", 2000, 100, Paid.CASH),
                new Event.PlayerJoined(1, "Ari"),
                new Event.PlayerJoined(2, "Bo"),
                new Event.PlayerJoined(3, "Cy"),
                new Event.PlayerRenamed(3, "Cyd"),
                new Event.PayHandlesSet(2, Map.of(PayApp.VENMO, "bo-venmo")),
                new Event.BoughtIn(1, AT, 1, 2, Paid.CASH),
                new Event.BoughtIn(2, AT.plusSeconds(60), 2, 1, Paid.CREDIT),
                new Event.BoughtChips(3, AT.plusSeconds(120), 3, 50, Paid.CASH),
                new Event.CashedOut(4, AT.plusSeconds(180), 1, 150),
                new Event.CashedOut(5, AT.plusSeconds(240), 2, 20),
                new Event.EntryVoided(5, AT.plusSeconds(300), "tapped twice"),
                new Event.CashedOut(6, AT.plusSeconds(360), 2, 60),
                new Event.TableClosed(AT.plusSeconds(420), Optional.of(3), Optional.of(plan)),
                new Event.PaymentMarked(1, AT.plusSeconds(480)),
                new Event.PaymentUnmarked(1, AT.plusSeconds(540)),
                new Event.TableReopened(AT.plusSeconds(600)),
                new Event.TableClosed(AT.plusSeconds(660), Optional.of(3), Optional.of(plan)),
                new Event.PaymentMarked(2, AT.plusSeconds(720)));
    }

    /** The table the events make. */
    public static Table table() {
        return EventApplier.replay(events()).orElseThrow();
    }
}
