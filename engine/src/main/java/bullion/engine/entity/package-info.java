/**
 * The table entity: an EventSourcedBehavior that calls the core's decide and apply and holds no rule itself.
 * Its messages, stored events and state live beside it.
 */
package bullion.engine.entity;
