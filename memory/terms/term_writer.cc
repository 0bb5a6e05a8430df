// internal::Writer: every row the term store writes goes through here, so
// that the search keys and the fuzzy index always agree with the forms.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/text.h"
#include "memory/sqlite/statement.h"
#include "memory/terms/search_keys.h"
#include "memory/terms/term_store_internal.h"

namespace onoma::terms::internal {
namespace {

Status CheckText(std::string_view value, std::string_view what) {
  Status s = text::ValidateUtf8(value);
  if (!s.ok()) return s.WithContext(what);
  return Status::Ok();
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

Result<std::int64_t> FindConceptId(sqlite::Database& db,
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
    sqlite::Statement& s = **insert;
    ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(c.slug)));
    ONOMA_RETURN_IF_ERROR(s.Bind(2, Name(c.type)));
    ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(c.note)));
    ONOMA_RETURN_IF_ERROR(s.Bind(4, std::string_view(c.source)));
    ONOMA_RETURN_IF_ERROR(s.Bind(5, std::string_view(c.definition)));
    ONOMA_RETURN_IF_ERROR(s.Bind(6, std::string_view(c.subject)));
    ONOMA_RETURN_IF_ERROR(s.Run());
    *id = db_.LastInsertRowId();
  }
  ids_.emplace(c.slug, *id);
  return id;
}

Status Writer::PutConcept(const Concept& c) {
  ++stats_.concepts;
  for (std::string_view v :
       {std::string_view(c.note), std::string_view(c.source),
        std::string_view(c.definition), std::string_view(c.subject)}) {
    ONOMA_RETURN_IF_ERROR(CheckText(v, "concept " + c.slug));
  }
  auto known = ids_.count(c.slug) != 0 ? Result<std::int64_t>(ids_[c.slug])
                                       : FindConceptId(db_, c.slug);
  if (!known.ok()) return known.status();
  auto id = ConceptId(c, /*create=*/true);
  if (!id.ok()) return id.status();
  if (*known == 0) return Status::Ok();  // just made from `c`
  auto update = db_.Cached(
      "UPDATE concept SET type = ?2,"
      " note = CASE WHEN ?3 <> '' THEN ?3 ELSE note END,"
      " source = CASE WHEN ?4 <> '' THEN ?4 ELSE source END,"
      " definition = CASE WHEN ?5 <> '' THEN ?5 ELSE definition END,"
      " subject = CASE WHEN ?6 <> '' THEN ?6 ELSE subject END,"
      " modified_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      "update concept");
  if (!update.ok()) return update.status();
  sqlite::Statement& s = **update;
  ONOMA_RETURN_IF_ERROR(s.Bind(1, *id));
  ONOMA_RETURN_IF_ERROR(s.Bind(2, Name(c.type)));
  ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(c.note)));
  ONOMA_RETURN_IF_ERROR(s.Bind(4, std::string_view(c.source)));
  ONOMA_RETURN_IF_ERROR(s.Bind(5, std::string_view(c.definition)));
  ONOMA_RETURN_IF_ERROR(s.Bind(6, std::string_view(c.subject)));
  return s.Run();
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
  ONOMA_RETURN_IF_ERROR(db_.Exec(
      "CREATE TEMP TABLE IF NOT EXISTS fuzzy_stage (term_id INTEGER, keys "
      "TEXT)",
      "prepare bulk import"));
  bulk_ = true;
  return Status::Ok();
}

Status Writer::Finish() {
  if (!bulk_) return Status::Ok();
  for (const auto& index : kKeyIndexes) {
    ONOMA_RETURN_IF_ERROR(
        db_.Exec(std::string(index[1]), "rebuild term index"));
  }
  ONOMA_RETURN_IF_ERROR(db_.Exec(
      "INSERT OR IGNORE INTO term_fuzzy (key, term_id) SELECT j.value, "
      "s.term_id FROM temp.fuzzy_stage s, json_each(s.keys) j "
      "ORDER BY 1, 2; "
      "DROP TABLE temp.fuzzy_stage",
      "rebuild the fuzzy index"));
  bulk_ = false;
  return Status::Ok();
}

Status Writer::PutTerm(std::string_view slug, const Term& term) {
  ++stats_.terms;
  if (!bulk_ && bulk_after_ >= 0 && stats_.terms > bulk_after_) {
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
  ONOMA_RETURN_IF_ERROR(CheckText(phrase, "negative context"));
  if (phrase.empty()) return Status::BadArgument("empty negative context");
  Concept c;
  c.slug = std::string(slug);
  auto id = ConceptId(c, /*create=*/true);
  if (!id.ok()) return id.status();
  auto insert = db_.Cached(
      "INSERT OR IGNORE INTO negative_context (concept_id, phrase) "
      "VALUES (?1, ?2)",
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
  ONOMA_RETURN_IF_ERROR(CheckText(term.form, "form"));
  ONOMA_RETURN_IF_ERROR(CheckText(term.note, "note"));
  ONOMA_RETURN_IF_ERROR(CheckText(term.source, "source"));
  ONOMA_RETURN_IF_ERROR(CheckText(term.inflection, "inflection"));
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
                   "?10, ?11) ON CONFLICT (concept_id, lang, form) DO UPDATE "
                   "SET status = excluded.status, term_type = "
                   "excluded.term_type, inflection = excluded.inflection, "
                   "note = excluded.note, source = excluded.source "
                   "RETURNING id")
             : std::string_view(
                   "INSERT INTO term (concept_id, lang, form, status, "
                   "term_type, inflection, note, source, fold_key, stem_key, "
                   "latin_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "?10, ?11) RETURNING id"),
      "add term");
  if (!insert.ok()) return insert.status();
  sqlite::Statement& s = **insert;
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
  auto row = s.Step();
  if (!row.ok()) {
    s.Reset();
    return ExplainConflict(concept_id, slug, t, row.status());
  }
  std::int64_t id = *row ? s.ColumnInt64(0) : 0;
  // Step to the end: a RETURNING statement left running would keep the
  // transaction from committing.
  while (true) {
    auto more = s.Step();
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  if (concept_id != indexed_concept_) {
    indexed_concept_ = concept_id;
    indexed_keys_.clear();
  }
  if (std::find(indexed_keys_.begin(), indexed_keys_.end(), latin) !=
      indexed_keys_.end()) {
    return id;  // a sibling with this key is indexed already
  }
  indexed_keys_.push_back(latin);
  std::vector<std::string> keys = DeletionNeighbourhood(latin);
  if (keys.empty()) return id;
  if (bulk_) {
    // One staged row per term, its keys as a JSON array (they are plain
    // ASCII letters and digits): Finish() spreads them out sorted.
    std::string json = "[";
    for (const std::string& key : keys) {
      if (json.size() > 1) json += ',';
      json += '"' + key + '"';
    }
    json += ']';
    auto stage = db_.Cached(
        "INSERT INTO temp.fuzzy_stage (term_id, keys) VALUES (?1, ?2)",
        "stage term for the fuzzy index");
    if (!stage.ok()) return stage.status();
    ONOMA_RETURN_IF_ERROR((*stage)->Bind(1, id));
    ONOMA_RETURN_IF_ERROR((*stage)->Bind(2, std::string_view(json)));
    ONOMA_RETURN_IF_ERROR((*stage)->Run());
    return id;
  }
  auto fuzzy = db_.Cached(
      "INSERT OR IGNORE INTO term_fuzzy (key, term_id) VALUES (?1, ?2)",
      "index term for fuzzy lookup");
  if (!fuzzy.ok()) return fuzzy.status();
  for (const std::string& key : keys) {
    (*fuzzy)->Reset();
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(1, std::string_view(key)));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(2, id));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Run());
  }
  return id;
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
  sqlite::Statement& s = **find;
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
  auto find =
      db_.Cached("SELECT latin_key FROM term WHERE id = ?1", "find term");
  if (!find.ok()) return find.status();
  ONOMA_RETURN_IF_ERROR((*find)->Bind(1, term_id));
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no such term");
  std::string latin = (*find)->ColumnText(0);
  (*find)->Reset();
  auto fuzzy =
      db_.Cached("DELETE FROM term_fuzzy WHERE key = ?1 AND term_id = ?2",
                 "remove term from the fuzzy index");
  if (!fuzzy.ok()) return fuzzy.status();
  for (const std::string& key : DeletionNeighbourhood(latin)) {
    (*fuzzy)->Reset();
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(1, std::string_view(key)));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Bind(2, term_id));
    ONOMA_RETURN_IF_ERROR((*fuzzy)->Run());
  }
  auto remove = db_.Cached(
      "DELETE FROM term WHERE id = ?1 RETURNING concept_id", "remove term");
  if (!remove.ok()) return remove.status();
  ONOMA_RETURN_IF_ERROR((*remove)->Bind(1, term_id));
  auto removed = (*remove)->Step();
  if (!removed.ok()) return removed.status();
  std::int64_t concept_id = *removed ? (*remove)->ColumnInt64(0) : 0;
  ONOMA_RETURN_IF_ERROR((*remove)->Run());  // to the end
  // A sibling with the same key may have relied on this term's entries
  // (see indexed_keys_): index it now.
  indexed_concept_ = 0;
  auto siblings =
      db_.Cached("SELECT id FROM term WHERE concept_id = ?1 AND latin_key = ?2",
                 "find terms sharing a key");
  if (!siblings.ok()) return siblings.status();
  ONOMA_RETURN_IF_ERROR((*siblings)->Bind(1, concept_id));
  ONOMA_RETURN_IF_ERROR((*siblings)->Bind(2, std::string_view(latin)));
  std::vector<std::int64_t> ids;
  for (;;) {
    auto next = (*siblings)->Step();
    if (!next.ok()) return next.status();
    if (!*next) break;
    ids.push_back((*siblings)->ColumnInt64(0));
  }
  auto add = db_.Cached(
      "INSERT OR IGNORE INTO term_fuzzy (key, term_id) VALUES (?1, ?2)",
      "index term for fuzzy lookup");
  if (!add.ok()) return add.status();
  for (std::int64_t sibling : ids) {
    for (const std::string& key : DeletionNeighbourhood(latin)) {
      (*add)->Reset();
      ONOMA_RETURN_IF_ERROR((*add)->Bind(1, std::string_view(key)));
      ONOMA_RETURN_IF_ERROR((*add)->Bind(2, sibling));
      ONOMA_RETURN_IF_ERROR((*add)->Run());
    }
  }
  return Status::Ok();
}

}  // namespace onoma::terms::internal
