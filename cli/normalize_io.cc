#include "cli/normalize_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/json_answers.h"
#include "cli/output_path.h"
#include "lib/util/atomic_file.h"
#include "lib/util/input_file.h"

namespace onoma::cli {
namespace {

Status ErrnoStatus(const std::string& message, const std::string& path) {
  return Status::Io(message + ": " + std::strerror(errno)).At({path, 0, 0, 0});
}

// The file a symbolic link `path` ends at (through every link), or `path`
// itself: a rename over the link would put a file in its place.
std::string FileBehindLinks(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return path;  // dangling: opening it says why
  std::string target = real;
  std::free(real);
  return target;
}

}  // namespace

Result<LineReader> LineReader::Open(const std::string& path) {
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  return LineReader(file->Release(), path, true);
}

LineReader LineReader::Stdin() { return LineReader(stdin, "<stdin>", false); }

LineReader::LineReader(LineReader&& other) noexcept
    : file_(other.file_),
      path_(std::move(other.path_)),
      owned_(other.owned_),
      buffer_(other.buffer_),
      capacity_(other.capacity_),
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
  ssize_t n = getline(&buffer_, &capacity_, file_);
  if (n < 0) {
    if (std::ferror(file_))
      return ErrnoStatus(Tr("cannot read the file"), path_);
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

Result<bool> LineReader::Next(std::string& line, bool& newline) {
  if (!held_lines_.empty()) {
    line = std::move(held_lines_.front().first);
    newline = held_lines_.front().second;
    held_lines_.pop_front();
    if (held_lines_.empty()) held_text_.clear();
    return true;
  }
  return ReadRaw(line, newline);
}

std::string ChangeJson(std::string_view file, const normalize::Change& c) {
  return JsonLine(ChangeRecord(file, c));
}

bool LooksLikeReport(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_size == 0) {
    return true;
  }
  static constexpr char kStart[] = "{\"file\": ";
  constexpr std::size_t kLength = sizeof kStart - 1;
  char start[kLength] = {};
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return true;  // opening it for writing will say why
  const std::size_t n = std::fread(start, 1, kLength, f);
  std::fclose(f);
  return n == kLength && std::memcmp(start, kStart, kLength) == 0;
}

Status RewriteInPlace(const std::string& path, bool backup,
                      const std::function<Status(LineReader&, FILE*)>& write) {
  auto in = LineReader::Open(path);
  if (!in.ok()) return in.status();
  const std::string target = FileBehindLinks(path);
  auto out = AtomicFile::Create(target);
  if (!out.ok()) return TranslateFileError(out.status());
  // A failure here leaves `out` to remove its temporary.
  ONOMA_RETURN_IF_ERROR(write(*in, (*out)->file()));
  return TranslateFileError((*out)->Commit(backup ? target + "~" : ""));
}

Progress::Progress(std::size_t total)
    : total_(total), enabled_(total > 1 && ::isatty(STDERR_FILENO) != 0) {}

void Progress::Show(const std::string& file) {
  ++done_;
  if (!enabled_) return;
  std::string line = "\r\033[K[" + std::to_string(done_) + "/" +
                     std::to_string(total_) + "] " + file;
  std::fputs(line.c_str(), stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  shown_ = false;
}

}  // namespace onoma::cli
