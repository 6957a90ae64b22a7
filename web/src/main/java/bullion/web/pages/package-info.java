/** The HTML pages: home, a table's manage view and its view-only share view, live over SSE. */
package bullion.web.pages;
