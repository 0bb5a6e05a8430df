// The exception list: words whose pronunciation their spelling does not
// tell (사이시옷, ㄴ insertion, ㄹ read [ㄴ] after ㄴ), each with the
// pronunciation that RR writes (chapter 1 clause 1: "romanize the standard
// pronunciation").
//
//   ExceptionList list;
//   Status s = list.Add(contents, "tables/korean/ko-exceptions.txt");
//   list.Apply(run);   // 생산량이 -> 생산냥이, before the sound changes
//
// An entry is two words of Hangul syllables of the same length: the
// spelling and the pronunciation, spelled in Hangul as far as it differs
// (학여울 학녀울: the ㄴ insertion; the nasalization to [항녀울] follows
// from the regular rules). An entry matches anywhere inside a word, so
// that particles and compounds keep it (생산량이, 연간생산량), leftmost
// first and longest first. docs/korean.md tells users how to add their own.
//
// Internal to lib/romanize. Add() is not thread-safe; once built, Apply()
// may be called from many threads at once.

#ifndef ONOMA_LIB_ROMANIZE_KOREAN_EXCEPTIONS_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_KOREAN_EXCEPTIONS_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "lib/romanize/hangul.h"
#include "lib/util/status.h"

namespace onoma::romanize::internal {

class ExceptionList {
 public:
  // Parses `contents` (the format of tables/korean/ko-exceptions.txt) and
  // adds its entries; an entry for a spelling already present replaces it,
  // so a user's file can correct the built-in list. On failure (kBadInput,
  // located at path:line:column) the list is unchanged.
  Status Add(std::string_view contents, std::string_view path);

  // Rewrites every listed spelling in `run` into its pronunciation.
  void Apply(std::span<hangul::Syllable> run) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::vector<hangul::Syllable> spelling;
    std::vector<hangul::Syllable> pronunciation;
  };
  void Index();

  std::vector<Entry> entries_;  // by first syllable, then longest first
  // One bit per syllable (U+AC00 + i): some entry starts with it.
  std::vector<std::uint64_t> starts_;
  // The entries starting with syllable i are entries_[first_[i]] up to
  // entries_[first_[i + 1]]: found without a search.
  std::vector<std::uint32_t> first_;
};

}  // namespace onoma::romanize::internal

#endif  // ONOMA_LIB_ROMANIZE_KOREAN_EXCEPTIONS_INTERNAL_H_
