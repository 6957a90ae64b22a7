package bullion.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import bullion.core.Command;
import bullion.core.Event;
import bullion.core.Rejection;
import bullion.engine.entity.StoredEvent;
import bullion.engine.entity.TableState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every stored or transmitted type has exactly one name, written in the table, and no two share one. */
class StoredNamesTest {

  @Test
  void everyCoreRecordHasExactlyOneTypeNameUniqueWithinItsRoot() {
    List<Class<?>> all = new ArrayList<>();
    for (Class<?> root : List.of(Event.class, Command.class, Rejection.class)) {
      List<Class<?>> records = leaves(root);
      assertThat(StoredNames.CORE_TYPES).as(root.getSimpleName()).containsKeys(records.toArray(Class<?>[]::new));
      List<String> names = records.stream().map(StoredNames.CORE_TYPES::get).toList();
      assertThat(new HashSet<>(names)).as("names under " + root.getSimpleName()).hasSameSizeAs(names);
      all.addAll(records);
    }
    assertThat(StoredNames.CORE_TYPES.keySet()).as("no name for a type that is gone").containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void everyStoredEventAndTheSnapshotHaveOneManifestAndManifestsAreUnique() {
    List<Class<?>> stored = new ArrayList<>(leaves(StoredEvent.class));
    stored.add(TableState.class);
    assertThat(StoredNames.MANIFESTS.keySet()).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(new HashSet<>(StoredNames.MANIFESTS.values())).hasSameSizeAs(StoredNames.MANIFESTS.values());
    assertThat(StoredNames.MANIFESTS.values()).allMatch(m -> !m.contains(".") && !m.contains("#"));
  }

  @Test
  void theLegacyManifestsAreFrozenAndLeadToCurrentNames() {
    assertThat(StoredNames.LEGACY_MANIFESTS).isEqualTo(Map.of(
        "bullion.engine.entity.StoredEvent$TableCreated", "table-created",
        "bullion.engine.entity.StoredEvent$Recorded", "recorded",
        "bullion.engine.entity.TableState", "table-state"));
    assertThat(StoredNames.MANIFESTS.values()).containsAll(StoredNames.LEGACY_MANIFESTS.values());
  }

  /** The records under a sealed type, looking through sealed sub-interfaces such as the kinds of rejection. */
  private static List<Class<?>> leaves(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        out.addAll(leaves(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }
}
