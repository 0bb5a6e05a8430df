// internal::Writer: every row the term store writes goes through here, so
// that the search keys and the fuzzy index always agree with the forms.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/text.h"
#include "lib/util/limits.h"
#include "memory/store/connection.h"
#include "memory/terms/search_keys.h"
#include "memory/terms/term_store_internal.h"

namespace onoma::terms::internal {
namespace {

Status CheckText(std::string_view value, std::string_view what,
                 std::size_t max_bytes) {
  return CheckTermText(value, what, max_bytes);
}

bool IsLanguageTag(std::string_view lang) {
  if (lang.empty() || lang.size() > 35) return false;
  for (char c : lang) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return lang.front() != '-' && lang.back() != '-';
}

}  // namespace

Status CheckSlug(std::string_view slug) {
  if (slug.empty()) return Status::BadArgument("empty concept id");
  if (slug.size() > limits::kMaxTermBytes) {
    return Status::BadInput("a concept id is " + std::to_string(slug.size()) +
                            " bytes long; the limit is " +
                            std::to_string(limits::kMaxTermBytes) +
                            " (docs/terms.md, \"Limits\")");
  }
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) {
      return Status::BadArgument("concept id '" + std::string(slug) +
                                 "' may hold only ASCII letters, digits, "
                                 "'-', '_' and '.'");
    }
  }
  return Status::Ok();
}

Result<std::int64_t> FindConceptId(store::Connection& db,
                                   std::string_view slug) {
  auto find =
      db.Cached("SELECT id FROM concept WHERE slug = ?1", "find concept");
  if (!find.ok()) return find.status();
  ONOMA_RETURN_IF_ERROR((*find)->Bind(1, slug));
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  std::int64_t id = *row ? (*find)->ColumnInt64(0) : 0;
  (*find)->Reset();
  return id;
}

Result<std::int64_t> Writer::ConceptId(const Concept& c, bool create) {
  if (auto it = ids_.find(c.slug); it != ids_.end()) return it->second;
  ONOMA_RETURN_IF_ERROR(CheckSlug(c.slug));
  auto id = FindConceptId(db_, c.slug);
  if (!id.ok()) return id;
  if (*id == 0) {
    if (!create) {
      return Status::NotFound("no concept '" + c.slug + "'");
    }
    auto insert = db_.Cached(
        "INSERT INTO concept (slug, type, note, source, definition, subject) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        "add concept");
    if (!insert.ok()) return insert.status();
    store::Statement& s = **insert;
    ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(c.slug)));
    ONOMA_RETURN_IF_ERROR(s.Bind(2, Name(c.type)));
    ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(c.note)));
    ONOMA_RETURN_IF_ERROR(s.Bind(4, std::string_view(c.source)));
    ONOMA_RETURN_IF_ERROR(s.Bind(5, std::string_view(c.definition)));
    ONOMA_RETURN_IF_ERROR(s.Bind(6, std::string_view(c.subject)));
    ONOMA_RETURN_IF_ERROR(s.Run());
    auto inserted = db_.LastInsertId();
    if (!inserted.ok()) return inserted.status();
    *id = *inserted;
  }
  ids_.emplace(c.slug, *id);
  return id;
}

Status Writer::PutConcept(const Concept& c) {
  ++stats_.concepts;
  ONOMA_RETURN_IF_ERROR(CheckSlug(c.slug));
  for (std::string_view v :
       {std::string_view(c.note), std::string_view(c.source),
        std::string_view(c.definition), std::string_view(c.subject)}) {
    ONOMA_RETURN_IF_ERROR(CheckText(v, "concept " + c.slug + ": a text",
                                    limits::kMaxTermNoteBytes));
  }
  // One statement for a new concept, which is what most of an import is;
  // only a known one is read back and merged. No RETURNING (a temporary
  // table per row): a new row's id is the last insert's.
  auto insert = db_.Cached(
      "INSERT INTO concept (slug, type, note, source, definition, subject) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (slug) DO NOTHING",
      "add concept");
  if (!insert.ok()) return insert.status();
  store::Statement& s = **insert;
  ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(c.slug)));
  ONOMA_RETURN_IF_ERROR(s.Bind(2, Name(c.type)));
  ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(c.note)));
  ONOMA_RETURN_IF_ERROR(s.Bind(4, std::string_view(c.source)));
  ONOMA_RETURN_IF_ERROR(s.Bind(5, std::string_view(c.definition)));
  ONOMA_RETURN_IF_ERROR(s.Bind(6, std::string_view(c.subject)));
  ONOMA_RETURN_IF_ERROR(s.Run());
  if (db_.Changes() > 0) {
    auto inserted = db_.LastInsertId();
    if (!inserted.ok()) return inserted.status();
    ids_[c.slug] = *inserted;
    return Status::Ok();
  }
  auto id = ConceptId(c, /*create=*/false);
  if (!id.ok()) return id.status();
  return MergeConcept(*id, c);
}

Result<bool> Writer::Conflict(std::string_view slug, std::string_view lang,
                              std::string_view form, std::string_view field,
                              std::string_view stored, std::string_view file) {
  ++stats_.conflicts;
  if (options_.conflict) {
    ImportConflict conflict{std::string(slug),   std::string(lang),
                            std::string(form),   std::string(field),
                            std::string(stored), std::string(file)};
    ONOMA_RETURN_IF_ERROR(options_.conflict(conflict));
  }
  return options_.on_conflict == OnConflict::kReplace;
}

Status Writer::MergeText(std::string_view slug, std::string_view lang,
                         std::string_view form, std::string_view field,
                         std::string_view given, std::string& stored,
                         bool& changed) {
  // An empty value in the file says nothing: the store keeps its own.
  if (given.empty() || given == stored) return Status::Ok();
  if (!stored.empty()) {
    auto take = Conflict(slug, lang, form, field, stored, given);
    if (!take.ok()) return take.status();
    if (!*take) return Status::Ok();
  }
  stored = std::string(given);
  changed = true;
  return Status::Ok();
}

Status Writer::MergeConcept(std::int64_t id, const Concept& c) {
  auto get = db_.Cached(
      "SELECT type, note, source, definition, subject FROM concept "
      "WHERE id = ?1",
      "read concept to merge");
  if (!get.ok()) return get.status();
  store::Statement& g = **get;
  ONOMA_RETURN_IF_ERROR(g.Bind(1, id));
  auto row = g.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no concept '" + c.slug + "'");
  std::string type = g.ColumnText(0);
  std::string note = g.ColumnText(1);
  std::string source = g.ColumnText(2);
  std::string definition = g.ColumnText(3);
  std::string subject = g.ColumnText(4);
  g.Reset();
  bool changed = false;
  // A type the file does not state (OmegaT, a TSV without one) is no
  // claim: a place stays a place, and its declension and name
  // substitution with it.
  if (c.type_known && Name(c.type) != type) {
    auto take = Conflict(c.slug, "", "", "type", type, Name(c.type));
    if (!take.ok()) return take.status();
    if (*take) {
      type = std::string(Name(c.type));
      changed = true;
    }
  }
  ONOMA_RETURN_IF_ERROR(
      MergeText(c.slug, "", "", "note", c.note, note, changed));
  ONOMA_RETURN_IF_ERROR(
      MergeText(c.slug, "", "", "source", c.source, source, changed));
  ONOMA_RETURN_IF_ERROR(MergeText(c.slug, "", "", "definition", c.definition,
                                  definition, changed));
  ONOMA_RETURN_IF_ERROR(
      MergeText(c.slug, "", "", "subject", c.subject, subject, changed));
  if (!changed) return Status::Ok();
  auto update = db_.Cached(
      "UPDATE concept SET type = ?2, note = ?3, source = ?4, definition = ?5,"
      " subject = ?6, modified_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
      "WHERE id = ?1",
      "merge concept");
  if (!update.ok()) return update.status();
  store::Statement& u = **update;
  ONOMA_RETURN_IF_ERROR(u.Bind(1, id));
  ONOMA_RETURN_IF_ERROR(u.Bind(2, std::string_view(type)));
  ONOMA_RETURN_IF_ERROR(u.Bind(3, std::string_view(note)));
  ONOMA_RETURN_IF_ERROR(u.Bind(4, std::string_view(source)));
  ONOMA_RETURN_IF_ERROR(u.Bind(5, std::string_view(definition)));
  ONOMA_RETURN_IF_ERROR(u.Bind(6, std::string_view(subject)));
  return u.Run();
}

Status Writer::UpdateConcept(const Concept& c) {
  for (std::string_view v :
       {std::string_view(c.note), std::string_view(c.source)}) {
    ONOMA_RETURN_IF_ERROR(CheckText(v, "concept " + c.slug + ": a text",
                                    limits::kMaxTermNoteBytes));
  }
  auto id = ConceptId(c, /*create=*/false);
  if (!id.ok()) return id.status();
  auto update = db_.Cached(
      "UPDATE concept SET type = ?2,"
      " note = CASE WHEN ?3 <> '' THEN ?3 ELSE note END,"
      " source = CASE WHEN ?4 <> '' THEN ?4 ELSE source END,"
      " modified_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      "edit concept");
  if (!update.ok()) return update.status();
  store::Statement& u = **update;
  ONOMA_RETURN_IF_ERROR(u.Bind(1, *id));
  ONOMA_RETURN_IF_ERROR(u.Bind(2, Name(c.type)));
  ONOMA_RETURN_IF_ERROR(u.Bind(3, std::string_view(c.note)));
  ONOMA_RETURN_IF_ERROR(u.Bind(4, std::string_view(c.source)));
  return u.Run();
}

// The search-key indexes of memory/schema/0002_terms.sql, which a bulk
// import drops and rebuilds. Must match the migration.
constexpr std::string_view kKeyIndexes[][2] = {
    {"term_by_fold", "CREATE INDEX term_by_fold ON term (fold_key)"},
    {"term_by_stem", "CREATE INDEX term_by_stem ON term (stem_key)"},
    {"term_by_latin", "CREATE INDEX term_by_latin ON term (latin_key)"},
};

Status Writer::EnterBulk() {
  for (const auto& index : kKeyIndexes) {
    ONOMA_RETURN_IF_ERROR(
        db_.Exec("DROP INDEX IF EXISTS " + std::string(index[0]),
                 "prepare bulk import"));
  }
  bulk_ = true;
  return Status::Ok();
}

Status Writer::Finish() {
  if (!bulk_) return Status::Ok();
  for (const auto& index : kKeyIndexes) {
    ONOMA_RETURN_IF_ERROR(
        db_.Exec(std::string(index[1]), "rebuild term index"));
  }
  // In key order, so that every insert appends to the B-tree.
  std::sort(staged_fuzzy_.begin(), staged_fuzzy_.end());
  staged_fuzzy_.erase(std::unique(staged_fuzzy_.begin(), staged_fuzzy_.end()),
                      staged_fuzzy_.end());
  auto insert = db_.Cached(
      "INSERT INTO term_fuzzy (key, latin_key) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING",
      "index skeleton for fuzzy lookup");
  if (!insert.ok()) return insert.status();
  for (const auto& [key, latin] : staged_fuzzy_) {
    (*insert)->Reset();
    ONOMA_RETURN_IF_ERROR((*insert)->Bind(1, std::string_view(key)));
    ONOMA_RETURN_IF_ERROR((*insert)->Bind(2, std::string_view(latin)));
    ONOMA_RETURN_IF_ERROR((*insert)->Run());
  }
  staged_fuzzy_.clear();
  bulk_ = false;
  return Status::Ok();
}

Status Writer::IndexSkeleton(const std::string& latin) {
  return IndexKeys(latin, DeletionNeighbourhood(latin));
}

Status Writer::IndexTyping(const std::string& fold) {
  return IndexKeys(TypingOwner(fold), TypingNeighbourhood(fold));
}

Status Writer::IndexKeys(const std::string& owner,
                         std::vector<std::string> keys) {
  if (keys.empty() || !indexed_keys_.insert(owner).second) {
    return Status::Ok();
  }
  if (bulk_) {
    for (std::string& key : keys)
      staged_fuzzy_.emplace_back(std::move(key), owner);
    return Status::Ok();
  }
  auto insert = db_.Cached(
      "INSERT INTO term_fuzzy (key, latin_key) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING",
      "index skeleton for fuzzy lookup");
  if (!insert.ok()) return insert.status();
  for (const std::string& key : keys) {
    (*insert)->Reset();
    ONOMA_RETURN_IF_ERROR((*insert)->Bind(1, std::string_view(key)));
    ONOMA_RETURN_IF_ERROR((*insert)->Bind(2, std::string_view(owner)));
    ONOMA_RETURN_IF_ERROR((*insert)->Run());
  }
  return Status::Ok();
}

Status Writer::PutTerm(std::string_view slug, const Term& term) {
  ++stats_.terms;
  if (!bulk_ && bulk_after_ >= 0 && stats_.terms > bulk_after_ &&
      db_.drops_indexes_for_bulk_writes()) {
    ONOMA_RETURN_IF_ERROR(EnterBulk());
  }
  Concept c;
  c.slug = std::string(slug);
  auto id = ConceptId(c, /*create=*/true);
  if (!id.ok()) return id.status();
  return WriteTerm(*id, slug, term, /*upsert=*/true).status();
}

Status Writer::PutNegative(std::string_view slug, std::string_view phrase) {
  ++stats_.negatives;
  ONOMA_RETURN_IF_ERROR(
      CheckText(phrase, "the negative context", limits::kMaxTermBytes));
  if (phrase.empty()) return Status::BadArgument("empty negative context");
  Concept c;
  c.slug = std::string(slug);
  auto id = ConceptId(c, /*create=*/true);
  if (!id.ok()) return id.status();
  auto insert = db_.Cached(
      "INSERT INTO negative_context (concept_id, phrase) "
      "VALUES (?1, ?2) ON CONFLICT DO NOTHING",
      "add negative context");
  if (!insert.ok()) return insert.status();
  ONOMA_RETURN_IF_ERROR((*insert)->Bind(1, *id));
  std::string nfc = text::ToNfc(phrase);
  ONOMA_RETURN_IF_ERROR((*insert)->Bind(2, std::string_view(nfc)));
  return (*insert)->Run();
}

Result<std::int64_t> Writer::WriteTerm(std::int64_t concept_id,
                                       std::string_view slug, const Term& term,
                                       bool upsert) {
  if (!IsLanguageTag(term.lang)) {
    return Status::BadArgument("'" + term.lang +
                               "' is not a language tag (BCP 47: en, uk, "
                               "ru, ko, pt-BR)");
  }
  // The form first: every key below costs time and memory that grow with
  // it.
  ONOMA_RETURN_IF_ERROR(
      CheckText(term.form, "the form", limits::kMaxTermBytes));
  ONOMA_RETURN_IF_ERROR(
      CheckText(term.note, "the note", limits::kMaxTermNoteBytes));
  ONOMA_RETURN_IF_ERROR(
      CheckText(term.source, "the source", limits::kMaxTermNoteBytes));
  ONOMA_RETURN_IF_ERROR(CheckText(term.inflection, "the inflection class",
                                  limits::kMaxTermBytes));
  Term t = term;
  // Stray spaces around a form (a TSV column padded by hand) are not part
  // of the name.
  std::string_view trimmed = t.form;
  while (!trimmed.empty() &&
         (trimmed.front() == ' ' || trimmed.front() == '\t')) {
    trimmed.remove_prefix(1);
  }
  while (!trimmed.empty() &&
         (trimmed.back() == ' ' || trimmed.back() == '\t')) {
    trimmed.remove_suffix(1);
  }
  t.form = text::ToNfc(trimmed);
  if (t.form.empty()) return Status::BadArgument("empty form");
  std::string fold = FoldKey(t.form);
  std::string stem = StemKey(fold);
  std::string latin = LatinKey(t.form, t.lang);

  auto insert = db_.Cached(
      upsert ? std::string_view(
                   "INSERT INTO term (concept_id, lang, form, status, "
                   "term_type, inflection, note, source, fold_key, stem_key, "
                   "latin_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "?10, ?11) ON CONFLICT (concept_id, lang, form) DO "
                   "NOTHING")
             : std::string_view(
                   "INSERT INTO term (concept_id, lang, form, status, "
                   "term_type, inflection, note, source, fold_key, stem_key, "
                   "latin_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "?10, ?11)"),
      "add term");
  if (!insert.ok()) return insert.status();
  store::Statement& s = **insert;
  ONOMA_RETURN_IF_ERROR(s.Bind(1, concept_id));
  ONOMA_RETURN_IF_ERROR(s.Bind(2, std::string_view(t.lang)));
  ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(t.form)));
  ONOMA_RETURN_IF_ERROR(s.Bind(4, Name(t.status)));
  ONOMA_RETURN_IF_ERROR(s.Bind(5, Name(t.type)));
  ONOMA_RETURN_IF_ERROR(s.Bind(6, std::string_view(t.inflection)));
  ONOMA_RETURN_IF_ERROR(s.Bind(7, std::string_view(t.note)));
  ONOMA_RETURN_IF_ERROR(s.Bind(8, std::string_view(t.source)));
  ONOMA_RETURN_IF_ERROR(s.Bind(9, std::string_view(fold)));
  ONOMA_RETURN_IF_ERROR(s.Bind(10, std::string_view(stem)));
  ONOMA_RETURN_IF_ERROR(s.Bind(11, std::string_view(latin)));
  store::Savepoint guard(db_);
  ONOMA_RETURN_IF_ERROR(guard.status());
  auto row = s.Step();
  if (!row.ok()) {
    s.Reset();
    ONOMA_RETURN_IF_ERROR(guard.Undo());
    return ExplainConflict(concept_id, slug, t, row.status());
  }
  ONOMA_RETURN_IF_ERROR(guard.Release());
  // A stored term with this lang and form: the file's is merged into it,
  // and its keys, which depend on nothing else, stay.
  if (upsert && db_.Changes() == 0) {
    ONOMA_RETURN_IF_ERROR(MergeTerm(concept_id, slug, t));
    return 0;
  }
  // No RETURNING: it costs a temporary table per row, a tenth of an
  // import, and the upserts of an import have no use for the id.
  std::int64_t id = 0;
  if (!upsert) {
    auto inserted = db_.LastInsertId();
    if (!inserted.ok()) return inserted.status();
    id = *inserted;
  }
  ONOMA_RETURN_IF_ERROR(IndexSkeleton(latin));
  ONOMA_RETURN_IF_ERROR(IndexTyping(fold));
  return id;
}

Status Writer::MergeTerm(std::int64_t concept_id, std::string_view slug,
                         const Term& term) {
  auto get = db_.Cached(
      "SELECT id, status, term_type, inflection, note, source FROM term "
      "WHERE concept_id = ?1 AND lang = ?2 AND form = ?3",
      "read term to merge");
  if (!get.ok()) return get.status();
  store::Statement& g = **get;
  ONOMA_RETURN_IF_ERROR(g.Bind(1, concept_id));
  ONOMA_RETURN_IF_ERROR(g.Bind(2, std::string_view(term.lang)));
  ONOMA_RETURN_IF_ERROR(g.Bind(3, std::string_view(term.form)));
  auto row = g.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("a term vanished during its import");
  const std::int64_t id = g.ColumnInt64(0);
  std::string status = g.ColumnText(1);
  std::string type = g.ColumnText(2);
  std::string inflection = g.ColumnText(3);
  std::string note = g.ColumnText(4);
  std::string source = g.ColumnText(5);
  g.Reset();
  const std::string_view lang = term.lang;
  const std::string_view form = term.form;
  bool changed = false;
  // A status or term type the file does not state (OmegaT has neither) is
  // no claim on the stored one, which may be a house edit.
  auto merge_known = [&](bool known, std::string_view field,
                         std::string_view given,
                         std::string& stored) -> Status {
    if (!known || given == stored) return Status::Ok();
    auto take = Conflict(slug, lang, form, field, stored, given);
    if (!take.ok()) return take.status();
    if (*take) {
      stored = std::string(given);
      changed = true;
    }
    return Status::Ok();
  };
  ONOMA_RETURN_IF_ERROR(
      merge_known(term.status_known, "status", Name(term.status), status));
  ONOMA_RETURN_IF_ERROR(
      merge_known(term.type_known, "term_type", Name(term.type), type));
  ONOMA_RETURN_IF_ERROR(MergeText(slug, lang, form, "inflection",
                                  term.inflection, inflection, changed));
  ONOMA_RETURN_IF_ERROR(
      MergeText(slug, lang, form, "note", term.note, note, changed));
  ONOMA_RETURN_IF_ERROR(
      MergeText(slug, lang, form, "source", term.source, source, changed));
  if (!changed) return Status::Ok();
  auto update = db_.Cached(
      "UPDATE term SET status = ?2, term_type = ?3, inflection = ?4, "
      "note = ?5, source = ?6 WHERE id = ?1",
      "merge term");
  if (!update.ok()) return update.status();
  store::Statement& u = **update;
  ONOMA_RETURN_IF_ERROR(u.Bind(1, id));
  ONOMA_RETURN_IF_ERROR(u.Bind(2, std::string_view(status)));
  ONOMA_RETURN_IF_ERROR(u.Bind(3, std::string_view(type)));
  ONOMA_RETURN_IF_ERROR(u.Bind(4, std::string_view(inflection)));
  ONOMA_RETURN_IF_ERROR(u.Bind(5, std::string_view(note)));
  ONOMA_RETURN_IF_ERROR(u.Bind(6, std::string_view(source)));
  store::Savepoint guard(db_);
  ONOMA_RETURN_IF_ERROR(guard.status());
  auto done = u.Step();
  if (!done.ok()) {
    u.Reset();
    ONOMA_RETURN_IF_ERROR(guard.Undo());
    // A status taken from the file may make a second preferred form.
    Term wanted = term;
    wanted.status = ParseTermStatus(status).value_or(term.status);
    wanted.type = ParseTermType(type).value_or(term.type);
    return ExplainConflict(concept_id, slug, wanted, done.status());
  }
  u.Reset();
  return guard.Release();
}

Status Writer::ExplainConflict(std::int64_t concept_id, std::string_view slug,
                               const Term& term, Status failure) {
  auto find = db_.Cached(
      "SELECT form, status, term_type FROM term WHERE concept_id = ?1 AND "
      "lang = ?2 AND (form = ?3 OR (status = 'preferred' AND ?4 = "
      "'preferred' AND (term_type = 'shortForm') = (?5 = 'shortForm'))) "
      "ORDER BY form = ?3 DESC LIMIT 1",
      "explain conflicting term");
  if (!find.ok()) return failure;
  store::Statement& s = **find;
  if (!s.Bind(1, concept_id).ok() ||
      !s.Bind(2, std::string_view(term.lang)).ok() ||
      !s.Bind(3, std::string_view(term.form)).ok() ||
      !s.Bind(4, Name(term.status)).ok() || !s.Bind(5, Name(term.type)).ok()) {
    return failure;
  }
  auto row = s.Step();
  if (!row.ok() || !*row) return failure;
  std::string form = s.ColumnText(0);
  bool short_form = s.ColumnText(2) == "shortForm";
  s.Reset();
  std::string who = "concept '" + std::string(slug) + "'";
  if (form == term.form) {
    return Status::BadArgument(who + " already has the " + term.lang +
                               " form '" + form + "'");
  }
  return Status::BadArgument(
      who + " already has a preferred " + term.lang +
      (short_form ? " short form '" : " form '") + form + "'; make it " +
      "admitted or deprecated first (onoma term edit " + std::string(slug) +
      " " + term.lang + " '" + form + "' --status admitted)");
}

Status Writer::DeleteTerm(std::int64_t term_id) {
  auto remove =
      db_.Cached("DELETE FROM term WHERE id = ?1 RETURNING latin_key, fold_key",
                 "remove term");
  if (!remove.ok()) return remove.status();
  ONOMA_RETURN_IF_ERROR((*remove)->Bind(1, term_id));
  auto removed = (*remove)->Step();
  if (!removed.ok()) return removed.status();
  if (!*removed) {
    (*remove)->Reset();
    return Status::NotFound("no such term");
  }
  std::string latin = (*remove)->ColumnText(0);
  std::string fold = (*remove)->ColumnText(1);
  ONOMA_RETURN_IF_ERROR((*remove)->Run());  // to the end
  ONOMA_RETURN_IF_ERROR(
      UnindexKeys("SELECT 1 FROM term WHERE latin_key = ?1 LIMIT 1", latin,
                  latin, DeletionNeighbourhood(latin)));
  return UnindexKeys("SELECT 1 FROM term WHERE fold_key = ?1 LIMIT 1", fold,
                     TypingOwner(fold), TypingNeighbourhood(fold));
}

// A skeleton's (or folded form's) fuzzy keys stay while another term has
// it.
Status Writer::UnindexKeys(std::string_view shared_sql, const std::string& key,
                           const std::string& owner,
                           const std::vector<std::string>& keys) {
  auto shared = db_.Cached(shared_sql, "find terms sharing a search key");
  if (!shared.ok()) return shared.status();
  ONOMA_RETURN_IF_ERROR((*shared)->Bind(1, std::string_view(key)));
  auto other = (*shared)->Step();
  if (!other.ok()) return other.status();
  (*shared)->Reset();
  if (*other) return Status::Ok();
  indexed_keys_.erase(owner);
  auto fuzzy =
      db_.Cached("DELETE FROM term_fuzzy WHERE key = ?1 AND latin_key = ?2",
                 "remove search key from the fuzzy index");
  if (!fuzzy.ok()) return fuzzy.status();
  for (const std::string& k : keys) {
    (*fuzzy)->Reset();
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(1, std::string_view(k)));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(2, std::string_view(owner)));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Run());
  }
  return Status::Ok();
}

}  // namespace onoma::terms::internal
