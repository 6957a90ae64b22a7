/** The JSON API under /api: every table operation for scripts and other apps, with an OpenAPI contract. */
package bullion.web.api;
