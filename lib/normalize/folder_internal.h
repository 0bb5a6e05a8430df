// Case folding of a line with a map back to the original bytes, for the
// document normalizer: the automaton runs on folded NFC text, and every
// match is cut out of the original line, which is never rewritten except
// where a name is replaced.
//
// The line is cut into NFC segments (a character and the combining marks
// that NFC would compose with it); each segment is folded on its own
// (text::FoldCase, which composes first), so a folded offset at a segment
// start maps to an original offset, and one inside a segment to kMid: a
// match may only begin and end on segment starts.
//
// Thread safety: a Folder caches folds of BMP code points; one per thread.

#ifndef ONOMA_LIB_NORMALIZE_FOLDER_INTERNAL_H_
#define ONOMA_LIB_NORMALIZE_FOLDER_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::normalize::internal {

class Folder {
 public:
  static constexpr std::uint32_t kMid = 0xFFFFFFFF;

  Folder();

  // Folds `line` (valid UTF-8) into `folded`; `map` gets folded.size() + 1
  // entries: map[i] is the original offset of folded byte i, or kMid.
  void Fold(std::string_view line, std::string& folded,
            std::vector<std::uint32_t>& map);

 private:
  struct Cached {
    std::uint8_t state = 0;     // 0 not yet, 1 filled
    std::uint8_t boundary = 0;  // NFC boundary before the code point
    std::uint8_t length = 0;
    char bytes[13] = {};
  };
  const Cached& Lookup(char32_t c);

  std::vector<Cached> bmp_;
};

}  // namespace onoma::normalize::internal

#endif  // ONOMA_LIB_NORMALIZE_FOLDER_INTERNAL_H_
