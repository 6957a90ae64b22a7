/**
 * Backup and restore: one table's whole history as a file ({@link bullion.engine.backup.TableExport}), read from the
 * journal and brought into another Bullion under a new id and manage token ({@link bullion.engine.backup.Backups}),
 * and retention, which deletes closed tables nobody has touched for a configured time
 * ({@link bullion.engine.backup.RetentionSweep}).
 */
package bullion.engine.backup;
