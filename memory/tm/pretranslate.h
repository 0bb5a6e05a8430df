// Pretranslation: a report cut into segments, each looked up in the
// translation memory, the best proposal filled in and put in the house
// style, with an analysis of how much of the report the memory covers
// (docs/pretranslate.md).
//
//   tm::PretranslateOptions options;
//   options.from = "en";
//   options.to = "uk";
//   options.min_score = 75;          // fill a target from 75 up
//   options.matcher = &matcher;      // optional: the term store compiled
//   options.terms = &input;          // (lib/normalize), and its concepts
//   auto pre = tm::Pretranslator::Open(db, options);
//   if (!pre.ok()) return pre.status();
//   auto splitter = segment::SentenceSplitter::Create("en");
//   tm::Analysis analysis;
//   auto draft = pre->Run(report_text, "report.txt", *splitter, analysis);
//   formats::WriteXliff20(*draft);   // memory/formats/draft.h
//
// For each segment (segment::SegmentDocument: a line is a paragraph):
//   - the memory's matches (tm::Lookup, memory/tm/lookup.h), numbers and
//     the store's names that differ already substituted in the proposal;
//   - when the best scores at least min_score, its proposal as the target,
//     normalized with the store as `onoma normalize` does (a deprecated
//     spelling in an old stored target comes out preferred), what was
//     substituted and normalized in the segment's notes;
//   - every match scoring at least min_score as a candidate, with the
//     stored source and target markup and the memory source it came from;
//   - the store's terms found in the segment, with their preferred form in
//     the target language.
// The analysis counts segments and words by the best match's band; a
// segment without a match from min_score up is therefore looked up again
// down to kAnalysisFloor.
//
// Failure: as Lookup::Open and Lookup::Find (kBadArgument for a bad
// language tag, kDatabase from SQLite); kBadInput for a segment too long
// to look up, located at its line.
//
// Ownership: borrows the Database, the Matcher and the Input, which must
// outlive it. Thread safety: one thread, as the Database.

#ifndef ONOMA_MEMORY_TM_PRETRANSLATE_H_
#define ONOMA_MEMORY_TM_PRETRANSLATE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "lib/util/status.h"
#include "memory/formats/draft.h"
#include "memory/tm/lookup.h"

namespace onoma::normalize {
class Matcher;
struct Input;
}  // namespace onoma::normalize
namespace onoma::segment {
class SentenceSplitter;
}
namespace onoma::sqlite {
class Database;
}

namespace onoma::tm {

// The lowest score the analysis tells apart from "no match".
inline constexpr int kAnalysisFloor = 50;

// Segments and words by match band, as a CAT tool's analysis counts them.
class Analysis {
 public:
  // The bands, best first: 100, 95-99, 85-94, 75-84, 50-74, no match.
  static constexpr std::size_t kBands = 6;
  struct Count {
    std::uint64_t segments = 0;
    std::uint64_t words = 0;
  };
  // The band of a best score (-1: no match).
  static std::size_t BandOf(int score);
  // "100", "95-99", ..., "no match".
  static std::string_view BandName(std::size_t band);

  void Add(int score, std::uint64_t words) {
    Count& c = bands_[BandOf(score)];
    ++c.segments;
    c.words += words;
  }
  void Add(const Analysis& other) {
    for (std::size_t b = 0; b < kBands; ++b) {
      bands_[b].segments += other.bands_[b].segments;
      bands_[b].words += other.bands_[b].words;
    }
  }
  const Count& band(std::size_t b) const { return bands_[b]; }
  Count total() const {
    Count t;
    for (const Count& c : bands_) {
      t.segments += c.segments;
      t.words += c.words;
    }
    return t;
  }

 private:
  std::array<Count, kBands> bands_{};
};

struct PretranslateOptions {
  std::string from;  // BCP 47, the report's language
  std::string to;
  int min_score = 75;   // 0-100: fill a target, offer a candidate
  int max_matches = 5;  // candidates kept per segment, at least 1
  // Optional, together: the term store compiled, and what it was compiled
  // from. Without them only numbers are substituted, nothing is
  // normalized and no glossary is given.
  const normalize::Matcher* matcher = nullptr;
  const normalize::Input* terms = nullptr;
  // As LookupOptions: the index build's progress, and a stale index.
  std::function<void(const IndexProgress&)> on_progress;
  std::function<void()> on_index_stale;
};

class Pretranslator {
 public:
  // Opens the memory's lookup (bringing its index up to date, as
  // Lookup::Open does), on any engine behind the storage seam
  // (memory/store/connection.h). REQUIRES: `db` outlives the Pretranslator.
  [[nodiscard]] static Result<Pretranslator> Open(
      store::Connection& db, const PretranslateOptions& options);
  // The same over a SQLite database, which must outlive the Pretranslator.
  [[nodiscard]] static Result<Pretranslator> Open(
      sqlite::Database& db, const PretranslateOptions& options);
  Pretranslator(Pretranslator&&) noexcept;
  Pretranslator& operator=(Pretranslator&&) noexcept;
  ~Pretranslator();

  // The draft of `text` (valid UTF-8; a line per paragraph), named
  // `original`, its segments counted into `analysis`. `splitter` is the
  // report language's (or an SRX file's) and is used for this call only.
  [[nodiscard]] Result<formats::Draft> Run(std::string_view text,
                                           std::string_view original,
                                           segment::SentenceSplitter& splitter,
                                           Analysis& analysis);

 private:
  struct Impl;
  explicit Pretranslator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onoma::tm

#endif  // ONOMA_MEMORY_TM_PRETRANSLATE_H_
