// Shared by term_store.cc, term_writer.cc and term_lookup.cc; not part of
// the store's interface.

#ifndef ONOMA_MEMORY_TERMS_TERM_STORE_INTERNAL_H_
#define ONOMA_MEMORY_TERMS_TERM_STORE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lib/util/status.h"
#include "memory/store/connection.h"
#include "memory/terms/term.h"
#include "memory/terms/term_store.h"

namespace onoma::terms::internal {

// The concept with id `id`, its terms and negative contexts.
Result<Concept> LoadConcept(store::Connection& db, std::int64_t id);

// The id of the concept `slug`, or 0 when there is none.
Result<std::int64_t> FindConceptId(store::Connection& db,
                                   std::string_view slug);

// Writes terms and concepts; the caller holds the transaction. Used by
// TermStore's single writes and by Import.
class Writer : public TermSink {
 public:
  // `options` (on_conflict, conflict) settle the conflicts of PutConcept
  // and PutTerm.
  explicit Writer(store::Connection& db, ImportOptions options = {})
      : db_(db), options_(std::move(options)) {}

  Status PutConcept(const Concept& c) override;
  Status PutTerm(std::string_view slug, const Term& term) override;
  Status PutNegative(std::string_view slug, std::string_view phrase) override;

  // Sets the concept's type, and its note and source where non-empty: an
  // edit, not a merge. kNotFound when there is no such concept.
  Status UpdateConcept(const Concept& c);

  // The concept's id; when it does not exist, creates it from `c` if
  // `create`, else fails with kNotFound.
  Result<std::int64_t> ConceptId(const Concept& c, bool create);
  // Inserts `term` and returns its id (upsert: or merges it into the one
  // with its lang and form as PutTerm says, and returns 0).
  Result<std::int64_t> WriteTerm(std::int64_t concept_id, std::string_view slug,
                                 const Term& term, bool upsert);
  // Deletes a term, and the fuzzy keys of its skeleton when no other term
  // has that skeleton.
  Status DeleteTerm(std::int64_t term_id);

  const ImportStats& stats() const { return stats_; }

  // For Import: once this many terms have been put, the writer drops the
  // search-key indexes and keeps new fuzzy keys in memory, and Finish()
  // rebuilds the indexes and writes the keys, both in sorted order.
  // Inserting 400k random keys into B-trees one by one is what made a
  // large import slow; a sorted rebuild is several times faster
  // (bench/terms_bench.cc). Small imports never pay for a rebuild.
  void AllowBulk(std::int64_t after_terms) { bulk_after_ = after_terms; }
  // Completes a bulk import; a no-op otherwise. REQUIRES: the transaction
  // is still open.
  Status Finish();

 private:
  // Counts and reports a conflict over `field`; true when the file's value
  // is to be written.
  Result<bool> Conflict(std::string_view slug, std::string_view lang,
                        std::string_view form, std::string_view field,
                        std::string_view stored, std::string_view file);
  // Merges a text field: the file's `given` value into `stored`, which it
  // fills when empty; a different non-empty value is a conflict.
  Status MergeText(std::string_view slug, std::string_view lang,
                   std::string_view form, std::string_view field,
                   std::string_view given, std::string& stored, bool& changed);
  // Merges `term` into the stored term (concept_id, lang, form).
  Status MergeTerm(std::int64_t concept_id, std::string_view slug,
                   const Term& term);
  // Merges `c` into the stored concept `id`.
  Status MergeConcept(std::int64_t id, const Concept& c);

  // A clear message for a second preferred form, or `failure` unchanged.
  Status ExplainConflict(std::int64_t concept_id, std::string_view slug,
                         const Term& term, Status failure);

  Status EnterBulk();
  // Puts the deletion neighbourhood of `latin` into term_fuzzy, or stages
  // it in bulk mode; once per skeleton and writer.
  Status IndexSkeleton(const std::string& latin);
  // Puts the typing neighbourhood of the folded form `fold`
  // (TypingNeighbourhood) into term_fuzzy, the same way.
  Status IndexTyping(const std::string& fold);
  // `keys` for `owner` (a skeleton, or TypingOwner of a folded form).
  Status IndexKeys(const std::string& owner, std::vector<std::string> keys);
  // Removes `keys` of `owner` unless `shared_sql` (bound to `key`) finds
  // another term that has it.
  Status UnindexKeys(std::string_view shared_sql, const std::string& key,
                     const std::string& owner,
                     const std::vector<std::string>& keys);

  store::Connection& db_;
  ImportOptions options_;
  std::unordered_map<std::string, std::int64_t> ids_;
  ImportStats stats_;
  std::int64_t bulk_after_ = -1;  // -1: never
  // The skeletons and folded forms this writer has indexed (or found
  // indexed): names share skeletons (the en, uk and ru forms of one name; 400k
  // generated terms have 34k), so each is written once.
  std::unordered_set<std::string> indexed_keys_;
  // Bulk mode: (key, skeleton) rows for term_fuzzy, written by Finish().
  std::vector<std::pair<std::string, std::string>> staged_fuzzy_;
  bool bulk_ = false;
};

// Checks a slug: ASCII letters, digits, '-', '_' and '.', not empty.
Status CheckSlug(std::string_view slug);

}  // namespace onoma::terms::internal

#endif  // ONOMA_MEMORY_TERMS_TERM_STORE_INTERNAL_H_
