/** How engine and core values become JSON for the journal, snapshots and messages between nodes. */
package bullion.engine.json;
