// A fixture for tests that run commands against files: a directory of the
// test's own under ::testing::TempDir(), made empty before each test and
// removed after it, with its files' paths, writes and reads.

#ifndef ONOMA_TESTS_SUPPORT_TEMP_DIR_TEST_H_
#define ONOMA_TESTS_SUPPORT_TEMP_DIR_TEST_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "tests/support/files.h"

namespace onoma::testing {

class TempDirTest : public ::testing::Test {
 protected:
  // A fixture that prepares more calls this first.
  void SetUp() override {
    const ::testing::TestInfo* test =
        ::testing::UnitTest::GetInstance()->current_test_info();
    // The process id keeps apart runs of one test at once (ctest -j, or
    // the same binary run against SQLite and PostgreSQL).
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("onoma_" + std::string(test->test_suite_name()) + "_" +
            std::to_string(getpid()) + "_" + test->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }

  // The path of `name` in the directory.
  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  // Writes `text` to `name` in the directory, bytes as given; its path.
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string path = Path(name);
    testing::Write(path, text);
    return path;
  }
  // The bytes of `name` in the directory; empty when it cannot be read.
  std::string Read(const std::string& name) const { return Slurp(Path(name)); }

  std::filesystem::path dir_;
};

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_SUPPORT_TEMP_DIR_TEST_H_
