package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.group.Group;
import bullion.core.group.GroupEvent;
import bullion.core.group.Member;
import bullion.engine.group.GroupState;
import bullion.engine.group.StoredGroupEvent;
import bullion.engine.json.StoredFormatSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A group's journal is forever too: every stored group event and the group's snapshot serialize to exactly their
 * golden JSON ({@code golden-stored/groups}) under names of their own, never a class name, and read back equal.
 */
class GroupStoredJsonTest {

    private static final ActorTestKit KIT = ActorTestKit.create(LocalTestConfig.withInMemoryJournal());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    static Map<String, Object> examples() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(
                "events/group-started",
                new StoredGroupEvent.GroupStarted(new GroupEvent.GroupCreated("Thursday crew", "USD"), "ef56"));
        all.put("events/member-added", new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberAdded(1, "Ann")));
        all.put("events/member-renamed", new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberRenamed(2, "Robert")));
        all.put("events/member-merged", new StoredGroupEvent.GroupRecorded(new GroupEvent.MemberMerged(3, 1)));
        all.put(
                "snapshots/group-state",
                new GroupState(
                        Optional.of(new Group(
                                "Thursday crew",
                                "USD",
                                List.of(new Member(1, "Ann", List.of("Cara")), new Member(2, "Robert", List.of("Bob"))),
                                4,
                                5)),
                        "ef56"));
        return all;
    }

    @Test
    void everyStoredGroupValueMatchesItsGoldenJsonBothWays() {
        Serialization serialization = SerializationExtension.get(KIT.system());
        for (Map.Entry<String, Object> example : examples().entrySet()) {
            Object value = example.getValue();
            Serializer serializer = serialization.findSerializerFor(value);
            assertThat(serializer.identifier()).isEqualTo(StoredFormatSerializer.IDENTIFIER);
            String[] golden = golden("golden-stored/groups/" + example.getKey() + ".json");
            assertThat(Serializers.manifestFor(serializer, value))
                    .as(example.getKey())
                    .isEqualTo(golden[0]);
            assertThat(new String(serializer.toBinary(value), StandardCharsets.UTF_8))
                    .as(example.getKey())
                    .isEqualTo(golden[1]);
            Object back = serialization
                    .deserialize(
                            golden[1].getBytes(StandardCharsets.UTF_8), StoredFormatSerializer.IDENTIFIER, golden[0])
                    .get();
            assertThat(back).as(example.getKey()).isEqualTo(value);
        }
    }

    @Test
    void everyKindOfGroupEventHasAGoldenExample() {
        assertThat(examples().values().stream()
                        .<Class<?>>map(v -> switch (v) {
                            case StoredGroupEvent.GroupStarted s -> GroupEvent.GroupCreated.class;
                            case StoredGroupEvent.GroupRecorded r -> r.event().getClass();
                            default -> Object.class;
                        })
                        .filter(c -> c != Object.class)
                        .toList())
                .containsExactlyInAnyOrder(GroupEvent.class.getPermittedSubclasses());
    }

    /** Manifest on the first line, payload after it. */
    private static String[] golden(String path) {
        try (InputStream in = GroupStoredJsonTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return new String[] {text.substring(0, newline), text.substring(newline + 1)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
