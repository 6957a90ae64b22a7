/**
 * One group's live process: {@link bullion.engine.group.GroupEntity}, event-sourced and sharded like the table
 * entity, translating messages to the core's {@code GroupDecider} and {@code GroupApplier}; its stored events and
 * snapshot have names in {@code StoredNames} like the table's.
 */
package bullion.engine.group;
