// A fixed-seed mutation run over the real tables, in the suite so that CI
// (under the sanitizers) exercises the parser on malformed input every
// time; the open-ended search is tests/fuzz/table_fuzzer.cc.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/text/utf8.h"
#include "tests/support/shared_corpora.h"

namespace onoma::romanize {
namespace {

std::vector<std::string> RealTables() {
  std::vector<std::string> tables;
  auto dir = testing::TestDataDir().parent_path().parent_path() / "tables" /
             "romanize";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    tables.emplace_back(std::istreambuf_iterator<char>(in),
                        std::istreambuf_iterator<char>());
  }
  return tables;
}

TEST(TableFuzzTest, MutatedTablesNeverCrashAndErrorsHaveALocation) {
  std::vector<std::string> tables = RealTables();
  ASSERT_GE(tables.size(), 7u);
  std::mt19937 rng(1127);
  int parsed = 0;
  int rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = tables[rng() % tables.size()];
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0:
          text[at] = static_cast<char>(rng());
          break;  // any byte
        case 1:
          text.erase(at, 1 + rng() % 8);
          break;
        case 2:
          text.insert(at, 1, "→←\"\\#=@ \n\t'"[rng() % 14]);
          break;
        default:
          text.insert(at, text.substr(rng() % text.size(), 12));
      }
    }
    auto spec = ParseTable(text, "mutated.txt");
    if (!spec.ok()) {
      ++rejected;
      ASSERT_TRUE(spec.status().location().has_value())
          << spec.status().ToString();
      EXPECT_EQ(spec.status().location()->path, "mutated.txt");
      continue;
    }
    auto scheme = TableScheme::Create(std::move(*spec));
    if (!scheme.ok()) continue;
    ++parsed;
    std::string out = (*scheme)->Romanize("Київ, ЩУКА і Щука — 2024 Kyiv");
    EXPECT_TRUE(text::ValidateUtf8(out).ok()) << out;
  }
  // Both paths were exercised.
  EXPECT_GT(parsed, 100);
  EXPECT_GT(rejected, 100);
}

TEST(TableFuzzTest, EnginesOutputValidUtf8OnHostileText) {
  // Invalid bytes never reach the engine through the CLI, but the engine
  // must not make things worse if they do: U+FFFD, never a crash.
  auto spec = ParseTable(RealTables()[0], "t.txt");
  ASSERT_TRUE(spec.ok());
  auto scheme = TableScheme::Create(std::move(*spec));
  ASSERT_TRUE(scheme.ok());
  std::mt19937 rng(99);
  for (int i = 0; i < 2000; ++i) {
    std::string bytes(rng() % 64, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    std::string out = (*scheme)->Romanize(bytes);
    EXPECT_TRUE(text::ValidateUtf8(out).ok());
  }
  std::string huge(1 << 20, 'a');
  huge += "Київ";
  EXPECT_EQ((*scheme)->Romanize(huge).size(), (1u << 20) + 4);
}

}  // namespace
}  // namespace onoma::romanize
