-- 0006_term_version.sql: the term store's version, which keys the compiled
-- name index kept beside the database (memory/terms/name_index.h;
-- docs/terms.md, "The compiled name index").
--
-- One row: the store's own random id, so that an index beside a database
-- is never taken for another store's, and a version that every write to
-- what the normalizer compiles bumps in the same transaction. Triggers do
-- the bumping, so that no way of writing terms (add, edit, remove, import,
-- a concept removed with its terms) can forget it. Columns the compiler
-- does not read (notes, sources, search keys, dates), and updates that
-- leave a value as it was, bump nothing.
--
-- Run by memory/sqlite/migrations.cc inside its transaction: no BEGIN,
-- COMMIT or PRAGMA user_version here.

CREATE TABLE term_version (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  store_id BLOB NOT NULL CHECK (length(store_id) = 16),
  version  INTEGER NOT NULL
);
INSERT INTO term_version (id, store_id, version) VALUES (1, randomblob(16), 1);

CREATE TRIGGER concept_added_bumps_version AFTER INSERT ON concept
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER concept_changed_bumps_version
AFTER UPDATE OF slug, type ON concept
WHEN OLD.slug IS NOT NEW.slug OR OLD.type IS NOT NEW.type
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER concept_removed_bumps_version AFTER DELETE ON concept
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER term_added_bumps_version AFTER INSERT ON term
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER term_changed_bumps_version
AFTER UPDATE OF concept_id, lang, form, status, term_type, inflection ON term
WHEN OLD.concept_id IS NOT NEW.concept_id OR OLD.lang IS NOT NEW.lang
  OR OLD.form IS NOT NEW.form OR OLD.status IS NOT NEW.status
  OR OLD.term_type IS NOT NEW.term_type
  OR OLD.inflection IS NOT NEW.inflection
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER term_removed_bumps_version AFTER DELETE ON term
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER negative_added_bumps_version AFTER INSERT ON negative_context
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER negative_changed_bumps_version
AFTER UPDATE OF concept_id, phrase ON negative_context
WHEN OLD.concept_id IS NOT NEW.concept_id OR OLD.phrase IS NOT NEW.phrase
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER negative_removed_bumps_version AFTER DELETE ON negative_context
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
END;
