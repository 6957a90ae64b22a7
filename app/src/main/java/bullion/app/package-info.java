/** The runnable Bullion: the only module that knows which database and which ports are configured. */
package bullion.app;
