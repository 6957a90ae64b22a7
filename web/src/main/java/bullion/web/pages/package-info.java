/**
 * The HTML pages: home, a table's manage view and its view-only share view, live over SSE. {@link
 * bullion.web.pages.PageRoutes} parses each form, calls the {@link bullion.engine.Tables} facade and renders; view-model records ({@link bullion.web.pages.TablePage} and its rows) format every
 * number, so the JTE templates only print values. Every form works without JavaScript (Post/Redirect/Get);
 * with htmx the same routes answer the board fragment.
 */
package bullion.web.pages;
