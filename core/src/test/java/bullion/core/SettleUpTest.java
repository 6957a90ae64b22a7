package bullion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettleUpTest {

    static final Currency USD = Currency.getInstance("USD");

    static List<SettleUp.Net> nets(long... minors) {
        List<SettleUp.Net> nets = new ArrayList<>();
        for (int i = 0; i < minors.length; i++) {
            nets.add(new SettleUp.Net(i + 1, minors[i]));
        }
        return nets;
    }

    static Map<Integer, Long> applied(List<SettleUp.Net> nets, List<Transfer> transfers) {
        Map<Integer, Long> balance = new HashMap<>();
        nets.forEach(n -> balance.put(n.playerId(), n.minor()));
        for (Transfer t : transfers) {
            assertThat(t.amount().minor()).isPositive();
            balance.merge(t.fromPlayerId(), t.amount().minor(), Long::sum);
            balance.merge(t.toPlayerId(), -t.amount().minor(), Long::sum);
        }
        return balance;
    }

    @Test
    void largestDebtorPaysLargestCreditorIsBeatenByZeroSumGroups() {
        // +60 +40 +30 -70 -60: greedy makes 4 payments; {+60,-60} and {+40,+30,-70} need 3.
        List<SettleUp.Net> nets = nets(6000, 4000, 3000, -7000, -6000);
        List<Transfer> transfers = SettleUp.transfers(nets, USD);
        assertThat(transfers).hasSize(3);
        assertThat(applied(nets, transfers).values()).allMatch(v -> v == 0);
    }

    @Test
    void groupsThatAreNotEqualPairsAreFound() {
        // {+5,+3,-8} and {+6,-2,-4}: no debt equals a credit, yet two groups mean 4 payments, not 5.
        List<SettleUp.Net> nets = nets(500, 300, -800, 600, -200, -400);
        List<Transfer> transfers = SettleUp.transfers(nets, USD);
        assertThat(transfers).hasSize(4);
        assertThat(applied(nets, transfers).values()).allMatch(v -> v == 0);
    }

    @Test
    void theSameNetsAlwaysGiveTheSamePayments() {
        List<SettleUp.Net> nets = nets(1000, 1000, -1000, -1000, 500, -500);
        assertThat(SettleUp.transfers(nets, USD))
                .isEqualTo(SettleUp.transfers(nets, USD))
                .hasSize(3);
    }

    @Test
    void playersWhoBrokeEvenPayNothing() {
        assertThat(SettleUp.transfers(nets(0, 0, 0), USD)).isEmpty();
        assertThat(SettleUp.transfers(nets(0, 250, -250), USD))
                .containsExactly(new Transfer(3, 2, new Money(250, USD)));
    }

    @Test
    void largeTablesUseTheGreedyRuleAndStillSquareEveryone() {
        long[] minors = new long[30];
        for (int i = 0; i < 29; i++) {
            minors[i] = (i % 2 == 0 ? 1 : -1) * (137L * (i + 1) % 991 + 1);
        }
        long sum = 0;
        for (int i = 0; i < 29; i++) {
            sum += minors[i];
        }
        minors[29] = -sum;
        List<SettleUp.Net> nets = nets(minors);
        List<Transfer> transfers = SettleUp.transfers(nets, USD);
        assertThat(transfers.size()).isLessThanOrEqualTo(29);
        assertThat(applied(nets, transfers).values()).allMatch(v -> v == 0);
    }

    @Test
    void netsThatDoNotAddUpToZeroAreABug() {
        assertThatThrownBy(() -> SettleUp.transfers(nets(100, -99), USD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twentyFourPartiesInEightHiddenTriplesNeedSixteenPayments() {
        // Triples {+a, +b, -(a+b)} with no amount repeated: only the exact search beyond 18 parties finds all eight.
        long[] minors = new long[24];
        for (int k = 0; k < 8; k++) {
            long a = 1_000 + 37L * k;
            long b = 5_003 + 101L * k;
            minors[3 * k] = a;
            minors[3 * k + 1] = b;
            minors[3 * k + 2] = -(a + b);
        }
        List<SettleUp.Net> nets = nets(minors);
        List<Transfer> transfers = SettleUp.transfers(nets, USD);
        assertThat(transfers).hasSize(16);
        assertThat(applied(nets, transfers).values()).allMatch(v -> v == 0);
    }

    @Test
    void theBankIsOneMoreParty() {
        List<SettleUp.Position> positions = List.of(
                new SettleUp.Position(Party.player(1), 4000),
                new SettleUp.Position(Party.player(2), 1000),
                new SettleUp.Position(Party.player(3), -1000),
                new SettleUp.Position(Party.BANK, -4000));
        assertThat(SettleUp.plan(positions, USD))
                .containsExactly(
                        new Transfer(Party.BANK, Party.player(1), new Money(4000, USD)),
                        new Transfer(Party.player(3), Party.player(2), new Money(1000, USD)));
    }
}
