// What the commands show on a terminal: whether to highlight, text from the
// memory made safe to print, and the progress line of long work. Shared by
// every command that shows them.
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

// A progress line on standard error: on a terminal only, redrawn in place,
// and cleared before anything else is printed and when it goes. The one
// progress reporter of the commands: index builds (a percentage), tm
// import (units and rate), term import (terms read), normalize ("[3/40]
// file.txt").
class ProgressLine {
 public:
  // A line that shows what Show() is given.
  ProgressLine();
  // A line for an index being built: `pattern` is a translated message
  // with {0} for the percentage that Update() shows.
  explicit ProgressLine(std::string pattern);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Shows the pattern with done * 100 / total; at most five times a
  // second. Nothing for total 0.
  void Update(std::uint64_t done, std::uint64_t total);

  // Shows `text` in place of the line shown before: at most five times a
  // second, or each time when `always`.
  void Show(std::string_view text, bool always = false);

  // Clears the line, so that a message can be printed.
  void Clear();

  // Shows nothing from now on (a progress line that would not help).
  void Disable() { enabled_ = false; }

 private:
  std::string pattern_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_TERMINAL_H_
