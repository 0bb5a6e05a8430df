// The file side of `onoma normalize` (cli/normalize_command.cc): reading
// lines with a look-ahead for language detection, the JSON Lines report,
// atomic in-place rewriting and a progress line.
//
// Not thread-safe; the command runs on one thread.

#ifndef ONOMA_CLI_NORMALIZE_IO_H_
#define ONOMA_CLI_NORMALIZE_IO_H_

#include <cstddef>
#include <cstdio>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

#include "lib/normalize/document.h"
#include "lib/util/status.h"

namespace onoma::cli {

// Lines of a file or stdin, each without its '\n'. Owns the FILE it opened
// (not stdin).
class LineReader {
 public:
  [[nodiscard]] static Result<LineReader> Open(const std::string& path);
  static LineReader Stdin();
  LineReader(LineReader&& other) noexcept;
  LineReader& operator=(LineReader&&) = delete;
  ~LineReader();

  // Reads ahead until `bytes` are held or the input ends, so that held()
  // can be looked at before Next() returns the same lines.
  [[nodiscard]] Status Prefetch(std::size_t bytes);
  std::string_view held() const { return held_text_; }

  // The next line into `line`; `newline` says whether a '\n' ended it.
  // false at the end; kIo on a read error.
  [[nodiscard]] Result<bool> Next(std::string& line, bool& newline);

 private:
  LineReader(FILE* file, std::string path, bool owned)
      : file_(file), path_(std::move(path)), owned_(owned) {}
  Result<bool> ReadRaw(std::string& line, bool& newline);

  FILE* file_;
  std::string path_;
  bool owned_;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
  std::deque<std::pair<std::string, bool>> held_lines_;
  std::string held_text_;
};

// One JSON Lines record (with its '\n') for a finding in `file`.
std::string ChangeJson(std::string_view file, const normalize::Change& c);

// Whether `path` may be overwritten by a report: it does not exist, is
// empty, is not a regular file (/dev/stdout), or begins as ChangeJson()
// records do.
bool LooksLikeReport(const std::string& path);

// Runs `write` from `path` into an AtomicFile (lib/util/atomic_file.h)
// for `path`, then (on success) commits it: synced, with the original's
// permissions, the original linked (or copied) to PATH~ when `backup`,
// renamed over `path`. On any failure the temporary file is removed and
// `path` is untouched; failure is kIo with the system's reason (No space
// left on device), in the user's language.
//
// The temporary is named .NAME.onoma-PID-XXXXXX. SIGINT, SIGTERM and
// SIGHUP remove it before ending the process as they would have (main
// installs the handler); what SIGKILL leaves is removed by the next run
// writing in that directory, which removes every such file whose PID is
// no longer a process.
//
// A symbolic link stays a link: the file it points to is rewritten (in
// its own directory, its backup beside it).
[[nodiscard]] Status RewriteInPlace(
    const std::string& path, bool backup,
    const std::function<Status(LineReader&, FILE*)>& write);

// "[3/40] file.txt" on stderr, redrawn in place, when stderr is a
// terminal and more than one file is given; otherwise nothing.
class Progress {
 public:
  explicit Progress(std::size_t total);
  void Show(const std::string& file);
  void Clear();

 private:
  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  bool shown_ = false;
};

}  // namespace onoma::cli

#endif  // ONOMA_CLI_NORMALIZE_IO_H_
