package bullion.web.pages;

import bullion.core.Money;
import bullion.core.group.Group;
import bullion.core.group.Standings;
import bullion.engine.GroupId;
import bullion.engine.Groups;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The group page's view: the standings table, the nights, and the chart's data (each member's running total after
 * every night, in minor units, drawn by uPlot in {@code group-chart.js}). It only formats what the core's
 * {@link Standings} computed. {@code token} is the group's manage token on the manage page, empty on the view page.
 */
public record GroupPage(
        String id,
        String name,
        String currency,
        String token,
        String origin,
        List<MemberRow> members,
        List<NightRow> nights,
        String chartJson) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public GroupPage {
        members = List.copyOf(members);
        nights = List.copyOf(nights);
    }

    /** One member's line of the standings; {@code id} is empty for a name no member answers to yet. */
    public record MemberRow(
            String id,
            String name,
            int nights,
            String net,
            String netClass,
            String biggestWin,
            String biggestLoss,
            String average,
            String lastPlayed) {}

    /** One closed night: its table, when it closed, settled or not, and each member's net there. */
    public record NightRow(String tablePath, String name, String closedAt, String settled, String nets) {}

    public boolean manage() {
        return !token.isEmpty();
    }

    public String viewPath() {
        return "/g/" + id;
    }

    public String viewUrl() {
        return origin + viewPath();
    }

    public String manageUrl() {
        return origin + managePath(id, token);
    }

    static String managePath(String id, String token) {
        return "/g/" + id + "/manage?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    static GroupPage of(GroupId id, Groups.WithStandings with, String token, String origin, Locale reader) {
        Group group = with.group().group();
        Currency currency = Currency.getInstance(group.currencyCode());
        Standings standings = with.standings();
        List<MemberRow> members = standings.members().stream()
                .map(m -> new MemberRow(
                        m.memberId().map(String::valueOf).orElse(""),
                        m.name(),
                        m.nights(),
                        MoneyText.signed(new Money(m.netMinor(), currency), reader),
                        Long.signum(m.netMinor()) > 0 ? "up" : Long.signum(m.netMinor()) < 0 ? "down" : "even",
                        m.biggestWinMinor()
                                .map(v -> MoneyText.signed(new Money(v, currency), reader))
                                .orElse("—"),
                        m.biggestLossMinor()
                                .map(v -> MoneyText.signed(new Money(v, currency), reader))
                                .orElse("—"),
                        MoneyText.signed(new Money(m.averageMinor(), currency), reader),
                        m.lastPlayed().map(Object::toString).orElse("")))
                .toList();
        List<NightRow> nights = standings.nights().stream()
                .map(n -> new NightRow(
                        "/t/" + n.tableId(),
                        n.tableName(),
                        n.closedAt().toString(),
                        n.settled() ? "settled" : "closed, payments to mark",
                        String.join(
                                " · ",
                                n.nets().stream()
                                        .map(net -> net.name() + " "
                                                + MoneyText.signed(new Money(net.netMinor(), currency), reader))
                                        .toList())))
                .toList();
        return new GroupPage(
                id.value(),
                group.name(),
                group.currencyCode(),
                token,
                origin,
                members,
                nights,
                chart(standings, currency));
    }

    /**
     * The chart's data: night numbers and names on x, and for each member the running total of their nets after
     * every night (carried over the nights they missed), in minor units; the script divides for the axis labels.
     */
    private static String chart(Standings standings, Currency currency) {
        List<String> labels = standings.nights().stream()
                .map(Standings.NightStanding::tableName)
                .toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Standings.MemberStanding member : standings.members()) {
            List<Long> running = new ArrayList<>();
            long total = 0;
            for (Standings.NightStanding night : standings.nights()) {
                for (Standings.MemberNet net : night.nets()) {
                    boolean same = member.memberId().isPresent()
                            ? net.memberId().equals(member.memberId())
                            : net.memberId().isEmpty() && net.name().equals(member.name());
                    if (same) {
                        total += net.netMinor();
                    }
                }
                running.add(total);
            }
            series.add(Map.of("name", member.name(), "values", running));
        }
        try {
            return JSON.writeValueAsString(
                    Map.of("labels", labels, "digits", currency.getDefaultFractionDigits(), "series", series));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
