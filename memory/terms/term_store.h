// TermStore: concepts and their renderings, found from any spelling in any
// script. The front door of memory/terms/.
//
//   #include "memory/terms/term_store.h"
//   namespace terms = onoma::terms;
//
//   // Any engine behind the storage seam (memory/store/connection.h):
//   auto db = onoma::store::Open(location, {});  // a path or a URI
//   terms::TermStore store(**db);
//   // or a SQLite database opened by hand:
//   onoma::Result<onoma::sqlite::Database> file = Database::Open(path);
//   terms::TermStore store(*file);
//
//   // Add renderings; the concept is made on first use of its slug.
//   terms::Concept kyiv;
//   kyiv.slug = "kyiv";
//   kyiv.type = terms::ConceptType::kPlace;
//   terms::Term uk;
//   uk.lang = "uk";
//   uk.form = "Київ";                       // status: preferred by default
//   onoma::Result<std::int64_t> id = store.Add(kyiv, uk);
//   // A second preferred uk form is refused (kBadArgument):
//   //   "concept 'kyiv' already has a preferred uk form 'Київ'; ..."
//
//   // Look up: each hit says how it matched (exact, folded, inflected,
//   // romanized, fuzzy), best first.
//   auto hits = store.Lookup("Києві");      // kyiv, inflected
//   auto hits = store.Lookup("키예프");     // kyiv, romanized
//   auto hits = store.Lookup("Kyyiv");      // kyiv, romanized
//
//   // Import many terms in one transaction (memory/formats/ read files):
//   auto stats = store.Import([&](terms::TermSink& sink) {
//     return ReadTsvGlossary(path, sink);   // a failure rolls back all
//   });
//   // An import merges: a type or status the file does not state never
//   // overwrites the store's, and a value the store holds differently is a
//   // conflict, kept (default) or replaced, and counted.
//   terms::ImportOptions merge;
//   merge.on_conflict = terms::OnConflict::kReplace;
//   merge.dry_run = true;                   // rolled back; conflicts listed
//   merge.conflict = [](const terms::ImportConflict& c) { ...; };
//   auto stats = store.Import(produce, merge);   // stats->conflicts
//
// Every write is one Transaction: a failure leaves the store as it was.
// The store keeps each term's search keys (memory/terms/search_keys.h) and
// the fuzzy index itself; callers never write them.
//
// Failure: kBadArgument for a request that breaks a rule (a second
// preferred form, an unknown status), kNotFound for a slug or form the
// store does not have, kBadInput for invalid UTF-8, for text over the
// limits of lib/util/limits.h (a form or negative context over
// kMaxTermBytes, a note, source, definition or subject over
// kMaxTermNoteBytes) and for a control character XML cannot carry (any
// below U+0020 but tab, line feed and carriage return, or U+FFFE/U+FFFF:
// a term file written from the store must be read back), kDatabase for
// the database engine.
//
// Ownership and thread safety: a TermStore borrows its Connection (or
// Database), which must outlive it; like the Connection, it is used by one
// thread at a time.

#ifndef ONOMA_MEMORY_TERMS_TERM_STORE_H_
#define ONOMA_MEMORY_TERMS_TERM_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/terms/term.h"

namespace onoma::sqlite {
class Database;
}
namespace onoma::store {
class Connection;
}

namespace onoma::terms {

// Where an importer puts what it reads. Calls are made inside the store's
// import transaction; a failed call fails the import.
class TermSink {
 public:
  virtual ~TermSink() = default;
  // Creates the concept `c.slug`, or merges `c` into the stored one: its
  // type when the file states it (c.type_known) and its note, source,
  // definition and subject where given (non-empty); a stated value that
  // differs from a stored one is a conflict (ImportOptions). c.terms and
  // c.negative_contexts are ignored: put them one by one.
  [[nodiscard]] virtual Status PutConcept(const Concept& c) = 0;
  // Adds the term to concept `slug` (made, of type other, if unknown), or
  // merges it into the term with the same language and form as PutConcept
  // does: status and term type where known, inflection, note and source
  // where given. Fails like TermStore::Add on a second preferred form.
  [[nodiscard]] virtual Status PutTerm(std::string_view slug,
                                       const Term& term) = 0;
  // Adds a negative context to concept `slug`; a repeat is ignored.
  [[nodiscard]] virtual Status PutNegative(std::string_view slug,
                                           std::string_view phrase) = 0;
};

struct ImportStats {
  std::int64_t concepts = 0;  // PutConcept calls
  std::int64_t terms = 0;     // PutTerm calls
  std::int64_t negatives = 0;
  std::int64_t conflicts = 0;  // ImportConflicts found
};

// A value a file states that the store holds differently: a concept's
// type, note, source, definition or subject, or a stored term's status,
// term type, inflection, note or source. What the file leaves unsaid (an
// unknown type or status, an empty note) is never a conflict: the store
// keeps its value (docs/terms.md, "Importing into a store").
struct ImportConflict {
  std::string slug;
  std::string lang;   // empty for a field of the concept
  std::string form;   // empty for a field of the concept
  std::string field;  // "type", "status", "term_type", "note", ...
  std::string stored;
  std::string file;
};

enum class OnConflict {
  kKeep,     // the store's value stays
  kReplace,  // the file's value is written
};

struct ImportOptions {
  // Default: kKeep.
  OnConflict on_conflict = OnConflict::kKeep;
  // When true, the import is rolled back at the end: the stats and the
  // conflicts say what it would have done. Default: false.
  bool dry_run = false;
  // Called for each conflict as it is found, in the file's order; a
  // failure fails the import. Default: none.
  std::function<Status(const ImportConflict&)> conflict;
  // After this many terms the import switches to bulk mode: the search-key
  // indexes are dropped and rebuilt, sorted, at the end, which is faster
  // for large files and slower for small ones (tests set 0 to exercise
  // it). Default: 20000.
  std::int64_t bulk_after_terms = 20000;
};

// What Edit changes; empty fields stay as they are.
struct TermEdit {
  std::optional<std::string> form;
  std::optional<TermStatus> status;
  std::optional<TermType> type;
  std::optional<std::string> note;
  std::optional<std::string> source;
  std::optional<std::string> inflection;
  // The concept's type (person, place, ...), in the same transaction.
  std::optional<ConceptType> concept_type;
};

struct LookupOptions {
  // Only renderings in this language are returned with each concept (the
  // match itself may be in any language). Default: all.
  std::string lang;
  // At most this many concepts. Default: 10.
  int max_results = 10;
};

class TermStore {
 public:
  // REQUIRES: `db` was opened with migrations (schema 0002 or later) and
  // outlives the store.
  explicit TermStore(store::Connection& db);
  // The same over a SQLite database.
  explicit TermStore(sqlite::Database& db);
  TermStore(TermStore&& other) noexcept;
  TermStore& operator=(TermStore&&) = delete;
  ~TermStore();

  // Adds `term` to the concept `c.slug`, creating the concept (with c's
  // type, note and source) when the store has none by that slug. Returns
  // the term's id. Fails with kBadArgument when the concept already has
  // this (lang, form), or a preferred form of the same kind (full or short)
  // in this language while `term` is preferred.
  [[nodiscard]] Result<std::int64_t> Add(const Concept& c, const Term& term);

  // Changes the term (slug, lang, form) and, with edit.concept_type, its
  // concept's type. With lang and form empty, only the concept is changed
  // (kBadArgument if `edit` holds a change of a term). kNotFound when there
  // is no such concept or term.
  [[nodiscard]] Status Edit(std::string_view slug, std::string_view lang,
                            std::string_view form, const TermEdit& edit);

  // Changes a concept's type, note and source (non-empty fields of `c`).
  [[nodiscard]] Status EditConcept(const Concept& c);

  // Removes one term, or (with lang and form empty) the whole concept with
  // its terms and negative contexts. kNotFound when there is no such thing.
  [[nodiscard]] Status Remove(std::string_view slug, std::string_view lang = {},
                              std::string_view form = {});

  // The concept with its terms (ordered as Concept::terms says) and
  // negative contexts; kNotFound for an unknown slug.
  [[nodiscard]] Result<Concept> Get(std::string_view slug);

  // Concepts that `query` names, best match first; empty when none does.
  // kBadInput when the query is not valid UTF-8 or is longer than
  // limits::kMaxTermBytes (the longest form the store takes). Time and
  // memory grow linearly with the query.
  [[nodiscard]] Result<std::vector<LookupHit>> Lookup(
      std::string_view query, const LookupOptions& options = {});

  // Calls `each` for every concept, ordered by slug, with its terms and
  // negative contexts; stops at, and returns, the first failure of `each`.
  // Memory does not grow with the store.
  [[nodiscard]] Status List(const std::function<Status(const Concept&)>& each);

  // Whether any term has an inflection class (export writes the column
  // only then, keeping the 8 columns of the bundled format otherwise).
  [[nodiscard]] Result<bool> AnyInflection();

  // Number of concepts and terms held.
  [[nodiscard]] Result<std::int64_t> CountConcepts();
  [[nodiscard]] Result<std::int64_t> CountTerms();

  // Runs `produce` with a sink inside one transaction and commits when it
  // returns OK (and options.dry_run is false); otherwise nothing it put
  // stays. The sink merges what it is given into the store, never letting
  // a value the file leaves unknown or empty overwrite a stored one, and
  // settles each conflict as options.on_conflict says. Returns what was
  // put and the number of conflicts.
  [[nodiscard]] Result<ImportStats> Import(
      const std::function<Status(TermSink&)>& produce,
      const ImportOptions& options);
  // The same with default options but bulk_after_terms.
  [[nodiscard]] Result<ImportStats> Import(
      const std::function<Status(TermSink&)>& produce,
      std::int64_t bulk_after_terms = 20000);

 private:
  // Set when the store made its own seam over a sqlite::Database.
  std::unique_ptr<store::Connection> owned_;
  store::Connection& db_;
};

}  // namespace onoma::terms

#endif  // ONOMA_MEMORY_TERMS_TERM_STORE_H_
