-- 0004_tm_index.sql (PostgreSQL): the fuzzy-match index of the translation
-- memory, as memory/schema/0004_tm_index.sql says for SQLite: the same
-- tables, written and read by the same code (memory/tm/tm_index.cc), with
-- onoma's own scoring and posting lists (docs/tm-lookup.md), not pg_trgm.
--
-- BLOBs are bytea. A unit's id comes from an identity sequence, which never
-- hands a deleted unit's id out again, so the watermark need not come down
-- when the newest units go (SQLite's trigger tm_unit_deleted_watermark);
-- a deleted unit's forward tokens go with it, as there.

CREATE TABLE tm_token (
  id   bigint PRIMARY KEY,
  lang text COLLATE "C" NOT NULL,
  key  text COLLATE "C" NOT NULL,
  UNIQUE (lang, key)
);

CREATE TABLE tm_posting (
  key   bigint NOT NULL,
  count bigint NOT NULL,
  data  bytea NOT NULL
);
CREATE INDEX tm_posting_key ON tm_posting (key);

CREATE TABLE tm_tokens (
  id     bigint PRIMARY KEY,
  lang   text COLLATE "C" NOT NULL,
  tokens bytea NOT NULL
);

CREATE FUNCTION tm_unit_deleted_index() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tm_tokens
   WHERE id BETWEEN OLD.id * 65536 AND OLD.id * 65536 + 65535;
  RETURN NULL;
END
$$;
CREATE TRIGGER tm_unit_deleted_index AFTER DELETE ON tm_unit
  FOR EACH ROW EXECUTE FUNCTION tm_unit_deleted_index();

CREATE TABLE tm_index_state (
  id           integer PRIMARY KEY CHECK (id = 1),
  indexed_upto bigint NOT NULL
);
INSERT INTO tm_index_state (id, indexed_upto) VALUES (1, 0);
