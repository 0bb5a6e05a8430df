// A fixed-seed mutation run over the seed corpus of the term file fuzzer
// (tests/fuzz/corpus/terms), in the suite so that CI (under the
// sanitizers) exercises the TSV, CSV, OmegaT and TBX readers on malformed
// input every time; the open-ended search is
// tests/fuzz/term_files_fuzzer.cc. Every mutant is read into a counting
// sink; one in ten is also imported into a store, which must either take
// it or stay as it was.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "memory/formats/term_files.h"
#include "memory/sqlite/sqlite.h"
#include "memory/terms/term_store.h"

namespace onoma::terms {
namespace {

struct Seed {
  std::string extension;
  std::string text;
};

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

// The fuzzer's seed corpus: the files of tests/data/terms, two stretches
// of tables/termbase/news.tsv and a TBX 2019 termbase.
std::vector<Seed> Seeds() {
  std::vector<Seed> seeds;
  auto dir = std::filesystem::path(ONOMA_TEST_DATA_DIR).parent_path() / "fuzz" /
             "corpus" / "terms";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());  // the same run on every machine
  for (const auto& path : paths) {
    seeds.push_back({path.extension().string(), Slurp(path)});
  }
  return seeds;
}

class CountingSink : public TermSink {
 public:
  Status PutConcept(const Concept&) override { return Count(); }
  Status PutTerm(std::string_view, const Term&) override { return Count(); }
  Status PutNegative(std::string_view, std::string_view) override {
    return Count();
  }
  std::int64_t puts = 0;

 private:
  Status Count() {
    ++puts;
    return Status::Ok();
  }
};

TEST(TermFilesFuzzTest, MutatedFilesNeverCrashAndErrorsHaveALocation) {
  std::vector<Seed> seeds = Seeds();
  ASSERT_GE(seeds.size(), 10u);
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  TermStore store(*db);
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("onoma_term_files_fuzz_" + std::to_string(getpid())))
                        .string();
  std::filesystem::create_directories(dir);
  std::mt19937 rng(1127);
  int read = 0;
  int rejected = 0;
  for (int i = 0; i < 2000; ++i) {
    const Seed& seed = seeds[rng() % seeds.size()];
    std::string text = seed.text;
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
          text.insert(at, 1, "\t,\"\n\r#<>/&;=* "[rng() % 15]);
          break;
        default:
          text.insert(at, text.substr(rng() % text.size(), 24));
      }
    }
    // Some mutants are read as another format than their seed's.
    std::string extension = seed.extension;
    if (rng() % 4 == 0) {
      const char* other[] = {".tsv", ".csv", ".txt", ".tbx"};
      extension = other[rng() % 4];
    }
    std::string path = dir + "/mutant" + extension;
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << text;
    }
    CountingSink sink;
    Status s = formats::ReadTermFile(path, {}, sink);
    if (s.ok()) {
      ++read;
    } else {
      ++rejected;
      EXPECT_EQ(s.code(), StatusCode::kBadInput) << s.ToString();
      ASSERT_TRUE(s.location().has_value()) << s.ToString();
      EXPECT_EQ(s.location()->path, path);
    }
    if (i % 10 != 0) continue;
    // Through the store: taken whole or not at all.
    std::int64_t before = *store.CountTerms();
    auto stats = store.Import(
        [&](TermSink& into) { return formats::ReadTermFile(path, {}, into); },
        /*bulk_after_terms=*/i % 20 == 0 ? 0 : 20000);
    if (!stats.ok()) {
      EXPECT_NE(stats.status().code(), StatusCode::kInternal)
          << stats.status().ToString();
      EXPECT_NE(stats.status().code(), StatusCode::kDatabase)
          << stats.status().ToString();
      EXPECT_EQ(*store.CountTerms(), before) << stats.status().ToString();
    }
  }
  std::filesystem::remove_all(dir);
  // Both paths were exercised.
  EXPECT_GT(read, 100);
  EXPECT_GT(rejected, 100);
}

// Found by tests/fuzz/term_files_fuzzer.cc: a TBX file whose bytes do not
// convert from the encoding it declares made libxml2 print four lines of
// its own to stderr ("encoding error : input conversion failed ...",
// "I/O error : encoder error") before onoma's "malformed XML". The reason
// now is the message, and stderr stays onoma's.
TEST(TermFilesFuzzTest, TbxEncodingFaultIsTheMessageNotStderr) {
  std::string path =
      (std::filesystem::temp_directory_path() /
       ("onoma_tbx_encoding_" + std::to_string(getpid()) + ".tbx"))
          .string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n"
           "<tbx><text><body>\x8f\x41\x50 x</body></text></tbx>\n";
  }
  CountingSink sink;
  ::testing::internal::CaptureStderr();
  Status s = formats::ReadTermFile(path, {}, sink);
  std::string printed = ::testing::internal::GetCapturedStderr();
  std::filesystem::remove(path);
  EXPECT_EQ(printed, "");
  ASSERT_EQ(s.code(), StatusCode::kBadInput) << s.ToString();
  EXPECT_NE(s.message().find("input conversion failed"), std::string::npos)
      << s.ToString();
  ASSERT_TRUE(s.location().has_value());
  EXPECT_EQ(s.location()->line, 2u);
  // Nothing was put before the fault.
  EXPECT_EQ(sink.puts, 0);
}

}  // namespace
}  // namespace onoma::terms
