// The lines of a text already in memory (a table compiled into the binary,
// a list read whole), as the table parsers walk them: numbered from 1,
// without their '\n'. A last line without a '\n' counts; nothing comes
// after a final '\n', and an empty text has no lines. A '\r' before the
// '\n' stays on the line, for the parser to judge. Files and standard
// input are read line by line with LineReader (lib/util/line_reader.h).
//
//   for (TextLines lines(text); lines.Next();) {
//     if (lines.line().empty()) continue;
//     ... .At({path, lines.number(), column, 0}) ...
//   }
//
// The text must outlive the TextLines and the views it gives.

#ifndef ONOMA_LIB_UTIL_TEXT_LINES_H_
#define ONOMA_LIB_UTIL_TEXT_LINES_H_

#include <cstdint>
#include <string_view>

namespace onoma {

class TextLines {
 public:
  explicit TextLines(std::string_view text) : rest_(text) {}

  // Moves to the next line: false after the last.
  bool Next() {
    if (rest_.empty()) return false;
    const std::size_t end = rest_.find('\n');
    if (end == std::string_view::npos) {
      line_ = rest_;
      rest_ = {};
    } else {
      line_ = rest_.substr(0, end);
      rest_.remove_prefix(end + 1);
    }
    ++number_;
    return true;
  }

  // REQUIRES: the last Next() returned true.
  std::string_view line() const { return line_; }
  std::uint32_t number() const { return number_; }

 private:
  std::string_view rest_;
  std::string_view line_;
  std::uint32_t number_ = 0;
};

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_TEXT_LINES_H_
