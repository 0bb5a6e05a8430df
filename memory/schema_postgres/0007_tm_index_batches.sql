-- 0007_tm_index_batches.sql (PostgreSQL): the bitmaps of common keys'
-- posting chunks, a key's frequency from its index alone, and the forward
-- tokens in a chunk per language per index batch, as
-- memory/schema/0007_tm_index_batches.sql says for SQLite: the same
-- columns and table, written and read by the same code
-- (memory/tm/tm_index.cc, memory/tm/lookup_plan.cc). Long values live
-- apart from their row here (TOAST), so `bits` is added at the end. The
-- identity column orders the chunks as they were written. The index is
-- emptied and its watermark set to 0: the next `onoma tm index` or lookup
-- builds it again.
--
-- Run by memory/postgres/migrations.cc inside its transaction.

ALTER TABLE tm_posting ADD COLUMN bits bytea;
DROP INDEX tm_posting_key;
CREATE INDEX tm_posting_key ON tm_posting (key, count);

CREATE TABLE tm_tokens_chunk (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lang text COLLATE "C" NOT NULL,
  data bytea NOT NULL
);

TRUNCATE tm_posting, tm_tokens, tm_token;
UPDATE tm_index_state SET indexed_upto = 0;
