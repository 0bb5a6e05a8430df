-- 0001_init.sql (PostgreSQL): schema version 1, as memory/schema/0001_init.sql
-- is for SQLite. Migrations here carry the numbers of memory/schema/ and
-- make the same tables, in PostgreSQL's types.
--
-- `meta` holds onoma's notes about the database, the schema version among
-- them (key 'schema_version', which the runner, memory/postgres/migrations.cc,
-- sets; PostgreSQL has no PRAGMA user_version).
--
-- strftime(): the statements that memory/ shares between the engines write
-- the time now as SQLite does, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'); this
-- function gives the same text (UTC, ISO 8601, to the second) and NULL for
-- any other format, which every NOT NULL column then refuses.
--
-- Run inside the runner's transaction: no BEGIN or COMMIT here.

CREATE FUNCTION strftime(format text, moment text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN format = '%Y-%m-%dT%H:%M:%SZ' AND moment = 'now'
    THEN to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  END
$$;

CREATE TABLE meta (
  key   text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

INSERT INTO meta (key, value) VALUES
  ('created_by', 'onoma'),
  ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
