/**
 * Groups' read side: {@link bullion.engine.standings.StandingsProjection} follows the journal's events of tables
 * opened in a group (the tag {@link bullion.engine.standings.StandingsProjection#TAG}) with Pekko Projections and
 * keeps each closed table's night ({@link bullion.engine.standings.NightRows}) with the projection's offset in the
 * same JDBC transaction, so a crash at any point neither loses nor counts a night twice. The standings themselves
 * are the core's {@code Standings.of(group, nights)}, worked out when read.
 */
package bullion.engine.standings;
