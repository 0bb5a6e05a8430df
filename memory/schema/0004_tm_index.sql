-- 0004_tm_index.sql: the fuzzy-match index of the translation memory
-- (memory/tm/tm_index.h; the score and the filter it serves are defined in
-- docs/tm-lookup.md).
--
-- Every variant of every unit is indexed under its language's primary
-- subtag, so that a memory built en -> uk also answers uk -> en. The index
-- is derived data: it can be dropped and rebuilt from tm_variant at any
-- time, and it is brought up to date (for the units added since) in one
-- transaction before a lookup reads it.
--
--   tm_token       the dictionary: one row per (language, token key); the
--                  key is the token case-folded, '#' for every number, or
--                  U+0001 and a decimal length for a length key
--   tm_posting     posting lists: for each key, the ids of the units that
--                  hold it, ascending, in chunks written one per index
--                  update; unigram keys are token ids, bigram keys
--                  2^62 + first id * 2^31 + second id
--   tm_tokens      each indexed variant's token ids in order, so that a
--                  candidate's edit distance can be bounded without
--                  reading and tokenizing its text
--   tm_index_state how far the index reaches: every unit with an id up to
--                  indexed_upto is in it (units deleted since leave stale
--                  postings, which lookups skip)
--
-- Run inside the migration runner's transaction.

CREATE TABLE tm_token (
  id   INTEGER PRIMARY KEY,
  lang TEXT NOT NULL,
  key  TEXT NOT NULL,
  UNIQUE (lang, key)
);

-- A posting chunk: `count` unit ids, the first stored whole and each next
-- as its difference from the one before, as unsigned LEB128 varints.
CREATE TABLE tm_posting (
  key   INTEGER NOT NULL,
  count INTEGER NOT NULL,
  data  BLOB NOT NULL
);
CREATE INDEX tm_posting_key ON tm_posting (key);

-- id is the variant's (unit_id * 65536 + seq); lang its language key;
-- tokens the ids of its tokens' keys as unsigned LEB128 varints.
CREATE TABLE tm_tokens (
  id     INTEGER PRIMARY KEY,
  lang   TEXT NOT NULL,
  tokens BLOB NOT NULL
);
CREATE TRIGGER tm_unit_deleted_index AFTER DELETE ON tm_unit BEGIN
  DELETE FROM tm_tokens
   WHERE id BETWEEN old.id * 65536 AND old.id * 65536 + 65535;
END;

CREATE TABLE tm_index_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_upto INTEGER NOT NULL
);
INSERT INTO tm_index_state (id, indexed_upto) VALUES (1, 0);

-- SQLite gives a new row the largest id plus one, so deleting the newest
-- units (a duplicate replaced on import) hands their ids out again: the
-- watermark comes down with them, so that the units that take those ids
-- are indexed too. Their predecessors' postings stay behind, stale; the
-- lookup treats a unit whose postings disagree on its length as of
-- unknown length, so stale postings can only add candidates.
CREATE TRIGGER tm_unit_deleted_watermark AFTER DELETE ON tm_unit
WHEN old.id > (SELECT coalesce(max(id), 0) FROM tm_unit) BEGIN
  UPDATE tm_index_state
     SET indexed_upto = (SELECT coalesce(max(id), 0) FROM tm_unit)
   WHERE indexed_upto > (SELECT coalesce(max(id), 0) FROM tm_unit);
END;
