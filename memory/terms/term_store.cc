// TermStore: the single writes, Get, List and Import. Lookup is in
// term_lookup.cc; the rows themselves are written by internal::Writer
// (term_writer.cc).

#include "memory/terms/term_store.h"

#include <string>
#include <string_view>

#include "lib/text/text.h"
#include "memory/store/connection.h"
#include "memory/store/sqlite_connection.h"
#include "memory/terms/term_store_internal.h"

namespace onoma::terms {
namespace internal {
namespace {

// Terms in the order Concept::terms promises: the house languages first,
// then preferred, admitted, deprecated; full forms before short ones.
constexpr std::string_view kTermsSql =
    "SELECT id, lang, form, status, term_type, inflection, note, source "
    "FROM term WHERE concept_id = ?1 ORDER BY "
    "CASE lang WHEN 'en' THEN 0 WHEN 'uk' THEN 1 WHEN 'ru' THEN 2 "
    "WHEN 'ko' THEN 3 ELSE 4 END, lang, "
    "CASE status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 ELSE 2 END, "
    "term_type = 'shortForm', form";

}  // namespace

Result<Concept> LoadConcept(store::Connection& db, std::int64_t id) {
  Concept c;
  {
    auto get = db.Cached(
        "SELECT slug, type, note, source, definition, subject FROM concept "
        "WHERE id = ?1",
        "read concept");
    if (!get.ok()) return get.status();
    store::Statement& s = **get;
    ONOMA_RETURN_IF_ERROR(s.Bind(1, id));
    auto row = s.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no concept #" + std::to_string(id));
    c.id = id;
    c.slug = s.ColumnText(0);
    c.type =
        ParseConceptType(s.ColumnTextView(1)).value_or(ConceptType::kOther);
    c.note = s.ColumnText(2);
    c.source = s.ColumnText(3);
    c.definition = s.ColumnText(4);
    c.subject = s.ColumnText(5);
    s.Reset();
  }
  auto terms = db.Cached(kTermsSql, "read terms");
  if (!terms.ok()) return terms.status();
  ONOMA_RETURN_IF_ERROR((*terms)->Bind(1, id));
  for (;;) {
    auto row = (*terms)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    store::Statement& s = **terms;
    Term t;
    t.id = s.ColumnInt64(0);
    t.lang = s.ColumnText(1);
    t.form = s.ColumnText(2);
    t.status =
        ParseTermStatus(s.ColumnTextView(3)).value_or(TermStatus::kAdmitted);
    t.type = ParseTermType(s.ColumnTextView(4)).value_or(TermType::kFullForm);
    t.inflection = s.ColumnText(5);
    t.note = s.ColumnText(6);
    t.source = s.ColumnText(7);
    c.terms.push_back(std::move(t));
  }
  auto negatives = db.Cached(
      "SELECT phrase FROM negative_context WHERE concept_id = ?1 ORDER BY "
      "phrase",
      "read negative contexts");
  if (!negatives.ok()) return negatives.status();
  ONOMA_RETURN_IF_ERROR((*negatives)->Bind(1, id));
  for (;;) {
    auto row = (*negatives)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    c.negative_contexts.push_back((*negatives)->ColumnText(0));
  }
  InferInflections(c);
  return c;
}

}  // namespace internal

namespace {

// The id of term (concept_id, lang, form), or kNotFound.
Result<std::int64_t> FindTermId(store::Connection& db, std::int64_t concept_id,
                                std::string_view slug, std::string_view lang,
                                std::string_view form) {
  auto find = db.Cached(
      "SELECT id FROM term WHERE concept_id = ?1 AND lang = ?2 AND form = ?3",
      "find term");
  if (!find.ok()) return find.status();
  store::Statement& s = **find;
  ONOMA_RETURN_IF_ERROR(s.Bind(1, concept_id));
  ONOMA_RETURN_IF_ERROR(s.Bind(2, lang));
  std::string nfc = text::ToNfc(form);
  ONOMA_RETURN_IF_ERROR(s.Bind(3, std::string_view(nfc)));
  auto row = s.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound("concept '" + std::string(slug) + "' has no " +
                            std::string(lang) + " form '" + nfc + "'");
  }
  std::int64_t id = s.ColumnInt64(0);
  s.Reset();
  return id;
}

Status Touch(store::Connection& db, std::int64_t concept_id) {
  auto touch = db.Cached(
      "UPDATE concept SET modified_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
      "'now') WHERE id = ?1",
      "update concept time");
  if (!touch.ok()) return touch.status();
  ONOMA_RETURN_IF_ERROR((*touch)->Bind(1, concept_id));
  return (*touch)->Run();
}

Result<std::int64_t> ExistingConcept(store::Connection& db,
                                     std::string_view slug) {
  ONOMA_RETURN_IF_ERROR(internal::CheckSlug(slug));
  auto id = internal::FindConceptId(db, slug);
  if (!id.ok()) return id;
  if (*id == 0)
    return Status::NotFound("no concept '" + std::string(slug) + "'");
  return id;
}

}  // namespace

TermStore::TermStore(store::Connection& db) : db_(db) {}

TermStore::TermStore(sqlite::Database& db)
    : owned_(std::make_unique<store::SqliteConnection>(db)), db_(*owned_) {}

TermStore::TermStore(TermStore&& other) noexcept
    : owned_(std::move(other.owned_)), db_(other.db_) {}

TermStore::~TermStore() = default;

Result<std::int64_t> TermStore::Add(const Concept& c, const Term& term) {
  auto txn = store::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  internal::Writer writer(db_);
  auto concept_id = writer.ConceptId(c, /*create=*/true);
  if (!concept_id.ok()) return concept_id;
  auto id = writer.WriteTerm(*concept_id, c.slug, term, /*upsert=*/false);
  if (!id.ok()) return id;
  ONOMA_RETURN_IF_ERROR(Touch(db_, *concept_id));
  ONOMA_RETURN_IF_ERROR(txn->Commit());
  return id;
}

Status TermStore::Edit(std::string_view slug, std::string_view lang,
                       std::string_view form, const TermEdit& edit) {
  auto txn = store::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  auto concept_id = ExistingConcept(db_, slug);
  if (!concept_id.ok()) return concept_id.status();
  internal::Writer writer(db_);
  if (edit.concept_type) {
    auto set = db_.Cached("UPDATE concept SET type = ?2 WHERE id = ?1",
                          "set concept type");
    if (!set.ok()) return set.status();
    ONOMA_RETURN_IF_ERROR((*set)->Bind(1, *concept_id));
    ONOMA_RETURN_IF_ERROR((*set)->Bind(2, Name(*edit.concept_type)));
    ONOMA_RETURN_IF_ERROR((*set)->Run());
  }
  if (lang.empty() && form.empty()) {
    if (edit.form || edit.status || edit.type || edit.note || edit.source ||
        edit.inflection) {
      return Status::BadArgument(
          "a change of a rendering needs its language "
          "and form");
    }
    ONOMA_RETURN_IF_ERROR(Touch(db_, *concept_id));
    return txn->Commit();
  }
  auto term_id = FindTermId(db_, *concept_id, slug, lang, form);
  if (!term_id.ok()) return term_id.status();
  auto entry = internal::LoadConcept(db_, *concept_id);
  if (!entry.ok()) return entry.status();
  Term term;
  for (const Term& t : entry->terms) {
    if (t.id == *term_id) term = t;
  }
  if (edit.form) term.form = *edit.form;
  if (edit.status) term.status = *edit.status;
  if (edit.type) term.type = *edit.type;
  if (edit.note) term.note = *edit.note;
  if (edit.source) term.source = *edit.source;
  if (edit.inflection) term.inflection = *edit.inflection;
  // Delete and write again: the form, and with it every key, may change.
  // The new row gets a new id; nothing refers to term ids outside the store.
  ONOMA_RETURN_IF_ERROR(writer.DeleteTerm(*term_id));
  auto id = writer.WriteTerm(*concept_id, slug, term, /*upsert=*/false);
  if (!id.ok()) return id.status();
  ONOMA_RETURN_IF_ERROR(Touch(db_, *concept_id));
  return txn->Commit();
}

Status TermStore::EditConcept(const Concept& c) {
  auto txn = store::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  auto concept_id = ExistingConcept(db_, c.slug);
  if (!concept_id.ok()) return concept_id.status();
  internal::Writer writer(db_);
  ONOMA_RETURN_IF_ERROR(writer.UpdateConcept(c));
  return txn->Commit();
}

Status TermStore::Remove(std::string_view slug, std::string_view lang,
                         std::string_view form) {
  auto txn = store::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  auto concept_id = ExistingConcept(db_, slug);
  if (!concept_id.ok()) return concept_id.status();
  internal::Writer writer(db_);
  if (!lang.empty() || !form.empty()) {
    auto term_id = FindTermId(db_, *concept_id, slug, lang, form);
    if (!term_id.ok()) return term_id.status();
    ONOMA_RETURN_IF_ERROR(writer.DeleteTerm(*term_id));
    ONOMA_RETURN_IF_ERROR(Touch(db_, *concept_id));
    return txn->Commit();
  }
  auto entry = internal::LoadConcept(db_, *concept_id);
  if (!entry.ok()) return entry.status();
  for (const Term& t : entry->terms) {
    ONOMA_RETURN_IF_ERROR(writer.DeleteTerm(t.id));
  }
  auto remove =
      db_.Cached("DELETE FROM concept WHERE id = ?1", "remove concept");
  if (!remove.ok()) return remove.status();
  ONOMA_RETURN_IF_ERROR((*remove)->Bind(1, *concept_id));
  ONOMA_RETURN_IF_ERROR((*remove)->Run());
  return txn->Commit();
}

Result<Concept> TermStore::Get(std::string_view slug) {
  auto concept_id = ExistingConcept(db_, slug);
  if (!concept_id.ok()) return concept_id.status();
  return internal::LoadConcept(db_, *concept_id);
}

Status TermStore::List(const std::function<Status(const Concept&)>& each) {
  // Its own statement, not a cached one: LoadConcept uses the cache while
  // this one is still stepping.
  auto ids =
      db_.Prepare("SELECT id FROM concept ORDER BY slug", "list concepts");
  if (!ids.ok()) return ids.status();
  for (;;) {
    auto row = (*ids)->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    auto entry = internal::LoadConcept(db_, (*ids)->ColumnInt64(0));
    if (!entry.ok()) return entry.status();
    ONOMA_RETURN_IF_ERROR(each(*entry));
  }
}

namespace {
Result<std::int64_t> Count(store::Connection& db, std::string_view sql) {
  auto count = db.Prepare(sql, "count the term store");
  if (!count.ok()) return count.status();
  auto row = (*count)->Step();
  if (!row.ok()) return row.status();
  return (*count)->ColumnInt64(0);
}
}  // namespace

Result<std::int64_t> TermStore::CountConcepts() {
  return Count(db_, "SELECT count(*) FROM concept");
}
Result<std::int64_t> TermStore::CountTerms() {
  return Count(db_, "SELECT count(*) FROM term");
}
Result<bool> TermStore::AnyInflection() {
  auto any = Count(db_,
                   "SELECT EXISTS (SELECT 1 FROM term WHERE "
                   "inflection <> '')");
  if (!any.ok()) return any.status();
  return *any != 0;
}

Result<ImportStats> TermStore::Import(
    const std::function<Status(TermSink&)>& produce,
    std::int64_t bulk_after_terms) {
  ImportOptions options;
  options.bulk_after_terms = bulk_after_terms;
  return Import(produce, options);
}

Result<ImportStats> TermStore::Import(
    const std::function<Status(TermSink&)>& produce,
    const ImportOptions& options) {
  // A whole termbase is one transaction; with SQLite's default 2 MB page
  // cache its index pages would spill to disk again and again, and the
  // sorts that rebuild the indexes would go through temporary files. 64 MB
  // holds most of a 100k-concept import (bench/terms_bench.cc) and bounds
  // memory whatever the file's size.
  ONOMA_RETURN_IF_ERROR(db_.PrepareBulkWrite());
  auto txn = store::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  internal::Writer writer(db_, options);
  writer.AllowBulk(options.bulk_after_terms);
  ONOMA_RETURN_IF_ERROR(produce(writer));
  // A dry run ends here: the transaction rolls back, dropped indexes and
  // all, as it goes out of scope.
  if (options.dry_run) return writer.stats();
  ONOMA_RETURN_IF_ERROR(writer.Finish());
  ONOMA_RETURN_IF_ERROR(txn->Commit());
  return writer.stats();
}

}  // namespace onoma::terms
