-- Groups' read side (issue 11): the offset of the standings projection (pekko-projection-jdbc's own tables; its
-- PostgreSQL dialect, which Bullion uses on SQLite, quotes lower-case names) and the nights it keeps, written in the
-- same transaction. As on H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS "pekko_projection_offset_store" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key" VARCHAR(255) NOT NULL,
  "current_offset" VARCHAR(255) NOT NULL,
  "manifest" VARCHAR(4) NOT NULL,
  "mergeable" BOOLEAN NOT NULL,
  "last_updated" BIGINT NOT NULL,
  PRIMARY KEY("projection_name", "projection_key")
);

CREATE INDEX IF NOT EXISTS "projection_name_index" ON "pekko_projection_offset_store" ("projection_name");

CREATE TABLE IF NOT EXISTS "pekko_projection_management" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key" VARCHAR(255) NOT NULL,
  "paused" BOOLEAN NOT NULL,
  "last_updated" BIGINT NOT NULL,
  PRIMARY KEY("projection_name", "projection_key")
);

-- Which group each table opened in a group belongs to (from its first event).
CREATE TABLE group_table (
  table_id VARCHAR(22) NOT NULL PRIMARY KEY,
  group_id VARCHAR(22) NOT NULL
);

-- One row per closed table of a group; gone again while the table is reopened.
CREATE TABLE group_night (
  table_id VARCHAR(22) NOT NULL PRIMARY KEY,
  group_id VARCHAR(22) NOT NULL,
  table_name VARCHAR(400) NOT NULL,
  closed_at VARCHAR(40) NOT NULL,
  settled BOOLEAN NOT NULL
);

CREATE INDEX group_night_by_group ON group_night (group_id);

-- Each player's net at the close, by the name they had at the table (matched to members when read).
CREATE TABLE group_night_seat (
  table_id VARCHAR(22) NOT NULL,
  player_id INTEGER NOT NULL,
  player_name VARCHAR(400) NOT NULL,
  net_minor BIGINT NOT NULL,
  PRIMARY KEY (table_id, player_id)
);
