// The layers of docs/architecture.md: data flows cli → memory → lib, so lib/
// never includes from memory/ or cli/, and memory/ never from cli/; and
// SQLite's C API stays behind memory/sqlite/.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/shared_corpora.h"

namespace onoma {
namespace {

std::vector<std::string> Violations(const std::string& layer,
                                    const std::vector<std::string>& banned) {
  namespace fs = std::filesystem;
  fs::path root = testing::TestDataDir().parent_path().parent_path();
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(root / layer)) {
    std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.rfind("#include \"", 0) != 0) continue;
      for (const std::string& prefix : banned) {
        if (line.compare(10, prefix.size(), prefix) == 0) {
          found.push_back(entry.path().string() + ":" + std::to_string(number) +
                          ": " + line);
        }
      }
    }
  }
  return found;
}

TEST(LayeringTest, LibIncludesNeitherMemoryNorCli) {
  for (const std::string& v : Violations("lib", {"memory/", "cli/"})) {
    ADD_FAILURE() << v;
  }
}

TEST(LayeringTest, MemoryDoesNotIncludeCli) {
  for (const std::string& v : Violations("memory", {"cli/"})) {
    ADD_FAILURE() << v;
  }
}

// SQLite's C API is called in memory/sqlite/ only (Database, Statement,
// Transaction); everything else, the tests too, goes through them or the
// storage seam (memory/store/connection.h), so that a second engine has one
// seam to fill.
TEST(LayeringTest, SqliteApiOnlyInMemorySqlite) {
  namespace fs = std::filesystem;
  const fs::path root = testing::TestDataDir().parent_path().parent_path();
  for (const char* layer : {"lib", "memory", "cli", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / layer)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".h" && ext != ".cc") continue;
      const std::string relative =
          entry.path().lexically_relative(root).generic_string();
      if (relative.starts_with("memory/sqlite/") ||
          relative == "tests/util/layering_test.cc") {
        continue;
      }
      std::ifstream in(entry.path());
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        const std::string code = line.substr(0, line.find("//"));
        if (code.find("sqlite3_") != std::string::npos ||
            code.find("<sqlite3.h>") != std::string::npos) {
          ADD_FAILURE() << relative << ":" << number << ": " << line;
        }
      }
    }
  }
}

}  // namespace
}  // namespace onoma
