/**
 * The table entity: an EventSourcedBehavior that calls the core's decide and apply and holds no rule itself, behind
 * the intake that sharding runs and that batches the changes queued while the table writes. Its messages, stored
 * events and state live beside it.
 */
package bullion.engine.entity;
