// What the commands show on a terminal: whether to highlight, text from the
// memory made safe to print, and a progress line for long index builds.
// Shared by `tm lookup`, `tm concordance`, `term list` and `term lookup`.
//
// Not thread-safe; the command runs on one thread.

#ifndef ONOMA_CLI_TERMINAL_H_
#define ONOMA_CLI_TERMINAL_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace onoma::cli {

// How text output is shown.
struct Display {
  // Standard output is a terminal: control characters from the memory
  // (a segment may hold line breaks, and C1 controls, which XML allows)
  // are shown as U+FFFD rather than sent to it.
  bool terminal = false;
  // Highlighting: at a terminal, unless the user has asked for no colour
  // (https://no-color.org).
  bool highlight = false;
};

// The display for standard output; `json` output is never decorated.
Display ChooseDisplay(bool json);

// Appends `text` (valid UTF-8) to `out`, its control characters replaced
// when the display is a terminal.
void AppendShown(std::string& out, std::string_view text,
                 const Display& display);

// A progress line on standard error for an index being built: on a
// terminal only, at most five times a second, cleared when done.
class ProgressLine {
 public:
  // `pattern` is a translated message with {0} for the percentage.
  explicit ProgressLine(std::string pattern);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Update(std::uint64_t done, std::uint64_t total);

 private:
  std::string pattern_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_TERMINAL_H_
