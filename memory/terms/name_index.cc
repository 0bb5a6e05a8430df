#include "memory/terms/name_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>
#include <random>
#include <string_view>

#include "memory/sqlite/statement.h"
#include "memory/sqlite/transaction.h"

namespace onoma::terms {
namespace {

// A file mapped read-only, unmapped when the last Matcher reading it goes.
class MappedFile {
 public:
  MappedFile(void* data, std::size_t size, const struct stat& st)
      : data_(data), size_(size), stat_(st) {}
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (size_ > 0) ::munmap(data_, size_);
  }
  std::string_view bytes() const {
    return {static_cast<const char*>(data_), size_};
  }
  // The file as it was when it was mapped.
  const struct stat& stat() const { return stat_; }
  // Drops the pages of bytes [0, up_to) from this process's mapping (they
  // stay in the page cache), as the checksum reads them and once it is
  // done: only the pages the command then touches count in its resident
  // memory, and the checksum's pass never holds more than a step of it.
  // Safe on a read-only private mapping, whose pages are never copied:
  // the next read of a page maps it from the file again.
  // The last call (up_to the size) lets go of the whole mapping, pages the
  // checks after the checksum read again included.
  void ReleasePages(std::size_t up_to) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    std::size_t end = std::min(up_to, size_);
    if (end < size_) end -= end % page;  // whole pages read only
    if (end == size_) released_ = 0;
    if (end <= released_) return;
    ::madvise(static_cast<char*>(data_) + released_, end - released_,
              MADV_DONTNEED);
    released_ = end;
  }

 private:
  void* data_;
  std::size_t size_;
  struct stat stat_;
  std::size_t released_ = 0;  // a multiple of the page size, or size_
};

std::string SystemError(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

// Maps `path`; an error message when it cannot (ENOENT: "no index yet").
Result<std::shared_ptr<MappedFile>> Map(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("no index yet");
    return Status::Io(SystemError("cannot open " + path.string(), errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Io(path.string() + " is not a regular file");
  }
  auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return Status::BadInput("the index file is empty");
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int error = errno;
  ::close(fd);
  if (data == MAP_FAILED) {
    return Status::Io(SystemError("cannot map " + path.string(), error));
  }
  return std::make_shared<MappedFile>(data, size, st);
}

// What tells one version of a file from another (name_index.h): written to
// the note of a checked index and compared with the file at each open.
std::string Identity(const struct stat& st) {
  auto time = [](const struct timespec& t) {
    return std::to_string(t.tv_sec) + "." + std::to_string(t.tv_nsec);
  };
  return "onoma name index checked\n" + std::to_string(st.st_dev) + " " +
         std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " +
         time(st.st_mtim) + " " + time(st.st_ctim) + "\n";
}

// The note at `path` says `identity`. Reads at most a little more than
// the identity, whatever the file holds.
bool NoteSays(const std::filesystem::path& path, const std::string& identity) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  std::string buffer(identity.size() + 1, '\0');
  std::size_t got = 0;
  while (got < buffer.size()) {
    ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return got == identity.size() && buffer.compare(0, got, identity) == 0;
}

// The file `st` describes last changed at least `settle` ago.
bool Settled(const struct stat& st, std::chrono::nanoseconds settle) {
  struct timespec now;
  if (::clock_gettime(CLOCK_REALTIME, &now) != 0) return false;
  const auto ns = [](const struct timespec& t) {
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
  };
  return ns(now) - ns(st.st_ctim) >= settle;
}

// Writes `bytes` to a new file beside `path` and renames it over `path`:
// a reader sees the old index or the new one, and of two writers the last
// rename wins, each file whole. An error message when it cannot.
Status WriteAtomically(const std::filesystem::path& path,
                       std::string_view bytes) {
  std::random_device random;
  const std::string temp = path.string() + ".tmp-" +
                           std::to_string(::getpid()) + "-" +
                           std::to_string(random());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Io(SystemError("cannot write " + path.string(), errno));
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = n < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(temp.c_str());
      return Status::Io(SystemError("cannot write " + path.string(), error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return Status::Io(SystemError("cannot write " + path.string(), error));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return Status::Io(SystemError("cannot write " + path.string(), error));
  }
  return Status::Ok();
}

bool InMemory(const std::filesystem::path& db_path) {
  const std::string p = db_path.string();
  return p.empty() || p == ":memory:" || p.starts_with("file::memory:");
}

}  // namespace

std::filesystem::path NameIndexPath(const std::filesystem::path& db_path) {
  return std::filesystem::path(db_path.string() + ".names");
}

std::filesystem::path NameIndexCheckedPath(
    const std::filesystem::path& index_path) {
  return std::filesystem::path(index_path.string() + ".checked");
}

Result<normalize::ImageKey> ReadNameIndexKey(sqlite::Database& db) {
  auto select =
      db.Prepare("SELECT store_id, version FROM term_version WHERE id = 1",
                 "read the term store's version");
  if (!select.ok()) return select.status();
  auto row = select->Step();
  if (!row.ok()) return row.status();
  normalize::ImageKey key;
  if (!*row) {
    return Status::Database("database " + db.path().string() +
                            " has no term store version");
  }
  std::string_view id = select->ColumnBlob(0);
  std::memcpy(key.store.data(), id.data(),
              std::min(id.size(), key.store.size()));
  key.version = static_cast<std::uint64_t>(select->ColumnInt64(1));
  return key;
}

Result<NameIndex> OpenNameIndex(
    sqlite::Database& db,
    const std::function<Result<normalize::Input>()>& read_input,
    const NameIndexOptions& options) {
  // The version and the terms compiled come from one snapshot, so that a
  // write between the two cannot stamp old names with a new version.
  sqlite::ReadScope snapshot(db, "name_index");
  auto key = ReadNameIndexKey(db);
  if (!key.ok()) return key.status();
  const bool in_memory = InMemory(db.path());
  const std::filesystem::path path =
      in_memory ? std::filesystem::path() : NameIndexPath(db.path());

  std::string rebuilt_because = "--rebuild";
  if (!in_memory && !options.rebuild) {
    auto mapped = Map(path);
    if (mapped.ok()) {
      MappedFile& file = **mapped;
      const std::filesystem::path note = NameIndexCheckedPath(path);
      const std::string identity = Identity(file.stat());
      const bool checked = NoteSays(note, identity);
      if (checked) {
        // Without the checksum's pass, a cold page cache would be filled a
        // fault at a time, 128 kB around each page a name leads to, all
        // over the file: slower than reading it in order (at 100k concepts
        // 72 against 48 ms behind the small store; docs/terms.md, "Start-up
        // and throughput, measured"). So the kernel reads the file ahead, in
        // the background, while the command starts; warm, this is a no-op.
        ::madvise(const_cast<char*>(file.bytes().data()), file.bytes().size(),
                  MADV_WILLNEED);
      }
      auto matcher = normalize::Matcher::FromImage(
          file.bytes(), *mapped, *key,
          checked ? normalize::ImageChecks::kHeader
                  : normalize::ImageChecks::kChecksum,
          [&file](std::size_t up_to) { file.ReleasePages(up_to); });
      if (matcher.ok()) {
        file.ReleasePages(file.bytes().size());
        NameIndex index{std::move(*matcher), path, true, {}, {}, 0, !checked};
        index.size = file.bytes().size();
        // A note that cannot be written costs the next open a checksum.
        if (!checked && !db.read_only() &&
            Settled(file.stat(), options.settle)) {
          (void)WriteAtomically(note, identity);
        }
        return index;
      }
      rebuilt_because = matcher.status().message();
    } else {
      rebuilt_because = mapped.status().message();
    }
  }

  auto input = read_input();
  if (!input.ok()) return input.status();
  auto matcher = normalize::Matcher::Compile(*input);
  if (!matcher.ok()) return matcher.status();
  NameIndex index{std::move(*matcher), path, false, rebuilt_because, {}, 0};
  index.size = index.matcher.image_size();
  const bool worth_keeping = index.matcher.concept_count() > 0 ||
                             options.keep_empty || options.rebuild;
  if (in_memory || !worth_keeping) return index;
  if (db.read_only()) {
    index.not_kept = "the database is opened read-only";
    return index;
  }
  Status written = WriteAtomically(path, index.matcher.Image(*key));
  if (!written.ok()) index.not_kept = written.message();
  return index;
}

}  // namespace onoma::terms
