#include "cli/normalize_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string_view>
#include <vector>

#include "cli/i18n.h"
#include "cli/json.h"
#include "lib/text/script.h"
#include "lib/text/utf8.h"

namespace onoma::cli {
namespace {

Status ErrnoStatus(const std::string& message, const std::string& path) {
  return Status::Io(message + ": " + std::strerror(errno)).At({path, 0, 0, 0});
}

}  // namespace

Result<LineReader> LineReader::Open(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return ErrnoStatus(Tr("cannot read the file"), path);
  return LineReader(f, path, true);
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

std::string DetectLanguage(std::string_view sample) {
  std::size_t hangul = 0, cyrillic = 0, latin = 0, ru_only = 0, uk_only = 0;
  for (std::size_t i = 0; i < sample.size();) {
    char32_t c;
    if (!text::DecodeNext(sample, i, c)) break;
    switch (text::ScriptOf(c)) {
      case text::Script::kHangul:
        // A syllable block holds two or three letters.
        hangul += 2;
        break;
      case text::Script::kCyrillic:
        ++cyrillic;
        if (c == U'ы' || c == U'э' || c == U'ъ' || c == U'ё' || c == U'Ы' ||
            c == U'Э' || c == U'Ъ' || c == U'Ё') {
          ++ru_only;
        }
        if (c == U'і' || c == U'ї' || c == U'є' || c == U'ґ' || c == U'І' ||
            c == U'Ї' || c == U'Є' || c == U'Ґ') {
          ++uk_only;
        }
        break;
      case text::Script::kLatin:
        ++latin;
        break;
      default:
        break;
    }
  }
  if (hangul > 0 && hangul >= cyrillic && hangul >= latin) return "ko";
  if (cyrillic > 0 && cyrillic >= latin) return ru_only > uk_only ? "ru" : "uk";
  return "en";
}

std::string ChangeJson(std::string_view file, const normalize::Change& c) {
  std::string out = "{\"file\": ";
  AppendJsonString(out, file);
  out += ", \"line\": " + std::to_string(c.line);
  out += ", \"column\": " + std::to_string(c.column);
  out += ", \"byte_offset\": " + std::to_string(c.byte_offset);
  out += ", \"found\": ";
  AppendJsonString(out, c.found);
  out += ", \"replacement\": ";
  AppendJsonString(out, c.replacement);
  out += ", \"concept\": ";
  AppendJsonString(out, c.concept_slug);
  out += ", \"reason\": ";
  AppendJsonString(out, c.reason);
  out += c.applied ? ", \"applied\": true}\n" : ", \"applied\": false}\n";
  return out;
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

namespace {

// The temporary file being written, for the signal handler: a fixed buffer
// and a flag, since a handler may only call async-signal-safe functions.
// Written only while the signals are blocked.
char temp_path[4096];
volatile sig_atomic_t temp_set = 0;
constexpr int kCleanedSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveTempAndDie(int sig) {
  if (temp_set != 0) ::unlink(temp_path);
  // SA_RESETHAND restored the default action, and the signal stays blocked
  // until this handler returns: then it ends the process as it would have.
  ::raise(sig);
}

void InstallHandlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int sig : kCleanedSignals) {
    struct sigaction old;
    // An ignored signal (nohup) stays ignored.
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) {
      continue;
    }
    struct sigaction action {};
    action.sa_handler = RemoveTempAndDie;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &action, nullptr);
  }
}

// Blocks the signals above for its lifetime.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanedSignals) sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// Whether `name` is ".NAME.onoma-PID-XXXXXX", giving the PID.
bool ParseTempName(std::string_view name, long& pid) {
  constexpr std::string_view kMark = ".onoma-";
  const std::size_t mark = name.rfind(kMark);
  if (name.size() < 2 || name[0] != '.' || mark == std::string_view::npos ||
      mark < 2) {
    return false;
  }
  std::string_view rest = name.substr(mark + kMark.size());
  const std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9 ||
      rest.size() != dash + 7) {
    return false;
  }
  pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9') return false;
    pid = pid * 10 + (c - '0');
  }
  for (char c : rest.substr(dash + 1)) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                       (c >= 'A' && c <= 'Z');
    if (!alnum) return false;
  }
  return pid > 0;
}

// Removes the temporaries that a killed `--in-place` (kill -9, a crash, a
// power cut) left in `dir`: those whose process no longer exists. Another
// user's process, or one alive now, keeps its file. Once per directory.
void RemoveStaleTemporaries(const std::string& dir) {
  static std::set<std::string> done;
  if (!done.insert(dir).second) return;
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (d == nullptr) return;
  while (const struct dirent* entry = ::readdir(d)) {
    long pid = 0;
    if (!ParseTempName(entry->d_name, pid)) continue;
    if (pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 ||
        errno != ESRCH) {
      continue;
    }
    const std::string path = dir + entry->d_name;
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      ::unlink(path.c_str());
    }
  }
  ::closedir(d);
}

}  // namespace

Status RewriteInPlace(const std::string& path, bool backup,
                      const std::function<Status(LineReader&, FILE*)>& write) {
  auto in = LineReader::Open(path);
  if (!in.ok()) return in.status();
  struct stat original;
  if (::stat(path.c_str(), &original) != 0) {
    return ErrnoStatus(Tr("cannot read the file"), path);
  }
  std::size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  RemoveStaleTemporaries(dir);
  InstallHandlers();
  // The PID in the name tells a later run whether its writer is gone.
  std::string temp =
      dir + "." + base + ".onoma-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  int fd = -1;
  {
    SignalsBlocked blocked;
    fd = mkstemp(name.data());
    if (fd >= 0 && name.size() <= sizeof temp_path) {
      std::memcpy(temp_path, name.data(), name.size());
      temp_set = 1;
    }
  }
  if (fd < 0) return ErrnoStatus(Tr("cannot create a temporary file"), path);
  temp = name.data();
  auto remove_temp = [&temp] {
    SignalsBlocked blocked;
    ::unlink(temp.c_str());
    temp_set = 0;
  };
  FILE* out = fdopen(fd, "wb");
  if (out == nullptr) {
    ::close(fd);
    remove_temp();
    return ErrnoStatus(Tr("cannot create a temporary file"), path);
  }
  Status s = write(*in, out);
  if (s.ok() && (std::fflush(out) != 0 || ::fsync(fd) != 0 ||
                 ::fchmod(fd, original.st_mode & 07777) != 0)) {
    s = ErrnoStatus(Tr("cannot write the output"), path);
  }
  if (std::fclose(out) != 0 && s.ok()) {
    s = ErrnoStatus(Tr("cannot write the output"), path);
  }
  if (s.ok() && backup) {
    std::string kept = path + "~";
    ::unlink(kept.c_str());
    if (::link(path.c_str(), kept.c_str()) != 0) {
      s = ErrnoStatus(Tr("cannot write the output"), kept);
    }
  }
  if (s.ok()) {
    SignalsBlocked blocked;
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
      s = ErrnoStatus(Tr("cannot write the output"), path);
    } else {
      temp_set = 0;
    }
  }
  if (!s.ok()) remove_temp();
  return s;
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
