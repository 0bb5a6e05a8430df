// Reading a file or standard input line by line, as every command that
// takes text does: `segment`, `normalize`, and the batch forms of `tm
// lookup`, `tm concordance` and `term lookup` (TEXT given as -). Memory
// holds the longest line (and what Prefetch() holds), not the input.
//
//   auto in = onoma::LineReader::Open("article.txt");   // or Stdin()
//   if (!in.ok()) return in.status();
//   std::string line;
//   for (;;) {
//     auto more = in->NextText(line);
//     if (!more.ok()) return more.status();   // a read error, located
//     if (!*more) break;
//     ...
//   }
//
// Opening fails as InputFile::Open does (lib/util/input_file.h); a read
// error is kIo "PATH: cannot read the file: <errno's reason>".
//
// Thread safety: none needed; each LineReader is used by one thread.

#ifndef ONOMA_LIB_UTIL_LINE_READER_H_
#define ONOMA_LIB_UTIL_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <utility>

#include "lib/util/status.h"

namespace onoma {

// Lines of a file or of standard input. Owns the FILE it opened (not
// stdin).
class LineReader {
 public:
  [[nodiscard]] static Result<LineReader> Open(const std::string& path);
  // Standard input, named "<stdin>" in messages.
  static LineReader Stdin();
  // `file`, named `path` in messages; not owned, not closed.
  static LineReader Over(std::FILE* file, std::string path);

  LineReader(LineReader&& other) noexcept;
  LineReader& operator=(LineReader&&) = delete;
  ~LineReader();

  // Reads ahead until `bytes` are held or the input ends, so that held()
  // can be looked at before Next() returns the same lines.
  [[nodiscard]] Status Prefetch(std::size_t bytes);
  // The lines held by Prefetch(), each followed by '\n'.
  std::string_view held() const { return held_text_; }

  // The next line into `line`, without its '\n'; `newline` says whether a
  // '\n' ended it. Returns false at the end; kIo on a read error.
  [[nodiscard]] Result<bool> Next(std::string& line, bool& newline);

  // The next line of text into `line`, without its '\n' and without a
  // '\r' before it (text from Windows). As Next() otherwise.
  [[nodiscard]] Result<bool> NextText(std::string& line);

  // Whether the input is a regular file (not a pipe or a terminal): all of
  // it is there to be read ahead, and nobody waits for a line's output
  // before writing the next line.
  bool IsRegularFile() const;

  // The lines returned so far: the number of the last one.
  std::uint64_t lines() const { return lines_; }
  const std::string& path() const { return path_; }

 private:
  LineReader(std::FILE* file, std::string path, bool owned)
      : file_(file), path_(std::move(path)), owned_(owned) {}
  Result<bool> ReadRaw(std::string& line, bool& newline);

  std::FILE* file_;
  std::string path_;
  bool owned_;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
  std::uint64_t lines_ = 0;
  std::deque<std::pair<std::string, bool>> held_lines_;
  std::string held_text_;
};

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_LINE_READER_H_
