/**
 * The HTML pages: home, a table's manage view and its view-only share view, live over SSE. Route classes
 * (one per resource: home, tables, players, entries) parse a form, call the {@link bullion.engine.Tables}
 * facade and render; view-model records ({@link bullion.web.pages.TablePage} and its rows) format every
 * number, so the JTE templates only print values. Every form works without JavaScript (Post/Redirect/Get);
 * with htmx the same routes answer the board fragment.
 */
package bullion.web.pages;
