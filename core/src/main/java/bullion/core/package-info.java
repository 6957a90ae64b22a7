/**
 * The functional core of Bullion: a poker table's ledger as immutable records and pure functions.
 *
 * <p>{@link bullion.core.CommandDecider} turns a table and a command into events or a rejection;
 * {@link bullion.core.EventApplier} folds events into a table; {@link bullion.core.TableReport} derives every
 * number a person sees (balances, totals, the bank's cash, settle-up). The settle-up treats the bank (the host's
 * cash box) as one more {@link bullion.core.Party}; closing a table freezes its {@link bullion.core.Payment}s in the
 * table, where they are marked paid. {@link bullion.core.PayLinks} builds links to payment apps. Nothing here
 * imports anything but the JDK, so the module can ship alone as a library.
 */
package bullion.core;
