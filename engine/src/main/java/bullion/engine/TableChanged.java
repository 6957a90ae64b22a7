package bullion.engine;

import bullion.engine.json.JsonSerializable;

/** Published on a table's topic after every journaled change, for live pages on any node. */
public record TableChanged(String tableId, long version) implements JsonSerializable {}
