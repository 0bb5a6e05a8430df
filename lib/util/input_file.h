// Opening the files a user names: an article, a table, a term list, an
// SRX file. Every command and reader opens its input files here, so that
// each refuses the same things with the same message.
//
//   auto text = onoma::ReadInputFile("table.txt");
//   if (!text.ok()) return text.status();
//   // "rules/: cannot read the file: Is a directory"
//
//   auto file = onoma::InputFile::Open("article.txt");
//   if (!file.ok()) return file.status();
//   std::getline(..., file->get());
//
// Anything that reads as a stream of bytes is accepted: a regular file, a
// FIFO (`<(zcat a.gz)`), a device (/dev/stdin). A directory is refused when
// it is opened; std::ifstream opens one, then throws from its first read.
// Failure is kIo located at the path, with the system's reason: "No such
// file or directory", "Permission denied", "Is a directory".
//
// Thread safety: none needed; each InputFile is used by one thread.

#ifndef ONOMA_LIB_UTIL_INPUT_FILE_H_
#define ONOMA_LIB_UTIL_INPUT_FILE_H_

#include <cstdio>
#include <string>

#include "lib/util/status.h"

namespace onoma {

// An input file open for reading. Owns its FILE.
class InputFile {
 public:
  // Opens `path` (not "-": callers map that to stdin themselves).
  [[nodiscard]] static Result<InputFile> Open(const std::string& path);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  ~InputFile();

  std::FILE* get() const { return file_; }
  const std::string& path() const { return path_; }

  // Gives up ownership of the FILE; the caller closes it.
  std::FILE* Release();

  // kIo "PATH: cannot read the file: <errno's reason>", for a read that
  // failed (ferror) just now.
  [[nodiscard]] Status ReadError() const;

 private:
  InputFile(std::FILE* file, std::string path)
      : file_(file), path_(std::move(path)) {}

  std::FILE* file_;
  std::string path_;
};

// The whole contents of `path`. Failure: as InputFile::Open, or a read
// error.
[[nodiscard]] Result<std::string> ReadInputFile(const std::string& path);

// Whether `path` can be opened by InputFile::Open, for readers that open
// it themselves; the same failure. A FIFO or a device is not opened (that
// would consume what it holds), only looked at.
[[nodiscard]] Status CheckInputFile(const std::string& path);

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_INPUT_FILE_H_
