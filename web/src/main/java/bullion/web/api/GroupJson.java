package bullion.web.api;

import bullion.core.Money;
import bullion.core.group.Group;
import bullion.core.group.Standings;
import bullion.engine.Groups;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The API's view of a group: its members' standings and its nights, every number from the core's {@link Standings},
 * money as decimal strings in the group's currency.
 */
final class GroupJson {

    private GroupJson() {}

    /** {@code id} is null for a name at a table that no member answers to yet. */
    record MemberView(
            Integer id,
            String name,
            List<String> formerNames,
            int nights,
            String net,
            String biggestWin,
            String biggestLoss,
            String average,
            String lastPlayed) {}

    record MemberNetView(Integer memberId, String name, String net) {}

    record NightView(String tableId, String name, String closedAt, boolean settled, List<MemberNetView> nets) {}

    record GroupView(
            String id, String name, String currency, long version, List<MemberView> members, List<NightView> nights) {}

    /** The answer to creating a group: the only time its manage token is shown. */
    record CreatedGroupView(
            String id, String name, String currency, String manageToken, String viewUrl, String manageUrl) {
        @Override
        public String toString() {
            return "CreatedGroupView[id=" + id + ", manageToken and manageUrl redacted]";
        }
    }

    static GroupView group(String id, Groups.WithStandings with) {
        Group group = with.group().group();
        Currency currency = Currency.getInstance(group.currencyCode());
        Standings standings = with.standings();
        return new GroupView(
                id,
                group.name(),
                group.currencyCode(),
                group.version(),
                standings.members().stream()
                        .map(m -> new MemberView(
                                m.memberId().orElse(null),
                                m.name(),
                                m.memberId()
                                        .flatMap(group::member)
                                        .map(bullion.core.group.Member::formerNames)
                                        .orElse(List.of()),
                                m.nights(),
                                money(m.netMinor(), currency),
                                m.biggestWinMinor().map(v -> money(v, currency)).orElse(null),
                                m.biggestLossMinor()
                                        .map(v -> money(v, currency))
                                        .orElse(null),
                                money(m.averageMinor(), currency),
                                m.lastPlayed().map(Object::toString).orElse(null)))
                        .toList(),
                standings.nights().stream()
                        .map(n -> new NightView(
                                n.tableId(),
                                n.tableName(),
                                n.closedAt().toString(),
                                n.settled(),
                                n.nets().stream()
                                        .map(net -> new MemberNetView(
                                                net.memberId().orElse(null),
                                                net.name(),
                                                money(net.netMinor(), currency)))
                                        .toList()))
                        .toList());
    }

    static CreatedGroupView created(String id, Group group, String manageToken) {
        return new CreatedGroupView(
                id,
                group.name(),
                group.currencyCode(),
                manageToken,
                viewUrl(id),
                "/g/" + id + "/manage?token=" + manageToken);
    }

    static String viewUrl(String id) {
        return "/g/" + id;
    }

    private static String money(long minor, Currency currency) {
        return new Money(minor, currency).toDecimalString();
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
