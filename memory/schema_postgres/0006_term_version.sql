-- 0006_term_version.sql: the term store's version, as
-- memory/schema/0006_term_version.sql keeps it on SQLite: a row with the
-- store's own random id and a version that every write to what the
-- normalizer compiles bumps in the same transaction, so that a store can
-- say when its names changed (docs/terms.md, "The compiled name index";
-- docs/shared-store.md).
--
-- Triggers do the bumping, so that no way of writing terms (add, edit,
-- remove, import, a concept removed with its terms, onoma db copy) can
-- forget it. Columns the compiler does not read (notes, sources, search
-- keys, dates), and updates that leave a value as it was, bump nothing.
-- Writers take the store's write lock first (an advisory lock,
-- memory/postgres/connection.h), so the one row is never contended.
--
-- Run by memory/postgres/migrations.cc inside its transaction.

CREATE TABLE term_version (
  id       integer PRIMARY KEY CHECK (id = 1),
  store_id bytea NOT NULL CHECK (length(store_id) = 16),
  version  bigint NOT NULL
);
INSERT INTO term_version (id, store_id, version)
  VALUES (1, uuid_send(gen_random_uuid()), 1);

CREATE FUNCTION term_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE term_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER concept_added_bumps_version AFTER INSERT ON concept
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER concept_changed_bumps_version
  AFTER UPDATE OF slug, type ON concept FOR EACH ROW
  WHEN (OLD.slug IS DISTINCT FROM NEW.slug OR OLD.type IS DISTINCT FROM NEW.type)
  EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER concept_removed_bumps_version AFTER DELETE ON concept
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();

CREATE TRIGGER term_added_bumps_version AFTER INSERT ON term
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER term_changed_bumps_version
  AFTER UPDATE OF concept_id, lang, form, status, term_type, inflection
  ON term FOR EACH ROW
  WHEN (OLD.concept_id IS DISTINCT FROM NEW.concept_id
        OR OLD.lang IS DISTINCT FROM NEW.lang
        OR OLD.form IS DISTINCT FROM NEW.form
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.term_type IS DISTINCT FROM NEW.term_type
        OR OLD.inflection IS DISTINCT FROM NEW.inflection)
  EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER term_removed_bumps_version AFTER DELETE ON term
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();

CREATE TRIGGER negative_added_bumps_version AFTER INSERT ON negative_context
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER negative_changed_bumps_version
  AFTER UPDATE OF concept_id, phrase ON negative_context FOR EACH ROW
  WHEN (OLD.concept_id IS DISTINCT FROM NEW.concept_id
        OR OLD.phrase IS DISTINCT FROM NEW.phrase)
  EXECUTE FUNCTION term_version_bump();
CREATE TRIGGER negative_removed_bumps_version AFTER DELETE ON negative_context
  FOR EACH ROW EXECUTE FUNCTION term_version_bump();
