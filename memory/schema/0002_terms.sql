-- 0002_terms.sql: the term store (memory/terms/, docs/terms.md).
--
-- A concept is one thing in the world (a person, a place, an organization);
-- its terms are its renderings, one row per (concept, language, form). The
-- store, not the user, keeps the search keys of each term up to date
-- (memory/terms/search_keys.h says how each is made):
--   fold_key   case-folded NFC form, Latin diacritics stripped: "folded"
--   stem_key   fold_key with inflectional endings taken off: "inflected"
--   latin_key  phonetic skeleton of the romanized form: "romanized"
-- and term_fuzzy holds the one-deletion neighbourhood of every distinct
-- latin_key, so that a typo is found by indexed look-ups rather than a scan.
--
-- Run by memory/sqlite/migrations.cc inside its transaction: no BEGIN,
-- COMMIT or PRAGMA user_version here.

CREATE TABLE concept (
  id          INTEGER PRIMARY KEY,
  -- The stable external id ("kyiv", "yoon-suk-yeol") that files and the
  -- command line use; the integer id is the store's own.
  slug        TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL DEFAULT 'other'
              CHECK (type IN ('person', 'place', 'organization', 'other')),
  note        TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  definition  TEXT NOT NULL DEFAULT '',  -- TBX <descrip type="definition">
  subject     TEXT NOT NULL DEFAULT '',  -- TBX subjectField
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  modified_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE term (
  id          INTEGER PRIMARY KEY,
  concept_id  INTEGER NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
  lang        TEXT NOT NULL CHECK (lang <> ''),   -- BCP 47: en, uk, ru, ko
  form        TEXT NOT NULL CHECK (form <> ''),   -- NFC
  status      TEXT NOT NULL
              CHECK (status IN ('preferred', 'admitted', 'deprecated')),
  -- TBX termType; shortForm is a bare surname ("Zelensky").
  term_type   TEXT NOT NULL DEFAULT 'fullForm'
              CHECK (term_type IN ('fullForm', 'shortForm', 'acronym',
                                   'abbreviation', 'variant', 'phrase')),
  -- For the normalizer: how the form inflects, where the language does
  -- (empty: guessed from the ending).
  inflection  TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  fold_key    TEXT NOT NULL,
  stem_key    TEXT NOT NULL,
  latin_key   TEXT NOT NULL,
  UNIQUE (concept_id, lang, form)
);

-- One preferred rendering that is not a short form, and at most one
-- preferred short form, per concept and language. Partial
-- indexes let any number of admitted and deprecated forms sit beside them.
CREATE UNIQUE INDEX term_one_preferred ON term (concept_id, lang)
  WHERE status = 'preferred' AND term_type <> 'shortForm';
CREATE UNIQUE INDEX term_one_preferred_short ON term (concept_id, lang)
  WHERE status = 'preferred' AND term_type = 'shortForm';

-- No index on form: an exact match is a folded match whose form is the
-- query, so the fold_key index serves both.
CREATE INDEX term_by_fold ON term (fold_key);
CREATE INDEX term_by_stem ON term (stem_key);
CREATE INDEX term_by_latin ON term (latin_key);

-- Deletion neighbourhood of every distinct latin_key (the key itself and
-- every string one character shorter), keyed by skeleton, not by term:
-- two skeletons within one edit share an entry, and a fuzzy lookup goes
-- from its matches to the terms through term_by_latin. Far fewer rows than
-- one set per term (400k generated terms have 34k skeletons), which is
-- most of what a large import writes. The store deletes a skeleton's rows
-- when its last term goes.
CREATE TABLE term_fuzzy (
  key       TEXT NOT NULL,
  latin_key TEXT NOT NULL,
  PRIMARY KEY (key, latin_key)
) WITHOUT ROWID;

-- Phrases that contain a form of the concept but must never be matched
-- as it ("Chicken Kiev", "Kievan Rus'"): the normalizer skips them.
CREATE TABLE negative_context (
  id         INTEGER PRIMARY KEY,
  concept_id INTEGER NOT NULL REFERENCES concept(id) ON DELETE CASCADE,
  phrase     TEXT NOT NULL CHECK (phrase <> ''),
  UNIQUE (concept_id, phrase)
);
