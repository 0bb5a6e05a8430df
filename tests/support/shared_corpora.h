// Where tests find the third-party corpora in ../shared (never copied into
// the repository).
//
// SharedDir() returns the folder, or an empty path when it is absent. Tests
// that need it call ONOMA_REQUIRE_SHARED_DIR(), which skips with a clear
// message on a developer machine without ../shared but fails under CI
// (CI=true), where ../shared must be present.

#ifndef ONOMA_TESTS_SUPPORT_SHARED_CORPORA_H_
#define ONOMA_TESTS_SUPPORT_SHARED_CORPORA_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace onoma::testing {

inline std::filesystem::path SharedDir() {
  const char* env = std::getenv("ONOMA_SHARED_DIR");
  std::filesystem::path dir = env != nullptr ? env : ONOMA_SHARED_DIR_DEFAULT;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "corpora", ec)) return {};
  return dir;
}

inline bool RunningInCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

// The directory of golden files for the tests, tests/data.
inline std::filesystem::path TestDataDir() { return ONOMA_TEST_DATA_DIR; }

}  // namespace onoma::testing

#define ONOMA_REQUIRE_SHARED_DIR()                                         \
  do {                                                                     \
    if (::onoma::testing::SharedDir().empty()) {                           \
      if (::onoma::testing::RunningInCi()) {                               \
        FAIL() << "../shared/corpora is missing, and CI=true requires it"; \
      }                                                                    \
      GTEST_SKIP() << "../shared/corpora is absent; skipping corpus test"; \
    }                                                                      \
  } while (false)

#endif  // ONOMA_TESTS_SUPPORT_SHARED_CORPORA_H_
