// AtomicFile: a file written under a temporary name and renamed over its
// target only once it is complete, so that a failed, interrupted or killed
// writer leaves the target as it was: never half-written, never truncated.
// Every onoma command that writes a named file writes through it
// (normalize --in-place, tm export, tm align --output, term export).
//
//   auto out = onoma::AtomicFile::Create("out.tmx");
//   if (!out.ok()) return out.status();
//   std::fputs("...", (*out)->file());          // buffered stdio stream
//   ONOMA_RETURN_IF_ERROR((*out)->Commit());    // out.tmx appears now
//   // Destroyed without Commit(): the temporary is removed, out.tmx as
//   // it was.
//
// The temporary is ".NAME.onoma-PID-XXXXXX" in the target's directory
// (a rename cannot cross file systems). What it leaves behind:
//   - a failure or destruction before Commit(): nothing;
//   - SIGINT, SIGTERM, SIGHUP: nothing, once the program has called
//     InstallSignalCleanup() (the onoma command does, in main);
//   - SIGKILL, a crash, a power cut: the temporary, which the next
//     AtomicFile created in that directory removes, since the PID in its
//     name is no longer a process.
//
// A target that exists and is not a regular file (/dev/null, a FIFO, a
// terminal) cannot be replaced: it is opened and written directly.
//
// Failures are kIo at the target's path with the system's reason, in the
// words "cannot create a temporary file: ..." or "cannot write the
// output: ...", which the CLI translates.
//
// Thread safety: one AtomicFile is used by one thread; distinct ones may
// live in distinct threads.

#ifndef ONOMA_LIB_UTIL_ATOMIC_FILE_H_
#define ONOMA_LIB_UTIL_ATOMIC_FILE_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

#include "lib/util/status.h"

namespace onoma {

class AtomicFile {
 public:
  // Creates the temporary beside `path` (removing first the temporaries
  // that dead processes left in that directory, once per directory and
  // process) and opens it for writing. The file will get the permissions
  // of the file it replaces, else 0666 less the umask; until then only
  // its owner can read it. Failure: kIo naming `path`.
  [[nodiscard]] static Result<std::unique_ptr<AtomicFile>> Create(
      const std::string& path);

  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Abandon() unless Commit() succeeded.
  ~AtomicFile();

  // The stream to write to; owned by this object. nullptr after Commit()
  // or Abandon().
  std::FILE* file() const { return file_; }
  const std::string& path() const { return path_; }
  // The temporary's path; empty when the target is written directly.
  const std::string& temp_path() const { return temp_path_; }

  // Overrides the permissions the file gets at Commit().
  void set_mode(mode_t mode) { mode_ = mode; }

  // Flushes the stream, syncs the file, gives it its permissions and
  // renames it over the target, then syncs the directory. With `backup`
  // set and the target existing, the target is first hard-linked to
  // `backup` (replacing it), or copied there where the file system cannot
  // link. A failed write earlier (the stream's error flag) fails here.
  // On failure the temporary is removed and the target is untouched.
  // REQUIRES: called at most once.
  [[nodiscard]] Status Commit(const std::string& backup = "");

  // Closes and removes the temporary; the target stays as it was.
  void Abandon();

 private:
  AtomicFile() = default;
  bool OpenStream(int fd);
  static ssize_t StreamWrite(void* cookie, const char* data, std::size_t size);
  static int StreamClose(void* cookie);
  void Release();

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  int fd_ = -1;
  int write_error_ = 0;  // errno of the first failed write
  int slot_ = -1;        // in the signal-cleanup list; -1 when not in it
  mode_t mode_ = 0;
};

// Makes SIGINT, SIGTERM and SIGHUP remove the temporaries of every live
// AtomicFile, then end the process as the signal would have (its default
// action, re-raised). A signal the process ignores (nohup) stays ignored.
// Call once, early, from the main thread; calls after the first do
// nothing. Replaces any handler the program had for those signals.
void InstallSignalCleanup();

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_ATOMIC_FILE_H_
