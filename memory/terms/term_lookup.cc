// TermStore::Lookup: from whatever the user typed to the concepts it names.
//
// Five stages, strongest first, each an indexed look-up on one key of the
// `term` table (search_keys.h makes the keys, from the stored forms when
// writing and from the query here):
//   exact      fold_key, and form = the query (NFC)
//   folded     fold_key: case and Latin diacritics ignored
//   inflected  stem_key (Ukrainian/Russian case endings, English 's), or
//              fold_key of the query with a Korean particle stripped
//   romanized  latin_key: the phonetic skeleton, where scripts meet
//   fuzzy      latin_key within FuzzyThreshold edits: skeletons through
//              term_fuzzy, then their terms through latin_key;
//              tried only when no spelling (exact, folded, inflected)
//              matched, since a typo is the last explanation and the
//              costliest to look for
// A concept keeps the best way it matched. Then the ranking rule of
// docs/terms.md ("Ranking"): spelling matches hide every romanized and
// fuzzy one; otherwise a fuzzy match whose Latin form is one edit from the
// query's ranks with the romanized ones, and a weak match is listed only
// when its Latin form is nearly as close as the best one's. Tested by
// tests/terms/lookup_test.cc and, against real-world spellings,
// tests/terms/lookup_eval_test.cc.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/text.h"
#include "lib/util/limits.h"
#include "memory/store/connection.h"
#include "memory/terms/search_keys.h"
#include "memory/terms/term_store.h"
#include "memory/terms/term_store_internal.h"

namespace onoma::terms {
namespace {

// Rows read per key and stage: a short skeleton shared by thousands of
// generated names must not turn one lookup into a scan.
constexpr int kRowsPerKey = 500;

// A fuzzy match whose plain Latin form is this many edits or fewer from
// the query's is a typo of that very spelling (Kyvi, Kharkvi): it scores
// as a romanized match, so that no skeleton-only match outranks it.
constexpr int kLatinTypo = 1;

// A romanized or fuzzy match with the best score is listed only when its
// Latin form is at most this many edits further from the query's than the
// closest match's; one with a lower score only when it is no further.
constexpr int kCloseMargin = 1;

// Beyond this many edits, Latin forms are simply far apart.
constexpr int kFar = 16;

// A candidate that is no typo of the query's spelling.
constexpr int kNoTypo = 1000;

// The score of a concept found as a typo of one of its forms: with one
// slip above every romanized match (a form the user meant to type beats
// one that merely sounds alike), with two beside them.
int TypoScore(int slips) { return slips <= 1 ? 85 : 80; }

struct Candidate {
  MatchKind kind;
  int score;
  std::string form;
  int distance = 0;
  // For matches through the skeleton, which many names can share: the edit
  // distance between the query's and the form's plain romanizations, so
  // that Kyyiv ranks Kyiv above Kobe. Lower is better.
  int closeness = 0;
  // The fewest slips from the query to a form of the concept in the same
  // script (TypingDistance), when within the form's TypoThreshold; else
  // kNoTypo.
  int typing = kNoTypo;
};

int ScoreOf(MatchKind kind, int distance, int closeness) {
  switch (kind) {
    case MatchKind::kExact:
      return 100;
    case MatchKind::kFolded:
      return 95;
    case MatchKind::kInflected:
      return 90;
    case MatchKind::kRomanized:
      return 80;
    case MatchKind::kFuzzy:
      return closeness <= kLatinTypo ? 80 : 80 - 10 * distance;
  }
  return 0;
}

class Collector {
 public:
  Collector(store::Connection& db, std::vector<std::string> query_plains)
      : db_(db), query_plains_(std::move(query_plains)) {}

  // Adds every concept whose term has `column` = `key`.
  // With `exact_form`, a row whose form is exactly that counts as kExact.
  Status Find(std::string_view sql, std::string_view key, MatchKind kind,
              std::string_view exact_form = {}) {
    auto find = db_.Cached(sql, "look up term");
    if (!find.ok()) return find.status();
    store::Statement& s = **find;
    ONOMA_RETURN_IF_ERROR(s.Bind(1, key));
    ONOMA_RETURN_IF_ERROR(s.Bind(2, kRowsPerKey));
    for (;;) {
      auto row = s.Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      std::string form = s.ColumnText(1);
      bool exact = !exact_form.empty() && form == exact_form;
      int closeness = 0;
      if (kind == MatchKind::kRomanized) {
        closeness = Closeness(form, s.ColumnTextView(2));
      }
      Offer(s.ColumnInt64(0), exact ? MatchKind::kExact : kind, std::move(form),
            0, closeness);
    }
  }

  // Adds every concept with a skeleton within FuzzyThreshold edits of
  // `key`: the skeletons that share a deletion-neighbourhood entry with it
  // (term_fuzzy), then their terms (term_by_latin).
  Status Fuzzy(const std::string& key) {
    int limit = FuzzyThreshold(key.size());
    if (limit == 0) return Status::Ok();
    std::map<std::string, int> near;  // skeleton -> distance
    {
      auto find =
          db_.Cached("SELECT latin_key FROM term_fuzzy WHERE key = ?1 LIMIT ?2",
                     "look up skeleton by fuzzy key");
      if (!find.ok()) return find.status();
      store::Statement& s = **find;
      // Empty for a key too long for the index to hold anything near it.
      for (const std::string& variant :
           DeletionNeighbourhood(key, kMaxFuzzyKeyBytes + 1)) {
        s.Reset();
        ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(variant)));
        ONOMA_RETURN_IF_ERROR(s.Bind(2, kRowsPerKey));
        for (;;) {
          auto row = s.Step();
          if (!row.ok()) return row.status();
          if (!*row) break;
          std::string_view latin = s.ColumnTextView(0);
          if (near.count(std::string(latin))) continue;
          int d = EditDistance(key, latin, limit);
          if (d <= limit) near.emplace(latin, d);
        }
      }
    }
    auto terms = db_.Cached(
        "SELECT concept_id, form, lang FROM term WHERE latin_key = ?1 "
        "LIMIT ?2",
        "look up term by skeleton");
    if (!terms.ok()) return terms.status();
    store::Statement& s = **terms;
    for (const auto& [latin, d] : near) {
      s.Reset();
      ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(latin)));
      ONOMA_RETURN_IF_ERROR(s.Bind(2, kRowsPerKey));
      for (;;) {
        auto row = s.Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        std::string form = s.ColumnText(1);
        int closeness = Closeness(form, s.ColumnTextView(2));
        Offer(s.ColumnInt64(0), MatchKind::kFuzzy, std::move(form), d,
              closeness);
      }
    }
    return Status::Ok();
  }

  // Adds every concept with a form within TypoThreshold slips of the
  // folded query `fold` (TypingDistance): the folded forms that share a
  // typing key with it (term_fuzzy), then their terms (term_by_fold).
  // Forms two slips away are looked for only when none is one slip away:
  // the ranking would hide them. Sets `found` when some form was.
  Status Typos(const std::string& fold, bool& found) {
    std::map<std::string, int> near;  // folded form -> slips
    int fewest = kNoTypo;
    for (bool two_slips : {false, true}) {
      if (two_slips && fewest <= 1) break;
      auto find =
          db_.Cached("SELECT latin_key FROM term_fuzzy WHERE key = ?1 LIMIT ?2",
                     "look up form by typing key");
      if (!find.ok()) return find.status();
      store::Statement& s = **find;
      for (const std::string& key : TypingQueryKeys(fold, two_slips)) {
        s.Reset();
        ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(key)));
        ONOMA_RETURN_IF_ERROR(s.Bind(2, kRowsPerKey));
        for (;;) {
          auto row = s.Step();
          if (!row.ok()) return row.status();
          if (!*row) break;
          std::string_view form = TypingOwnerFold(s.ColumnTextView(0));
          if (form == fold || near.count(std::string(form))) continue;
          int limit = TypoThreshold(form);
          int d = TypingDistance(fold, form, limit);
          if (d > limit) continue;
          near.emplace(form, d);
          fewest = std::min(fewest, d);
        }
      }
    }
    found = !near.empty();
    auto terms = db_.Cached(
        "SELECT concept_id, form, lang FROM term WHERE fold_key = ?1 LIMIT ?2",
        "look up term by folded form");
    if (!terms.ok()) return terms.status();
    store::Statement& s = **terms;
    for (const auto& [form_fold, d] : near) {
      s.Reset();
      ONOMA_RETURN_IF_ERROR(s.Bind(1, std::string_view(form_fold)));
      ONOMA_RETURN_IF_ERROR(s.Bind(2, kRowsPerKey));
      for (;;) {
        auto row = s.Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        std::string form = s.ColumnText(1);
        int closeness = Closeness(form, s.ColumnTextView(2));
        Offer(s.ColumnInt64(0), MatchKind::kFuzzy, std::move(form), d,
              closeness, d);
      }
    }
    return Status::Ok();
  }

  bool empty() const { return best_.empty(); }
  // Whether some concept matched by its spelling: exact, folded or
  // inflected.
  bool spelled() const {
    return std::any_of(best_.begin(), best_.end(), [](const auto& entry) {
      return entry.second.kind < MatchKind::kRomanized;
    });
  }
  const std::map<std::int64_t, Candidate>& best() const { return best_; }

 private:
  // The fewest edits from one of the query's plain Latin readings to the
  // form's.
  int Closeness(std::string_view form, std::string_view lang) const {
    std::string plain = PlainLatin(form, lang);
    int best = kFar + 1;
    for (const std::string& query : query_plains_) {
      best = std::min(best, EditDistance(query, plain, kFar));
    }
    return best;
  }

  void Offer(std::int64_t concept_id, MatchKind kind, std::string form,
             int distance, int closeness = 0, int typing = kNoTypo) {
    int score = typing == kNoTypo ? ScoreOf(kind, distance, closeness)
                                  : TypoScore(typing);
    auto it = best_.find(concept_id);
    if (it != best_.end() && typing != kNoTypo &&
        it->second.kind == MatchKind::kRomanized) {
      // The concept sounds alike and is a typo away: it stays romanized
      // (the stronger kind of match), ranked as the typo.
      it->second.typing = std::min(it->second.typing, typing);
      it->second.score = std::max(it->second.score, score);
      return;
    }
    if (it != best_.end() &&
        (it->second.score > score ||
         (it->second.score == score && it->second.closeness <= closeness))) {
      it->second.typing = std::min(it->second.typing, typing);
      return;
    }
    typing = it == best_.end() ? typing : std::min(it->second.typing, typing);
    best_[concept_id] =
        Candidate{kind, score, std::move(form), distance, closeness, typing};
  }

  store::Connection& db_;
  std::vector<std::string> query_plains_;
  std::map<std::int64_t, Candidate> best_;
};

}  // namespace

Result<std::vector<LookupHit>> TermStore::Lookup(std::string_view query,
                                                 const LookupOptions& options) {
  // Checked before anything is derived from the query: every key below
  // costs time and memory that grow with it.
  if (query.size() > limits::kMaxTermBytes) {
    return Status::BadInput("the query is " + std::to_string(query.size()) +
                            " bytes long; a term lookup takes at most " +
                            std::to_string(limits::kMaxTermBytes) +
                            " (docs/terms.md, \"Limits\")");
  }
  ONOMA_RETURN_IF_ERROR(text::ValidateUtf8(query, "query"));
  std::vector<LookupHit> hits;
  std::string nfc = text::ToNfc(query);
  std::string fold = FoldKey(nfc);
  if (fold.empty()) return hits;

  std::vector<std::string> plains = {PlainLatin(nfc, "uk")};
  switch (text::DominantScript(nfc)) {
    case text::Script::kCyrillic:
      plains.push_back(PlainLatin(nfc, "ru"));
      break;
    case text::Script::kLatin:
      plains.push_back(PlainLatin(CentralEuropeanReading(nfc), "en"));
      break;
    default:
      break;
  }
  Collector found(db_, std::move(plains));
  // Exact and folded in one look-up: an exact match folds alike too.
  ONOMA_RETURN_IF_ERROR(found.Find(
      "SELECT concept_id, form FROM term WHERE fold_key = ?1 LIMIT ?2", fold,
      MatchKind::kFolded, nfc));
  ONOMA_RETURN_IF_ERROR(found.Find(
      "SELECT concept_id, form FROM term WHERE stem_key = ?1 LIMIT ?2",
      StemKey(fold), MatchKind::kInflected));
  for (const std::string& lemma : ParticleCandidates(fold)) {
    ONOMA_RETURN_IF_ERROR(found.Find(
        "SELECT concept_id, form FROM term WHERE fold_key = ?1 LIMIT ?2", lemma,
        MatchKind::kInflected));
  }
  std::vector<std::string> latin_keys = QueryLatinKeys(nfc);
  for (const std::string& key : latin_keys) {
    ONOMA_RETURN_IF_ERROR(found.Find(
        "SELECT concept_id, form, lang FROM term WHERE latin_key = ?1 "
        "LIMIT ?2",
        key, MatchKind::kRomanized));
  }
  bool spelled = found.spelled();
  if (!spelled) {
    bool typo = false;
    ONOMA_RETURN_IF_ERROR(found.Typos(fold, typo));
    // A typo of a stored form hides every skeleton-only match (docs/
    // terms.md, "Typos"): the skeleton's neighbours need not be looked for.
    for (const std::string& key : latin_keys) {
      if (typo) break;
      ONOMA_RETURN_IF_ERROR(found.Fuzzy(key));
    }
  }

  std::vector<std::pair<std::int64_t, const Candidate*>> ranked;
  for (const auto& [id, candidate] : found.best()) {
    ranked.emplace_back(id, &candidate);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) {
                     if (a.second->typing != b.second->typing) {
                       return a.second->typing < b.second->typing;
                     }
                     if (a.second->score != b.second->score) {
                       return a.second->score > b.second->score;
                     }
                     if (a.second->closeness != b.second->closeness) {
                       return a.second->closeness < b.second->closeness;
                     }
                     return a.second->kind < b.second->kind;
                   });
  if (spelled) {
    std::erase_if(ranked, [](const auto& hit) {
      return hit.second->kind >= MatchKind::kRomanized;
    });
  } else if (!ranked.empty() && ranked.front().second->typing != kNoTypo) {
    // Typos of a form the user meant to type: the concepts that merely
    // sound alike, and those a further slip away, are noise beside them.
    int nearest = ranked.front().second->typing;
    std::erase_if(ranked, [nearest](const auto& hit) {
      return hit.second->typing > nearest;
    });
  } else if (!ranked.empty()) {
    int top = ranked.front().second->score;
    int closest = kFar + 1;
    for (const auto& hit : ranked) {
      closest = std::min(closest, hit.second->closeness);
    }
    std::erase_if(ranked, [top, closest](const auto& hit) {
      int margin = hit.second->score == top ? kCloseMargin : 0;
      return hit.second->closeness > closest + margin;
    });
  }
  if (options.max_results >= 0 &&
      ranked.size() > static_cast<std::size_t>(options.max_results)) {
    ranked.resize(options.max_results);
  }
  for (const auto& [id, candidate] : ranked) {
    auto entry = internal::LoadConcept(db_, id);
    if (!entry.ok()) return entry.status();
    if (!options.lang.empty()) {
      std::erase_if(entry->terms,
                    [&](const Term& t) { return t.lang != options.lang; });
    }
    hits.push_back(LookupHit{std::move(*entry), candidate->kind,
                             candidate->score, candidate->form,
                             candidate->distance});
  }
  return hits;
}

}  // namespace onoma::terms
