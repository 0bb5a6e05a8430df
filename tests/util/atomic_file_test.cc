// AtomicFile: the target changes only at Commit(), keeps its permissions,
// and no temporary outlives a failure, a destruction, a signal or (through
// the next run) a dead process.

#include "lib/util/atomic_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lib/util/atomic_file_internal.h"
#include "tests/support/temp_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

mode_t ModeOf(const fs::path& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// A PID that was a process and is no longer one.
pid_t DeadPid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

class AtomicFileTest : public testing::TempDirTest {
 protected:
  // The names in the directory, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
};

TEST_F(AtomicFileTest, CommitReplacesTheTargetWithItsPermissions) {
  Write("a.txt", "old\n");
  fs::permissions(Path("a.txt"), static_cast<fs::perms>(0640));
  auto out = AtomicFile::Create(Path("a.txt"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const std::string temp = (*out)->temp_path();
  const std::string name = fs::path(temp).filename().string();
  EXPECT_EQ(name.rfind(".a.txt.onoma-" + std::to_string(getpid()) + "-", 0), 0u)
      << name;
  long pid = 0;
  EXPECT_TRUE(internal::ParseTempName(name, pid));
  EXPECT_EQ(pid, getpid());
  EXPECT_EQ(ModeOf(temp), 0600u);  // private until committed
  std::fputs("new\n", (*out)->file());
  EXPECT_EQ(Read("a.txt"), "old\n");
  ASSERT_TRUE((*out)->Commit().ok());
  EXPECT_EQ(Read("a.txt"), "new\n");
  EXPECT_EQ(ModeOf(Path("a.txt")), 0640u);
  EXPECT_EQ(Names(), std::vector<std::string>{"a.txt"});
  EXPECT_EQ((*out)->Commit().code(), StatusCode::kInternal);
}

TEST_F(AtomicFileTest, ANewFileGetsTheUmasksPermissions) {
  const mode_t old_mask = ::umask(027);
  auto out = AtomicFile::Create(Path("n.txt"));
  ::umask(old_mask);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE((*out)->Commit().ok());
  EXPECT_EQ(ModeOf(Path("n.txt")), 0640u);
}

TEST_F(AtomicFileTest, DestructionOrAbandonLeavesTheTargetAndNoTemporary) {
  Write("a.txt", "old\n");
  {
    auto out = AtomicFile::Create(Path("a.txt"));
    ASSERT_TRUE(out.ok());
    std::fputs("half", (*out)->file());
    EXPECT_EQ(Names().size(), 2u);
  }
  EXPECT_EQ(Names(), std::vector<std::string>{"a.txt"});
  auto out = AtomicFile::Create(Path("b.txt"));
  ASSERT_TRUE(out.ok());
  (*out)->Abandon();
  EXPECT_EQ((*out)->file(), nullptr);
  EXPECT_EQ(Names(), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(Read("a.txt"), "old\n");
}

TEST_F(AtomicFileTest, FailuresNameTheFileAndTheReason) {
  auto missing = AtomicFile::Create(Path("no/such/dir.txt"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIo);
  EXPECT_EQ(missing.status().ToString(),
            Path("no/such/dir.txt") +
                ": cannot create a temporary file: No such file or directory");

  // A directory cannot be written over.
  fs::create_directories(Path("d"));
  auto directory = AtomicFile::Create(Path("d"));
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kIo);

  // The rename fails: the temporary vanished from under the writer.
  Write("a.txt", "old\n");
  auto out = AtomicFile::Create(Path("a.txt"));
  ASSERT_TRUE(out.ok());
  fs::remove((*out)->temp_path());
  Status s = (*out)->Commit();
  EXPECT_EQ(s.code(), StatusCode::kIo);
  EXPECT_EQ(s.message(), "cannot write the output: No such file or directory");
  EXPECT_EQ(Read("a.txt"), "old\n");
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.txt", "d"}));
}

// A full disk (here: a file size limit, with SIGXFSZ ignored so that the
// write fails with EFBIG) fails Commit() and leaves the target whole.
TEST_F(AtomicFileTest, AFailedWriteFailsCommitAndChangesNothing) {
  const std::string old(8192, 'o');
  Write("a.txt", old);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    auto out = AtomicFile::Create(Path("a.txt"));
    if (!out.ok()) _exit(10);
    const std::string big(100000, 'n');
    std::fwrite(big.data(), 1, big.size(), (*out)->file());
    Status s = (*out)->Commit();
    if (s.ok()) _exit(11);
    if (s.ToString() != Path("a.txt") +
                            ": cannot write the output: File too "
                            "large") {
      _exit(12);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(Read("a.txt") == old);
  EXPECT_EQ(Names(), std::vector<std::string>{"a.txt"});
}

TEST_F(AtomicFileTest, ATargetThatIsNotARegularFileIsWrittenDirectly) {
  auto out = AtomicFile::Create("/dev/null");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ((*out)->temp_path(), "");
  std::fputs("x", (*out)->file());
  EXPECT_TRUE((*out)->Commit().ok());
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(AtomicFileTest, BackupIsALinkToTheOriginal) {
  Write("a.txt", "old\n");
  Write("a.txt~", "older\n");
  struct stat before;
  ASSERT_EQ(::stat(Path("a.txt").c_str(), &before), 0);
  auto out = AtomicFile::Create(Path("a.txt"));
  ASSERT_TRUE(out.ok());
  std::fputs("new\n", (*out)->file());
  ASSERT_TRUE((*out)->Commit(Path("a.txt~")).ok());
  EXPECT_EQ(Read("a.txt"), "new\n");
  EXPECT_EQ(Read("a.txt~"), "old\n");
  struct stat kept;
  ASSERT_EQ(::stat(Path("a.txt~").c_str(), &kept), 0);
  EXPECT_EQ(kept.st_ino, before.st_ino);
  EXPECT_EQ(Names(), (std::vector<std::string>{"a.txt", "a.txt~"}));
}

int LinkFailsWith(int error) {
  errno = error;
  return -1;
}
int NoLinksHere(const char*, const char*) { return LinkFailsWith(EXDEV); }
int LinkNotAllowed(const char*, const char*) { return LinkFailsWith(EPERM); }
int LinkDenied(const char*, const char*) { return LinkFailsWith(EACCES); }

// Where the file system cannot link, the backup is a copy with the same
// contents and permissions.
TEST_F(AtomicFileTest, BackupIsACopyWhereLinksAreImpossible) {
  const std::string contents = std::string(200000, 'x') + "end\n";
  for (internal::LinkFunction link : {NoLinksHere, LinkNotAllowed}) {
    Write("a.txt", contents);
    fs::permissions(Path("a.txt"), static_cast<fs::perms>(0604));
    ASSERT_TRUE(internal::KeepBackup(Path("a.txt"), Path("a.txt~"), link).ok());
    EXPECT_TRUE(Read("a.txt~") == contents);
    EXPECT_EQ(ModeOf(Path("a.txt~")), 0604u);
    EXPECT_EQ(fs::hard_link_count(Path("a.txt")), 1u);
    EXPECT_EQ(Names(), (std::vector<std::string>{"a.txt", "a.txt~"}));
  }
  // Any other refusal is a failure naming the backup.
  Status s = internal::KeepBackup(Path("a.txt"), Path("b.txt~"), LinkDenied);
  EXPECT_EQ(s.ToString(),
            Path("b.txt~") + ": cannot write the output: Permission denied");
  EXPECT_FALSE(fs::exists(Path("b.txt~")));
}

TEST(AtomicFileNameTest, RecognizesOnlyItsTemporaries) {
  const struct {
    const char* name;
    bool temp;
    long pid;
  } kCases[] = {
      {".a.txt.onoma-123-Ab12cD", true, 123},
      {".x.tmx.onoma-4567-12345.tmp", true, 4567},  // earlier TMX writer
      {"..onoma-1-abcdef", false, 0},
      {".a.txt.onoma-123-Ab12c", false, 0},
      {".a.txt.onoma-123-Ab12cDe", false, 0},
      {".a.txt.onoma-12x-Ab12cD", false, 0},
      {".a.txt.onoma--Ab12cD", false, 0},
      {".a.txt.onoma-0-Ab12cD", false, 0},
      {".a.txt.onoma-1234567890-Ab12cD", false, 0},
      {".a.txt.onoma-123-Ab_2cD", false, 0},
      {".a.txt.onoma-notapid", false, 0},
      {".x.tmx.onoma-4567-12a45.tmp", false, 0},
      {"a.txt.onoma-123-Ab12cD", false, 0},
      {"a.txt.onoma-tmp", false, 0},
      {".onoma-123-Ab12cD", false, 0},
  };
  for (const auto& c : kCases) {
    long pid = 0;
    EXPECT_EQ(internal::ParseTempName(c.name, pid), c.temp) << c.name;
    if (c.temp) {
      EXPECT_EQ(pid, c.pid) << c.name;
    }
  }
}

// What SIGKILL leaves is removed when a file is next created in that
// directory, unless its process is alive.
TEST_F(AtomicFileTest, CreateRemovesStaleTemporariesOfDeadProcesses) {
  const std::string dead = std::to_string(DeadPid());
  const std::string stale = ".a.txt.onoma-" + dead + "-Ab12cD";
  const std::string stale_tmx = ".m.tmx.onoma-" + dead + "-98765.tmp";
  const std::string live = ".b.txt.onoma-" + std::to_string(getppid()) +
                           "-xY34zW";  // the parent, alive
  const std::string other = ".a.txt.onoma-notapid";
  for (const std::string& name : {stale, stale_tmx, live, other}) {
    Write(name, "x");
  }
  EXPECT_EQ(internal::RemoveStaleTemporaries(dir_.string() + "/"), 2);
  EXPECT_EQ(Names(), (std::vector<std::string>{other, live}));

  fs::remove_all(dir_ / "sub");
  fs::create_directories(dir_ / "sub");
  Write("sub/" + stale, "x");
  auto out = AtomicFile::Create(Path("sub/c.txt"));
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(fs::exists(Path("sub/" + stale)));
}

// SIGTERM while a file is being written removes its temporary, then ends
// the process by SIGTERM.
TEST_F(AtomicFileTest, ASignalRemovesTheTemporaries) {
  Write("a.txt", "old\n");
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    InstallSignalCleanup();
    auto a = AtomicFile::Create(Path("a.txt"));
    auto b = AtomicFile::Create(Path("b.txt"));
    if (!a.ok() || !b.ok()) _exit(10);
    std::fputs("half", (*a)->file());
    std::fflush((*a)->file());
    if (write(ready[1], "r", 1) != 1) _exit(11);
    for (;;) pause();
  }
  close(ready[1]);
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  close(ready[0]);
  EXPECT_EQ(Names().size(), 3u);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_EQ(Read("a.txt"), "old\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"a.txt"});
}

}  // namespace
}  // namespace onoma
