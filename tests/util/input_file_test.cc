// lib/util/input_file.h: what every command's file arguments accept and
// refuse (a directory given for a file ended in "internal
// error: basic_filebuf::underflow").

#include "lib/util/input_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/support/temp_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

class InputFileTest : public testing::TempDirTest {};

TEST_F(InputFileTest, ReadsARegularFileWhole) {
  std::string text(200 * 1024, 'x');
  text += "\xEF\xBB\xBF end";
  std::ofstream(Path("a.txt"), std::ios::binary) << text;
  auto read = ReadInputFile(Path("a.txt"));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, text);
  EXPECT_TRUE(CheckInputFile(Path("a.txt")).ok());
}

TEST_F(InputFileTest, RefusesADirectoryNamingIt) {
  const std::string dir = Path("rules");
  fs::create_directories(dir);
  auto read = ReadInputFile(dir);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIo);
  EXPECT_EQ(read.status().ToString(),
            dir + ": cannot read the file: Is a directory");
  EXPECT_FALSE(InputFile::Open(dir).ok());
  Status checked = CheckInputFile(dir);
  EXPECT_EQ(checked.ToString(), dir + ": cannot read the file: Is a directory");
}

TEST_F(InputFileTest, MissingFileGivesTheReason) {
  const std::string path = Path("missing.txt");
  auto read = ReadInputFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIo);
  EXPECT_EQ(read.status().ToString(),
            path + ": cannot read the file: No such file or directory");
  EXPECT_EQ(CheckInputFile(path).ToString(), read.status().ToString());
}

TEST_F(InputFileTest, UnreadableFileGivesTheReason) {
  const std::string path = Path("secret.txt");
  std::ofstream(path) << "x";
  ::chmod(path.c_str(), 0);
  // Root reads every file, so as root (here and in CI) the reading is done
  // by a child that has become nobody, for whom the mode counts.
  auto check = [&] {
    auto read = ReadInputFile(path);
    return !read.ok() &&
           read.status().ToString() ==
               path + ": cannot read the file: Permission denied" &&
           !CheckInputFile(path).ok();
  };
  if (::geteuid() != 0) {
    EXPECT_TRUE(check());
    return;
  }
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
    ::_exit(!dropped ? 2 : check() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 2) << "could not become nobody";
  EXPECT_EQ(WEXITSTATUS(status), 0)
      << "nobody read the file, or the message was not the expected one";
}

TEST_F(InputFileTest, ReadsAFifoAndCheckingDoesNotConsumeIt) {
  const std::string path = Path("pipe");
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  // Checking looks at the FIFO without opening it: nothing is taken from
  // the writer, and it does not wait for one.
  EXPECT_TRUE(CheckInputFile(path).ok());
  std::thread writer(
      [&] { std::ofstream(path, std::ios::binary) << "a\nb\n"; });
  auto read = ReadInputFile(path);
  writer.join();
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, "a\nb\n");
}

}  // namespace
}  // namespace onoma
