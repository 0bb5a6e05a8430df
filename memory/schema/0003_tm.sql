-- 0003_tm.sql: the translation memory (memory/tm/, docs/tm.md).
--
-- A TMX file brings a header and translation units; a unit holds variants,
-- one per language (any number of languages, and a language may repeat);
-- units and variants carry notes and props. Everything a TMX 1.1-1.4b file
-- says is kept, so that `onoma tm export` gives it back (docs/tm.md lists
-- what is kept and in which form):
--
--   tm_source    one row per imported file (its <header> with ude/map) or
--                per other origin ('onoma tm add')
--   tm_unit      one row per <tu>: its attributes as written
--   tm_variant   one row per <tuv>: its attributes and its <seg> three
--                times: exact inline markup, plain text, tag skeleton
--   tm_meta      the <note> and <prop> elements of units and variants
--
-- Conventions:
--   - An attribute column is NULL when the file did not have it; the TMX
--     attribute o-tmf is column o_tmf, and so on.
--   - Dates are TMX's UTC form YYYYMMDDThhmmssZ (ISO 8601 basic), which
--     also sorts as text; the importer normalises the other ISO 8601 forms
--     it meets.
--   - Language tags are kept as written (en_US, eN-uS) and compared without
--     regard to case (COLLATE NOCASE folds ASCII, all a BCP 47 tag has).
--   - `extra`: attributes TMX does not define for the element (a foreign
--     namespace's, a misspelt one), as the content of the processing
--     instruction <?onoma-attrs ...?> that export writes for them:
--     name="value" pairs, XML-escaped, with the xmlns:prefix declarations
--     they need. NULL when there are none.
--   - Markup is "canonical": the element's content re-serialised with
--     double-quoted attributes in document order, the five predefined
--     escapes where needed, entities and CDATA resolved to text, comments
--     and processing instructions kept. Export writes it out unchanged.
--
-- No dependency on the term store (0002): either may be dropped or
-- rebuilt without the other. Run inside the migration runner's
-- transaction: no BEGIN, COMMIT or PRAGMA user_version here.

CREATE TABLE tm_source (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('tmx', 'add')),
  -- The file as named on the command line ('onoma tm add' for kind 'add').
  name        TEXT NOT NULL,
  imported_at TEXT NOT NULL,  -- YYYYMMDDThhmmssZ
  -- <tmx version="..."> as written ('1.1', '1.4', '1.4b').
  tmx_version TEXT,
  -- Attributes of <tmx> other than version, as `extra` above.
  root_extra  TEXT,
  -- <header> attributes as written.
  creationtool        TEXT,
  creationtoolversion TEXT,
  segtype             TEXT,
  o_tmf               TEXT,
  adminlang           TEXT COLLATE NOCASE,
  srclang             TEXT COLLATE NOCASE,  -- a tag, or '*all*'
  datatype            TEXT,
  o_encoding          TEXT,
  creationdate        TEXT,
  creationid          TEXT,
  changedate          TEXT,
  changeid            TEXT,
  header_extra        TEXT,
  -- The header's children (<note>, <prop>, <ude> with its <map>s) in
  -- document order, as canonical TMX 1.4b markup.
  header_body TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tm_unit (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES tm_source (id) ON DELETE CASCADE,
  -- <tu> attributes as written.
  tuid                TEXT,
  srclang             TEXT COLLATE NOCASE,
  segtype             TEXT,
  o_tmf               TEXT,
  o_encoding          TEXT,
  datatype            TEXT,
  usagecount          INTEGER,
  lastusagedate       TEXT,
  creationtool        TEXT,
  creationtoolversion TEXT,
  creationdate        TEXT,
  creationid          TEXT,
  changedate          TEXT,
  changeid            TEXT,
  extra               TEXT,
  -- Derived at import, for matching and duplicate handling:
  -- the language of the source variant (the tu's srclang, else the
  -- header's; the first variant's language under '*all*' or when no
  -- variant has the named language),
  source_lang  TEXT NOT NULL COLLATE NOCASE,
  -- the seq of the source variant in tm_variant,
  source_seq   INTEGER NOT NULL,
  -- a 64-bit hash of the source language, the source segment's markup and
  -- the set of languages: units with equal keys are duplicates,
  dup_key      INTEGER NOT NULL,
  -- a 64-bit hash of every variant's language and markup, the tuid and
  -- every note and prop: equal for duplicates that do not differ (dates,
  -- usage counts and creation or change ids aside),
  content_hash INTEGER NOT NULL,
  -- the latest changedate or creationdate on the unit or its variants
  -- (NULL: none), which --on-duplicate newest compares.
  changed      TEXT
);
CREATE INDEX tm_unit_dup_key ON tm_unit (dup_key);

-- A variant's id is unit_id * 65536 + seq: the variants of unit u are the
-- ids u * 65536 + 1 ... u * 65536 + 65535, found through the primary key
-- alone, in order. A foreign key on unit_id would need a second index on
-- two million rows per million units (a tenth of an import's time); the
-- trigger tm_unit_deleted below keeps the rows together instead.
CREATE TABLE tm_variant (
  id      INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  seq     INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 65535),
  -- xml:lang (or TMX 1.1's lang) as written.
  lang    TEXT NOT NULL COLLATE NOCASE,
  -- <tuv> attributes as written.
  o_encoding          TEXT,
  datatype            TEXT,
  usagecount          INTEGER,
  lastusagedate       TEXT,
  creationtool        TEXT,
  creationtoolversion TEXT,
  creationdate        TEXT,
  creationid          TEXT,
  changedate          TEXT,
  o_tmf               TEXT,
  changeid            TEXT,
  extra               TEXT,
  -- The <seg>: its plain text (the text outside inline codes, hi's text
  -- included, sub's excluded), exactly, whitespace and all;
  text     TEXT NOT NULL,
  -- its content as canonical markup (bpt, ept, it, ph, hi, ut, sub with
  -- their attributes and contents); NULL when that is just the escaped
  -- text, as for most segments;
  markup   TEXT,
  -- the text with each inline code replaced by one private-use character
  -- (U+E101 bpt, U+E102 ept, U+E103 it begin, U+E104 it end, U+E105 ph,
  -- U+E106 ut, U+E107 hi start, U+E108 hi end), for matching with tags in
  -- place; NULL when the segment has none.
  skeleton TEXT
);

CREATE TABLE tm_meta (
  unit_id     INTEGER NOT NULL REFERENCES tm_unit (id) ON DELETE CASCADE,
  -- 0: the unit's own; n: its variant with seq n.
  variant_seq INTEGER NOT NULL,
  seq         INTEGER NOT NULL,  -- 1, 2, ... notes and props interleaved
  kind        TEXT NOT NULL CHECK (kind IN ('note', 'prop')),
  type        TEXT,  -- the prop's type ('' when it had none); NULL for notes
  lang        TEXT COLLATE NOCASE,
  o_encoding  TEXT,
  extra       TEXT,
  value       TEXT NOT NULL,
  PRIMARY KEY (unit_id, variant_seq, seq)
) WITHOUT ROWID;

-- A unit's variants, notes and props go with it, however it is deleted:
-- a duplicate replaced on import, a source removed with its units.
CREATE TRIGGER tm_unit_deleted AFTER DELETE ON tm_unit BEGIN
  DELETE FROM tm_variant
   WHERE id BETWEEN old.id * 65536 AND old.id * 65536 + 65535;
  DELETE FROM tm_meta WHERE unit_id = old.id;
END;
