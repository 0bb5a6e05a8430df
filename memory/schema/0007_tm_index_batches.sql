-- 0007_tm_index_batches.sql: what the fuzzy-match index holds for a batch
-- of lookups (onoma pretranslate; memory/tm/lookup.h, Lookup::StartBatch),
-- so that it reads each common key and every unit's tokens in a few large
-- reads instead of decoding them posting by posting and row by row.
--
--   tm_posting.bits  a posting chunk's units once more as a bitmap, when
--                    they are one in 16 or more of the units the chunk
--                    spans (else NULL), as unsigned LEB128 varints and
--                    words: the first 64-unit word's number, the number of
--                    words, the words (8 bytes each, little-endian; bit u
--                    % 64 of word u / 64), then how many units hold the
--                    key twice or more, and for each the unit (less the
--                    previous one) and how often (8: that or more). It
--                    comes before `data`, so that reading it does not
--                    walk the overflow pages of a long posting list.
--   tm_posting_key   now (key, count): a key's frequency is read from the
--                    index alone.
--   tm_tokens_chunk  for one language and one index batch, each variant
--                    indexed, in id order, as varints: its id (unit_id *
--                    65536 + seq) less the previous one's in the chunk
--                    (the first whole), its token count, and its token
--                    ids, as in tm_tokens. A chunk written later
--                    supersedes an earlier one's entry for the same
--                    variant (a reused unit id); a deleted unit's entries
--                    stay, as its postings do.
--
-- The index is derived data: it is emptied here and its watermark set to
-- 0, so that the next `onoma tm index` or lookup builds it again, with
-- the bitmaps and the chunks.
--
-- Run inside the migration runner's transaction.

DROP TABLE tm_posting;
CREATE TABLE tm_posting (
  key   INTEGER NOT NULL,
  count INTEGER NOT NULL,
  bits  BLOB,
  data  BLOB NOT NULL
);
CREATE INDEX tm_posting_key ON tm_posting (key, count);

CREATE TABLE tm_tokens_chunk (
  id   INTEGER PRIMARY KEY,
  lang TEXT NOT NULL,
  data BLOB NOT NULL
);

DELETE FROM tm_tokens;
DELETE FROM tm_token;
UPDATE tm_index_state SET indexed_upto = 0;
