-- 0005_tm_concordance.sql (PostgreSQL): the concordance index of the
-- translation memory (memory/tm/concordance.h; docs/tm.md, "Concordance"),
-- where SQLite has FTS5's trigram tokenizer (memory/schema/
-- 0005_tm_concordance.sql): pg_trgm's GIN index of every variant's text, so
-- that `ILIKE '%...%'` finds any substring of three or more characters, in
-- any script and inside words, without reading every segment.
--
-- The text is indexed under the database's own collation ("default"), whose
-- UTF-8 character classes fold Cyrillic, Greek and the rest as well as
-- ASCII (onoma refuses a database whose locale is not UTF-8: under C,
-- pg_trgm would take every letter outside ASCII for a space). The server
-- keeps the index up to date as rows are written: no watermark, no lazy
-- build. pg_trgm is a trusted extension: the database's owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX tm_variant_text_trgm ON tm_variant
  USING gin ((text COLLATE "default") gin_trgm_ops);
