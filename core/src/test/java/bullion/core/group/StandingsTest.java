package bullion.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandingsTest {

    private static final Instant T1 = Instant.parse("2026-11-05T23:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-12T23:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-19T23:00:00Z");

    private static Group group(Member... members) {
        return new Group("G", "USD", List.of(members), members.length + 1, 1);
    }

    private static Night night(String id, Instant at, Night.Seat... seats) {
        return new Night(id, "Night " + id, at, false, List.of(seats));
    }

    @Test
    void eachMembersNumbersComeFromTheNightsTheyPlayed() {
        Group g = group(new Member(1, "Ann", List.of()), new Member(2, "Bob", List.of()));
        Standings s = Standings.of(
                g,
                List.of(
                        night("b", T2, new Night.Seat(1, "ann", -1000), new Night.Seat(2, "Bob", 1000)),
                        night("a", T1, new Night.Seat(1, "Ann", 1500), new Night.Seat(2, "BOB", -1500)),
                        night("c", T3, new Night.Seat(1, "Ann", 1), new Night.Seat(2, "Bob", -1))));
        Standings.MemberStanding ann = s.members().get(0);
        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(ann.nights()).isEqualTo(3);
        assertThat(ann.netMinor()).isEqualTo(501);
        assertThat(ann.biggestWinMinor()).contains(1500L);
        assertThat(ann.biggestLossMinor()).contains(-1000L);
        assertThat(ann.averageMinor()).as("501 / 3 = 167").isEqualTo(167);
        assertThat(ann.lastPlayed()).contains(T3);
        assertThat(s.nights()).extracting(Standings.NightStanding::tableId).containsExactly("a", "b", "c");
    }

    @Test
    void theAverageIsRoundedOnceHalvesAwayFromZero() {
        Group g = group(new Member(1, "Ann", List.of()), new Member(2, "Bob", List.of()));
        Standings s = Standings.of(
                g,
                List.of(
                        night("a", T1, new Night.Seat(1, "Ann", 1), new Night.Seat(2, "Bob", -1)),
                        night("b", T2, new Night.Seat(1, "Ann", 0), new Night.Seat(2, "Bob", 0))));
        assertThat(s.members())
                .extracting(Standings.MemberStanding::averageMinor)
                .containsExactly(1L, -1L);
    }

    @Test
    void twoNamesOfOneMemberAtOneTableAreOneNetAndANameNoMemberAnswersToIsShownWithoutAnId() {
        Group g = group(new Member(1, "Ann", List.of("Annie")));
        Standings s = Standings.of(
                g,
                List.of(night(
                        "a",
                        T1,
                        new Night.Seat(1, "Ann", 300),
                        new Night.Seat(2, "annie", 200),
                        new Night.Seat(3, "Zed", -500))));
        assertThat(s.nights().get(0).nets())
                .containsExactly(
                        new Standings.MemberNet(Optional.of(1), "Ann", 500),
                        new Standings.MemberNet(Optional.empty(), "Zed", -500));
        assertThat(s.members().get(0).nights()).isEqualTo(1);
        assertThat(s.members().get(1).memberId()).isEmpty();
    }

    @Test
    void aMemberWhoNeverPlayedIsListedWithNothing() {
        Standings s = Standings.of(group(new Member(1, "Ann", List.of())), List.of());
        assertThat(s.members())
                .containsExactly(new Standings.MemberStanding(
                        Optional.of(1), "Ann", 0, 0, Optional.empty(), Optional.empty(), 0, Optional.empty()));
    }
}
