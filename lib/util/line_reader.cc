#include "lib/util/line_reader.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "lib/util/input_file.h"

// Tested by tests/util/line_reader_test.cc.

namespace onoma {

Result<LineReader> LineReader::Open(const std::string& path) {
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  return LineReader(file->Release(), path, true);
}

LineReader LineReader::Stdin() { return LineReader(stdin, "<stdin>", false); }

LineReader LineReader::Over(std::FILE* file, std::string path) {
  return LineReader(file, std::move(path), false);
}

LineReader::LineReader(LineReader&& other) noexcept
    : file_(other.file_),
      path_(std::move(other.path_)),
      owned_(other.owned_),
      buffer_(other.buffer_),
      capacity_(other.capacity_),
      lines_(other.lines_),
      held_lines_(std::move(other.held_lines_)),
      held_text_(std::move(other.held_text_)) {
  other.file_ = nullptr;
  other.buffer_ = nullptr;
  other.owned_ = false;
}

LineReader::~LineReader() {
  std::free(buffer_);
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

Result<bool> LineReader::ReadRaw(std::string& line, bool& newline) {
  errno = 0;
  const ssize_t n = getline(&buffer_, &capacity_, file_);
  if (n < 0) {
    if (std::ferror(file_)) {
      std::string message = "cannot read the file";
      if (errno != 0) {
        message += ": ";
        message += std::strerror(errno);
      }
      return Status::Io(std::move(message)).At({path_, 0, 0, 0});
    }
    return false;
  }
  line.assign(buffer_, static_cast<std::size_t>(n));
  newline = !line.empty() && line.back() == '\n';
  if (newline) line.pop_back();
  return true;
}

Status LineReader::Prefetch(std::size_t bytes) {
  std::string line;
  bool newline = false;
  while (held_text_.size() < bytes) {
    auto more = ReadRaw(line, newline);
    if (!more.ok()) return more.status();
    if (!*more) break;
    held_text_ += line;
    held_text_ += '\n';
    held_lines_.emplace_back(line, newline);
  }
  return Status::Ok();
}

bool LineReader::IsRegularFile() const {
  struct stat st {};
  return ::fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode);
}

Result<bool> LineReader::Next(std::string& line, bool& newline) {
  if (!held_lines_.empty()) {
    line = std::move(held_lines_.front().first);
    newline = held_lines_.front().second;
    held_lines_.pop_front();
    if (held_lines_.empty()) held_text_.clear();
    ++lines_;
    return true;
  }
  auto more = ReadRaw(line, newline);
  if (more.ok() && *more) ++lines_;
  return more;
}

Result<bool> LineReader::NextText(std::string& line) {
  bool newline = false;
  auto more = Next(line, newline);
  if (more.ok() && *more && !line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  return more;
}

}  // namespace onoma
