/**
 * A home game's group, pure like the table: {@link bullion.core.group.GroupDecider} turns a group and a
 * {@link bullion.core.group.GroupCommand} into {@link bullion.core.group.GroupEvent}s or a rejection,
 * {@link bullion.core.group.GroupApplier} folds them into a {@link bullion.core.group.Group}, and
 * {@link bullion.core.group.Standings} derives every number of the group page from the group and its closed
 * {@link bullion.core.group.Night}s. Members are matched to a table's players by the table's own name rules
 * ({@link bullion.core.Names}).
 */
package bullion.core.group;
