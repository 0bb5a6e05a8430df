// One line of text to its romanization under one scheme, or under --scheme
// auto each run of Cyrillic or Hangul under its own: `onoma romanize` and
// `onoma serve`'s /api/romanize.

#ifndef ONOMA_CLI_LINE_CONVERTER_H_
#define ONOMA_CLI_LINE_CONVERTER_H_

#include <string>
#include <string_view>

#include "lib/romanize/scheme.h"
#include "lib/util/status.h"

namespace onoma::cli {

// Thread safety: Convert is const and the schemes are safe to share, so
// one converter may serve many threads. The schemes must outlive it.
class LineConverter {
 public:
  // A single scheme, forward or reverse.
  LineConverter(const romanize::Scheme* scheme, bool reverse,
                romanize::RomanizeOptions options)
      : single_(scheme), reverse_(reverse), options_(options) {}
  // --scheme auto: each run of Cyrillic or Hangul to its scheme; either may
  // be null, and then that script passes through.
  LineConverter(const romanize::Scheme* cyrillic,
                const romanize::Scheme* hangul,
                romanize::RomanizeOptions options)
      : cyrillic_(cyrillic), hangul_(hangul), options_(options) {}

  // Appends the converted `line` to `out`. Fails only going back
  // (reverse) from text the scheme cannot read.
  Status Convert(std::string_view line, std::string& out) const;

  // Whether ConvertChecked serves: a single scheme, forward.
  bool checks() const { return single_ != nullptr && !reverse_; }
  // Convert for a line not yet validated, checked in the engine's own
  // decoding pass: false when it is not valid UTF-8, and then what was
  // appended to `out` is to be dropped. REQUIRES: checks().
  bool ConvertChecked(std::string_view line, std::string& out) const {
    return single_->RomanizeCheckedTo(line, options_, out);
  }

 private:
  // Splits the line where the script changes between Cyrillic and Hangul;
  // every other character stays with the run it is in, and each scheme
  // passes through what is not its own.
  void ConvertAuto(std::string_view line, std::string& out) const;
  void Flush(std::string_view run, const romanize::Scheme* scheme,
             std::string& out) const;

  const romanize::Scheme* single_ = nullptr;
  const romanize::Scheme* cyrillic_ = nullptr;
  const romanize::Scheme* hangul_ = nullptr;
  bool reverse_ = false;
  romanize::RomanizeOptions options_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_LINE_CONVERTER_H_
