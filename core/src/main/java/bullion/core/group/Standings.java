package bullion.core.group;

import bullion.core.Names;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A group's standings: per member the nights played, total net, biggest win and loss, average and last night; per
 * night each member's net. A pure function of the group and its closed nights, worked out when asked, so a rename or
 * merge applies to every night at once: a player is matched to the member who answers to their name at that table
 * (the table's rule, NFC and case-folded); a name no member answers to yet is shown on its own, without an id.
 */
public record Standings(List<MemberStanding> members, List<NightStanding> nights) {

    public Standings {
        members = List.copyOf(members);
        nights = List.copyOf(nights);
    }

    /**
     * One member's numbers over the nights they played. {@code averageMinor} is the total net divided by the nights,
     * rounded once to the minor unit, halves away from zero; zero before a first night.
     */
    public record MemberStanding(
            Optional<Integer> memberId,
            String name,
            int nights,
            long netMinor,
            Optional<Long> biggestWinMinor,
            Optional<Long> biggestLossMinor,
            long averageMinor,
            Optional<Instant> lastPlayed) {}

    /** A member's net over one night: the sum of their players' nets there (two names merged may sit together). */
    public record MemberNet(Optional<Integer> memberId, String name, long netMinor) {}

    public record NightStanding(
            String tableId, String tableName, Instant closedAt, boolean settled, List<MemberNet> nets) {
        public NightStanding {
            nets = List.copyOf(nets);
        }
    }

    /** Nights in the order they closed (then by table id); members by total net, highest first, then by name. */
    public static Standings of(Group group, List<Night> nights) {
        List<Night> ordered = nights.stream()
                .sorted(Comparator.comparing(Night::closedAt).thenComparing(Night::tableId))
                .toList();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Member m : group.members()) {
            tallies.put(key(m), new Tally(Optional.of(m.id()), m.name()));
        }
        List<NightStanding> nightStandings = new ArrayList<>();
        for (Night night : ordered) {
            Map<String, MemberNet> nets = new LinkedHashMap<>();
            for (Night.Seat seat : night.seats()) {
                Optional<Member> member = group.memberNamed(seat.name());
                String key = member.map(Standings::key).orElse(unmatchedKey(seat.name()));
                MemberNet before = nets.get(key);
                long net = seat.netMinor() + (before == null ? 0 : before.netMinor());
                nets.put(
                        key,
                        new MemberNet(
                                member.map(Member::id),
                                member.map(Member::name).orElse(Names.normalized(seat.name())),
                                net));
            }
            for (Map.Entry<String, MemberNet> e : nets.entrySet()) {
                tallies.computeIfAbsent(
                                e.getKey(),
                                k -> new Tally(
                                        e.getValue().memberId(), e.getValue().name()))
                        .add(e.getValue().netMinor(), night.closedAt());
            }
            nightStandings.add(new NightStanding(
                    night.tableId(), night.tableName(), night.closedAt(), night.settled(), List.copyOf(nets.values())));
        }
        List<MemberStanding> members = tallies.values().stream()
                .map(Tally::standing)
                .sorted(Comparator.comparingLong(MemberStanding::netMinor)
                        .reversed()
                        .thenComparing(MemberStanding::name))
                .toList();
        return new Standings(members, nightStandings);
    }

    private static String key(Member m) {
        return "member:" + m.id();
    }

    private static String unmatchedKey(String name) {
        return "name:" + Names.normalized(name).toLowerCase(Locale.ROOT);
    }

    private static final class Tally {
        private final Optional<Integer> memberId;
        private final String name;
        private int nights;
        private long net;
        private Optional<Long> biggestWin = Optional.empty();
        private Optional<Long> biggestLoss = Optional.empty();
        private Optional<Instant> lastPlayed = Optional.empty();

        Tally(Optional<Integer> memberId, String name) {
            this.memberId = memberId;
            this.name = name;
        }

        void add(long nightNet, Instant at) {
            nights++;
            net = Math.addExact(net, nightNet);
            if (nightNet > 0 && biggestWin.map(w -> nightNet > w).orElse(true)) {
                biggestWin = Optional.of(nightNet);
            }
            if (nightNet < 0 && biggestLoss.map(l -> nightNet < l).orElse(true)) {
                biggestLoss = Optional.of(nightNet);
            }
            if (lastPlayed.map(l -> at.isAfter(l)).orElse(true)) {
                lastPlayed = Optional.of(at);
            }
        }

        MemberStanding standing() {
            long average = nights == 0
                    ? 0
                    : BigDecimal.valueOf(net)
                            .divide(BigDecimal.valueOf(nights), 0, RoundingMode.HALF_UP)
                            .longValueExact();
            return new MemberStanding(memberId, name, nights, net, biggestWin, biggestLoss, average, lastPlayed);
        }
    }
}
