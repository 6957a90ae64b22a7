/**
 * The runnable Bullion: the only module that knows which database and which ports are configured; also the jar's
 * command-line modes (export-all, import-all) and the retention setting.
 */
package bullion.app;
