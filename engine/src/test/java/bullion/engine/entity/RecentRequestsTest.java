package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Event;
import bullion.engine.entity.RecentRequests.Seen;
import bullion.engine.entity.StoredEvent.RequestRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Recent requests are kept as bits where their text allows, and read back as exactly the text they came with: a
 * UUID id and a hex fingerprint, and any other id or fingerprint (upper case, another length, a name).
 */
class RecentRequestsTest {

    private static final String FINGERPRINT = "0123456789abcdef0fedcba987654321";

    private static Event boughtIn(int seq) {
        return new Event.BoughtIn(seq, Instant.parse("2026-11-29T20:00:00.000001Z"), 1, 1, null);
    }

    @Test
    void everyIdAndFingerprintReadsBackAsItsOwnText() {
        List<RequestRef> requests = List.of(
                new RequestRef("3f2504e0-4f89-41d3-9a0c-0305e82c3301", FINGERPRINT),
                new RequestRef("3F2504E0-4F89-41D3-9A0C-0305E82C3301", FINGERPRINT.toUpperCase()),
                new RequestRef("form-42", "legacy fingerprint"),
                new RequestRef("00000000-0000-0000-0000-000000000000", "ffffffffffffffffffffffffffffffff"),
                new RequestRef("ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000000000000000000000000000"),
                new RequestRef("3f2504e0-4f89-41d3-9a0c-0305e82c330", FINGERPRINT + "0"),
                new RequestRef("3f2504e0+4f89-41d3-9a0c-0305e82c3301", FINGERPRINT.substring(1) + "g"));
        RecentRequests recent = RecentRequests.none();
        List<Seen> expected = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            recent = recent.with(requests.get(i), boughtIn(i + 1));
            expected.add(new Seen(requests.get(i), List.of(boughtIn(i + 1))));
        }
        assertThat(recent.seen()).isEqualTo(expected);
        assertThat(new RecentRequests(expected)).isEqualTo(recent);
        for (RequestRef request : requests) {
            assertThat(recent.find(request.id()).orElseThrow().request()).isEqualTo(request);
        }
        assertThat(recent.find("3f2504e0-4f89-41d3-9a0c-0305e82c3302")).isEmpty();
        assertThat(recent.find("form-43")).isEmpty();
    }

    @Test
    void aSecondEventJoinsItsRequestAndTheOldestGoesPastTheLimit() {
        RecentRequests recent = RecentRequests.none();
        List<RequestRef> requests = new ArrayList<>();
        for (int i = 0; i < RecentRequests.LIMIT + 3; i++) {
            RequestRef request = new RequestRef(
                    i % 10 == 0 ? "id-" + i : UUID.randomUUID().toString(), i % 7 == 0 ? "fp-" + i : FINGERPRINT);
            requests.add(request);
            recent = recent.with(request, boughtIn(i + 1));
        }
        RequestRef last = requests.getLast();
        recent = recent.with(last, boughtIn(1_000));
        List<Seen> seen = recent.seen();
        assertThat(seen).hasSize(RecentRequests.LIMIT);
        assertThat(seen.getFirst().request()).isEqualTo(requests.get(3));
        assertThat(seen.getLast())
                .isEqualTo(new Seen(last, List.of(boughtIn(RecentRequests.LIMIT + 3), boughtIn(1_000))));
        assertThat(recent.find(requests.get(2).id())).isEmpty();
        assertThat(new RecentRequests(seen)).isEqualTo(recent);
    }
}
