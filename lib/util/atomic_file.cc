#include "lib/util/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <string_view>
#include <vector>

#include "lib/util/atomic_file_internal.h"

namespace onoma {
namespace {

// The signal-cleanup list: the temporaries of the live AtomicFiles, in
// fixed buffers, since a handler may call only async-signal-safe functions
// (unlink, raise) and read only lock-free atomics. A slot is claimed by
// moving its state from kFree to kFilling, and is seen by the handler
// only once kReady. A file that finds no slot is still written safely;
// a signal then leaves its temporary for the next run to remove.
constexpr int kFree = 0;
constexpr int kFilling = 1;
constexpr int kReady = 2;
constexpr int kSlots = 64;
constexpr std::size_t kMaxPath = 4096;

struct Slot {
  std::atomic<int> state{kFree};
  char path[kMaxPath];
};
static_assert(std::atomic<int>::is_always_lock_free);

Slot slots[kSlots];
constexpr int kCleanedSignals[] = {SIGINT, SIGTERM, SIGHUP};

int Claim(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kReady, std::memory_order_release);
    return i;
  }
  return -1;
}

void Unclaim(int slot) {
  if (slot >= 0) slots[slot].state.store(kFree, std::memory_order_release);
}

extern "C" void RemoveTemporariesAndDie(int sig) {
  const int saved = errno;
  for (Slot& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kReady) {
      ::unlink(slot.path);
    }
  }
  errno = saved;
  // SA_RESETHAND restored the default action, and the signal stays blocked
  // until this handler returns: then it ends the process as it would have.
  ::raise(sig);
}

// Blocks the cleaned signals in this thread for its lifetime, so that
// creating a temporary and listing it (or removing it and unlisting it)
// is one step as far as a signal is concerned.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanedSignals) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

Status Failure(const char* what, int error, const std::string& path) {
  return Status::Io(std::string(what) + ": " + std::strerror(error))
      .At({path, 0, 0, 0});
}

constexpr char kCannotCreate[] = "cannot create a temporary file";
constexpr char kCannotWrite[] = "cannot write the output";
constexpr char kCannotRead[] = "cannot read the file";

// umask(2) cannot be read without being set; Linux shows it in
// /proc/self/status, which leaves it alone for other threads.
mode_t CurrentUmask() {
  if (FILE* status = std::fopen("/proc/self/status", "re")) {
    char line[256];
    while (std::fgets(line, sizeof line, status) != nullptr) {
      if (std::strncmp(line, "Umask:", 6) == 0) {
        std::fclose(status);
        return static_cast<mode_t>(std::strtoul(line + 6, nullptr, 8));
      }
    }
    std::fclose(status);
  }
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// Once per directory and process: a command writing many files in one
// directory lists it once.
void RemoveStaleTemporariesOnce(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string> done;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!done.insert(dir).second) return;
  }
  internal::RemoveStaleTemporaries(dir);
}

void SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  // Some file systems cannot sync a directory; the rename is done anyway.
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

// The stream's writes go through here, to keep the reason of a failed
// one: stdio itself only sets the stream's error flag, and a later flush
// may find nothing left to write.
ssize_t AtomicFile::StreamWrite(void* cookie, const char* data,
                                std::size_t size) {
  auto* self = static_cast<AtomicFile*>(cookie);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(self->fd_, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (self->write_error_ == 0) self->write_error_ = n < 0 ? errno : EIO;
      // A partial count tells stdio the rest failed; 0 is an error.
      return static_cast<ssize_t>(done);
    }
    done += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(size);
}

int AtomicFile::StreamClose(void* cookie) {
  auto* self = static_cast<AtomicFile*>(cookie);
  const int fd = self->fd_;
  self->fd_ = -1;
  return ::close(fd);
}

bool AtomicFile::OpenStream(int fd) {
  fd_ = fd;
  cookie_io_functions_t functions{};
  functions.write = &AtomicFile::StreamWrite;
  functions.close = &AtomicFile::StreamClose;
  file_ = ::fopencookie(this, "w", functions);
  if (file_ == nullptr) {
    ::close(fd);
    fd_ = -1;
    return false;
  }
  return true;
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(
    const std::string& path) {
  std::unique_ptr<AtomicFile> out(new AtomicFile());
  out->path_ = path;
  struct stat st;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return Failure(kCannotWrite, errno, path);
    if (!out->OpenStream(fd)) return Failure(kCannotWrite, errno, path);
    return out;
  }
  out->mode_ = exists ? (st.st_mode & 07777) : (0666 & ~CurrentUmask());

  const std::size_t slash = path.find_last_of('/');
  const std::string dir =
      slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  // Room for the 22 bytes added below within a 255-byte name, cut where
  // no UTF-8 sequence is split.
  if (base.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    base.resize(cut);
  }
  RemoveStaleTemporariesOnce(dir);
  // The PID in the name tells a later run whether its writer is gone.
  const std::string pattern =
      dir + "." + base + ".onoma-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = -1;
  {
    SignalsBlocked blocked;
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) out->slot_ = Claim(name.data());
  }
  if (fd < 0) return Failure(kCannotCreate, errno, path);
  out->temp_path_ = name.data();
  if (!out->OpenStream(fd)) {
    const int error = errno;
    out->Abandon();
    return Failure(kCannotCreate, error, path);
  }
  return out;
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr || slot_ >= 0) Abandon();
}

void AtomicFile::Release() {
  SignalsBlocked blocked;
  Unclaim(slot_);
  slot_ = -1;
}

void AtomicFile::Abandon() {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (temp_path_.empty()) return;
  SignalsBlocked blocked;
  // Removed before it is unlisted: a signal in between finds it gone.
  ::unlink(temp_path_.c_str());
  Unclaim(slot_);
  slot_ = -1;
  temp_path_.clear();
}

Status AtomicFile::Commit(const std::string& backup) {
  if (file_ == nullptr) {
    return Status::Internal("AtomicFile committed twice").At({path_, 0, 0, 0});
  }
  auto fail = [this](const char* what, int error, const std::string& where) {
    Abandon();
    return Failure(what, error, where);
  };
  // A write that failed earlier has its reason kept: the stream may have
  // nothing left to flush.
  if (std::fflush(file_) != 0 || std::ferror(file_)) {
    return fail(kCannotWrite, write_error_ != 0 ? write_error_ : EIO, path_);
  }
  if (temp_path_.empty()) {  // written directly
    FILE* file = file_;
    file_ = nullptr;
    if (std::fclose(file) != 0) return Failure(kCannotWrite, errno, path_);
    return Status::Ok();
  }
  const int fd = fd_;
  // EINVAL: a file system that cannot sync; the data is written anyway.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    return fail(kCannotWrite, errno, path_);
  }
  if (::fchmod(fd, mode_) != 0) return fail(kCannotWrite, errno, path_);
  FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) return fail(kCannotWrite, errno, path_);
  struct stat st;
  if (!backup.empty() && ::stat(path_.c_str(), &st) == 0) {
    Status kept = internal::KeepBackup(path_, backup, ::link);
    if (!kept.ok()) {
      Abandon();
      return kept;
    }
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return fail(kCannotWrite, errno, path_);
  }
  Release();
  temp_path_.clear();
  const std::size_t slash = path_.find_last_of('/');
  SyncDirectory(slash == std::string::npos ? "" : path_.substr(0, slash + 1));
  return Status::Ok();
}

void InstallSignalCleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : kCleanedSignals) {
      struct sigaction old;
      // An ignored signal (nohup) stays ignored.
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) {
        continue;
      }
      struct sigaction action {};
      action.sa_handler = RemoveTemporariesAndDie;
      sigemptyset(&action.sa_mask);
      action.sa_flags = SA_RESETHAND;
      ::sigaction(sig, &action, nullptr);
    }
  });
}

namespace internal {

bool ParseTempName(std::string_view name, long& pid) {
  constexpr std::string_view kMark = ".onoma-";
  const std::size_t mark = name.rfind(kMark);
  if (name.size() < 2 || name[0] != '.' || mark == std::string_view::npos ||
      mark < 2) {
    return false;
  }
  const std::string_view rest = name.substr(mark + kMark.size());
  const std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9) return false;
  pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9') return false;
    pid = pid * 10 + (c - '0');
  }
  std::string_view suffix = rest.substr(dash + 1);
  constexpr std::string_view kOldEnd = ".tmp";
  if (suffix.size() > kOldEnd.size() &&
      suffix.substr(suffix.size() - kOldEnd.size()) == kOldEnd) {
    // The TMX writer's temporaries before AtomicFile: a random number.
    suffix.remove_suffix(kOldEnd.size());
    for (char c : suffix) {
      if (c < '0' || c > '9') return false;
    }
    return pid > 0;
  }
  if (suffix.size() != 6) return false;
  for (char c : suffix) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                       (c >= 'A' && c <= 'Z');
    if (!alnum) return false;
  }
  return pid > 0;
}

int RemoveStaleTemporaries(const std::string& dir) {
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (d == nullptr) return 0;
  int removed = 0;
  while (const struct dirent* entry = ::readdir(d)) {
    long pid = 0;
    if (!ParseTempName(entry->d_name, pid)) continue;
    // EPERM: another user's process, alive.
    if (pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 ||
        errno != ESRCH) {
      continue;
    }
    const std::string path = dir + entry->d_name;
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::unlink(path.c_str()) == 0) {
      ++removed;
    }
  }
  ::closedir(d);
  return removed;
}

Status KeepBackup(const std::string& path, const std::string& backup,
                  LinkFunction link_file) {
  ::unlink(backup.c_str());
  if (link_file(path.c_str(), backup.c_str()) == 0) return Status::Ok();
  const int error = errno;
  if (error != EXDEV && error != EPERM && error != ENOTSUP &&
      error != EOPNOTSUPP && error != EMLINK) {
    return Failure(kCannotWrite, error, backup);
  }
  // FAT, some network and FUSE file systems have no hard links.
  FILE* in = std::fopen(path.c_str(), "rbe");
  if (in == nullptr) return Failure(kCannotRead, errno, path);
  struct stat st;
  if (::fstat(::fileno(in), &st) != 0) {
    const int stat_error = errno;
    std::fclose(in);
    return Failure(kCannotRead, stat_error, path);
  }
  auto copy = AtomicFile::Create(backup);
  if (!copy.ok()) {
    std::fclose(in);
    return copy.status();
  }
  (*copy)->set_mode(st.st_mode & 07777);
  char buffer[64 * 1024];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (std::fwrite(buffer, 1, n, (*copy)->file()) != n) break;
  }
  const bool read_failed = std::ferror(in) != 0;
  const int read_error = errno;
  std::fclose(in);
  if (read_failed) return Failure(kCannotRead, read_error, path);
  return (*copy)->Commit();
}

}  // namespace internal
}  // namespace onoma
