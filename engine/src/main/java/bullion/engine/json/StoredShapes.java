package bullion.engine.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the shape behind each manifest name has evolved. A row's manifest is its name, plus {@code "#v"} once the
 * shape is past version 1; reading an older version runs its upcasters (each turns version v into v + 1) on the
 * JSON before it is bound, so the records only ever know the current shape.
 */
final class StoredShapes {

  private StoredShapes() {}

  /** The current version of each shape that has changed; every other shape is at version 1. */
  private static final Map<String, Integer> CURRENT = Map.of("table-state", 2);

  /** By manifest name, then by the version each reads. */
  private static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> UPCASTERS = Map.of(
      "table-state", Map.of(1, StoredShapes::recentRequestsWithoutWrapper));

  /** A manifest taken apart. */
  record Version(String name, int version) {}

  static int current(String name) {
    return CURRENT.getOrDefault(name, 1);
  }

  static String manifest(String name) {
    return current(name) == 1 ? name : name + "#" + current(name);
  }

  static Version parse(String manifest) {
    int hash = manifest.indexOf('#');
    return hash < 0 ? new Version(manifest, 1)
        : new Version(manifest.substring(0, hash), Integer.parseInt(manifest.substring(hash + 1)));
  }

  /** The JSON of {@code from}'s shape brought up to the current one. */
  static ObjectNode upcast(Version from, ObjectNode json) {
    if (from.version() > current(from.name())) {
      throw new IllegalArgumentException(from + " is newer than this version of Bullion can read");
    }
    ObjectNode node = json;
    for (int v = from.version(); v < current(from.name()); v++) {
      node = UPCASTERS.get(from.name()).get(v).apply(node);
    }
    return node;
  }

  /**
   * table-state 1 → 2: the recent requests were an object whose only property was the list {@code "seen"}; from
   * version 2 they are the list itself. Same data, one wrapper less.
   */
  private static ObjectNode recentRequestsWithoutWrapper(ObjectNode state) {
    ObjectNode recent = (ObjectNode) state.required("recent");
    if (recent.size() != 1) {
      throw new IllegalArgumentException("table-state 1 has only \"seen\" in \"recent\", not " + recent.properties());
    }
    state.set("recent", recent.required("seen"));
    return state;
  }
}
