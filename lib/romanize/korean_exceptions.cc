// Tested by tests/romanize/korean_rr_test.cc (ExceptionListTest) and the
// ㄴ-insertion and [ㄴㄴ] rows of tests/data/romanize/ko-rr-rules.tsv.

#include <algorithm>
#include <utility>

#include "lib/romanize/korean_exceptions_internal.h"
#include "lib/romanize/korean_table_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

}  // namespace

Status ExceptionList::Add(std::string_view contents, std::string_view path) {
  std::vector<Entry> added;
  for (const TableLine& line : SplitTableLines(contents)) {
    const TableField& first = line.fields[0];
    if (line.fields.size() != 2) {
      const TableField& at =
          line.fields.size() > 2 ? line.fields[2] : line.fields[0];
      return TableError(path, line, at,
                        "expected two words: the spelling and the "
                        "pronunciation (a comment starts with #)");
    }
    Entry entry;
    if (!hangul::ToSyllables(first.text, &entry.spelling)) {
      return TableError(path, line, first,
                        "the spelling must be Hangul syllables only");
    }
    if (!hangul::ToSyllables(line.fields[1].text, &entry.pronunciation)) {
      return TableError(path, line, line.fields[1],
                        "the pronunciation must be Hangul syllables only");
    }
    if (entry.spelling.size() != entry.pronunciation.size()) {
      return TableError(path, line, line.fields[1],
                        "the pronunciation must have as many syllables as "
                        "the spelling");
    }
    if (entry.spelling.size() < 2) {
      return TableError(path, line, first,
                        "an entry needs two syllables or more (a sound "
                        "change happens between syllables)");
    }
    added.push_back(std::move(entry));
  }
  for (Entry& entry : added) {
    auto same = std::find_if(
        entries_.begin(), entries_.end(),
        [&](const Entry& e) { return e.spelling == entry.spelling; });
    if (same != entries_.end()) {
      *same = std::move(entry);
    } else {
      entries_.push_back(std::move(entry));
    }
  }
  Index();
  return Status::Ok();
}

void ExceptionList::Index() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) {
              unsigned ia = hangul::SyllableIndex(a.spelling[0]);
              unsigned ib = hangul::SyllableIndex(b.spelling[0]);
              if (ia != ib) return ia < ib;
              return a.spelling.size() > b.spelling.size();
            });
  starts_.assign((11172 + 63) / 64, 0);
  first_.assign(11172 + 1, 0);
  for (const Entry& e : entries_) {
    unsigned i = hangul::SyllableIndex(e.spelling[0]);
    starts_[i / 64] |= std::uint64_t{1} << (i % 64);
    ++first_[i + 1];
  }
  for (std::size_t i = 1; i < first_.size(); ++i) first_[i] += first_[i - 1];
}

void ExceptionList::Apply(std::span<Syllable> run) const {
  if (entries_.empty() || run.size() < 2) return;
  std::size_t i = 0;
  while (i + 1 < run.size()) {
    unsigned first = hangul::SyllableIndex(run[i]);
    if ((starts_[first / 64] >> (first % 64) & 1) == 0) {
      ++i;
      continue;
    }
    std::size_t matched = 0;
    for (std::uint32_t e = first_[first]; e < first_[first + 1]; ++e) {
      const Entry& entry = entries_[e];
      const auto& spelling = entry.spelling;
      if (spelling.size() > run.size() - i) continue;
      if (std::equal(spelling.begin() + 1, spelling.end(),
                     run.begin() + i + 1)) {
        std::copy(entry.pronunciation.begin(), entry.pronunciation.end(),
                  run.begin() + i);
        matched = spelling.size();
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
}

}  // namespace onoma::romanize::internal
