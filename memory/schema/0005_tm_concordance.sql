-- 0005_tm_concordance.sql: the concordance index of the translation memory
-- (memory/tm/concordance.h; docs/tm.md, "Concordance").
--
-- An FTS5 index of every variant's plain text under the trigram tokenizer,
-- so that any substring of three or more characters, in any script and
-- inside words, is found without reading every segment. It is an
-- external-content table over tm_variant: the text is not stored twice,
-- only the index. case_sensitive 0 folds case with SQLite's Unicode tables
-- (Latin, Cyrillic, Greek and the rest); columnsize=0 drops the per-row
-- token counts, which only ranking would read.
--
--   tm_concordance        the index; its rowid is tm_variant's id
--   tm_concordance_state  how far it reaches: every unit with an id up to
--                         indexed_upto has its variants in the index
--
-- The index is derived data, brought up to date lazily: the first
-- concordance after an import indexes the units above indexed_upto in one
-- transaction, so that an import pays nothing for it. Deleting units (a
-- duplicate replaced, a source removed) takes their rows out of the index
-- at once, through the triggers below; unit ids are reused only above the
-- largest id left, which is why the watermark then comes down to it.
--
-- Run inside the migration runner's transaction.

CREATE VIRTUAL TABLE tm_concordance USING fts5(
  text,
  content = 'tm_variant',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0',
  columnsize = 0
);
-- FTS5 gathers new rows in a hash table and writes a segment each time it
-- fills, merging segments as they pile up; the default of 1 MiB makes the
-- first build at a million units write and merge thousands of them. 32 MiB
-- builds it a third faster, in about 50 MB of memory (64 MiB: twice as
-- fast as the default, about 90 MB).
INSERT INTO tm_concordance (tm_concordance, rank) VALUES ('hashsize', 33554432);

CREATE TABLE tm_concordance_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_upto INTEGER NOT NULL
);
INSERT INTO tm_concordance_state (id, indexed_upto) VALUES (1, 0);

-- An external-content index forgets a row only when told its old text, so
-- this runs BEFORE the unit goes: tm_unit_deleted (0003) then removes the
-- variants themselves. Units above the watermark were never indexed, and
-- telling FTS5 to forget what it never had would corrupt it.
CREATE TRIGGER tm_concordance_unit_deleting BEFORE DELETE ON tm_unit
WHEN old.id <= (SELECT indexed_upto FROM tm_concordance_state WHERE id = 1)
BEGIN
  INSERT INTO tm_concordance (tm_concordance, rowid, text)
    SELECT 'delete', id, text FROM tm_variant
     WHERE id BETWEEN old.id * 65536 AND old.id * 65536 + 65535;
END;

-- SQLite gives a new row the largest rowid plus one, so after the largest
-- units are deleted their ids come back for the next import: the watermark
-- must not claim them.
CREATE TRIGGER tm_concordance_unit_deleted AFTER DELETE ON tm_unit BEGIN
  UPDATE tm_concordance_state
     SET indexed_upto = (SELECT coalesce(max(id), 0) FROM tm_unit)
   WHERE id = 1
     AND indexed_upto > (SELECT coalesce(max(id), 0) FROM tm_unit);
END;
