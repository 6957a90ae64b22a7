package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Answers kept by a version's identity, each in one of two slots, the older put out when both are taken. */
class VersionSlotsTest {

    /** A table version: equal versions are still different versions, as two {@code Table} values are. */
    private record Version(String name) {}

    @Test
    void anAnswerIsFoundForItsOwnVersionAndVariantOnly() {
        VersionSlots<String> slots = new VersionSlots<>(64);
        Version v1 = new Version("friday");

        slots.put(v1, 1, "page of v1 in English");

        assertThat(slots.find(v1, 1, "page of v1 in English"::equals)).isEqualTo("page of v1 in English");
        assertThat(slots.find(v1, 1, "page of v1 in French"::equals)).isNull(); // another variant
        assertThat(slots.find(new Version("friday"), 1, answer -> true)).isNull(); // an equal, other version
    }

    @Test
    void twoVersionsWhoseHashesMeetAreBothKeptAndAThirdPutsOutTheOlder() {
        VersionSlots<String> slots = new VersionSlots<>(64, version -> 7); // every version in the same two slots
        Version one = new Version("one");
        Version two = new Version("two");
        Version three = new Version("three");

        slots.put(one, 0, "1");
        slots.put(two, 0, "2");

        // With one slot a version, the second put the first out, and each view rendered again (issue 14).
        assertThat(slots.find(one, 0, answer -> true)).isEqualTo("1");
        assertThat(slots.find(two, 0, answer -> true)).isEqualTo("2");

        slots.put(three, 0, "3");

        assertThat(slots.find(one, 0, answer -> true)).isNull();
        assertThat(slots.find(two, 0, answer -> true)).isEqualTo("2");
        assertThat(slots.find(three, 0, answer -> true)).isEqualTo("3");
    }

    @Test
    void theNumberOfSlotsIsAPowerOfTwo() {
        assertThatThrownBy(() -> new VersionSlots<String>(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be a power of two, at least 2: 100");
    }
}
