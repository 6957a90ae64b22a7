-- The journal's "ordering" column is indexed twice on H2: its UNIQUE constraint has an index (CONSTRAINT_INDEX_…, which
-- the event_tag foreign key and every query on "ordering" use), and V1, copied from the plugin's schema, adds
-- "event_journal_ordering_idx" on the same column. Every event written updated both, and every commit rewrote both
-- indexes' pages up to their roots (BENCHMARKS.md, "The journal's second index on ordering"). PostgreSQL's schema has
-- only the one index. Dropping an index changes no stored row: every event and snapshot reads as before.
DROP INDEX IF EXISTS PUBLIC."event_journal_ordering_idx";
