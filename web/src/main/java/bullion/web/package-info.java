/**
 * Delivery: the HTML pages and the JSON API, over the {@link bullion.engine.Tables} facade. Handlers parse a
 * request into a command, call the facade and render; no business rule lives here.
 */
package bullion.web;
