/** Live updates: one Server-Sent Events stream per table, fed by the facade's subscription. */
package bullion.web.live;
