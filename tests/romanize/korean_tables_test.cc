// The Korean tables: every built-in one loads and is consistent; malformed
// tables fail with file:line:column; a user's exception list extends and
// overrides the built-in one.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>

#include "lib/romanize/korean_engine_internal.h"
#include "lib/romanize/korean_exceptions_internal.h"
#include "lib/romanize/korean_table_internal.h"
#include "lib/util/embedded_file.h"
#include "tests/romanize/korean_test_util.h"

namespace onoma::romanize {
namespace internal {
std::span<const EmbeddedFile> KoreanTables();
}  // namespace internal
namespace {

using korean_test::Rr;

std::string_view Embedded(std::string_view name) {
  for (const EmbeddedFile& f : internal::KoreanTables()) {
    if (f.name == name) return f.contents;
  }
  ADD_FAILURE() << "no table " << name;
  return {};
}

TEST(KoreanTablesTest, BuiltInSchemesLoadInOrder) {
  auto schemes = MakeKoreanSchemes();
  ASSERT_EQ(schemes.size(), 4u);
  EXPECT_EQ(schemes[0]->id(), "ko-rr");
  EXPECT_EQ(schemes[1]->id(), "ko-rr-translit");
  EXPECT_EQ(schemes[2]->id(), "ko-mr");
  EXPECT_EQ(schemes[3]->id(), "ko-dprk");
  for (const auto& s : schemes) EXPECT_FALSE(s->description().empty());
}

TEST(KoreanTablesTest, SurnameTableMatchesTheEngine) {
  internal::KoreanData data;
  ASSERT_TRUE(internal::ParseSurnames(Embedded("ko-surnames.txt"),
                                      "ko-surnames.txt", &data)
                  .ok());
  EXPECT_GE(data.surnames.size(), 100u);
  for (const internal::Surname& s : data.surnames) {
    // RR writes a family name syllable by syllable (3.4).
    std::string hangul;
    std::string expected;
    for (const hangul::Syllable& syllable : s.hangul) {
      std::string one;
      hangul::AppendUtf8(hangul::Compose(syllable), &one);
      hangul += one;
      expected += Rr().Romanize(one);
    }
    expected[0] = static_cast<char>(expected[0] - 'a' + 'A');
    EXPECT_EQ(s.rr, expected) << hangul;
    EXPECT_FALSE(s.common.empty()) << hangul;
  }
}

TEST(KoreanTablesTest, LetterTableErrorsCarryLineAndColumn) {
  auto table =
      internal::ParseLetterTable("scheme: x\n[vowels]\nㅏ a\nㄱ g\n", "t.txt");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kBadInput);
  EXPECT_EQ(table.status().ToString().substr(0, 10), "t.txt:4:1:");

  table = internal::ParseLetterTable(
      "scheme: x\n[initials]\nㄱ  g  before:Q=x\n", "t.txt");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().ToString().substr(0, 10), "t.txt:3:7:");

  table = internal::ParseLetterTable("scheme: x\n[vowels]\nㅏ a\n", "t.txt");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("lacks ㅐ"), std::string::npos);

  table = internal::ParseLetterTable("colour: red\n", "t.txt");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().ToString().substr(0, 10), "t.txt:1:1:");
}

TEST(KoreanTablesTest, ExceptionErrorsCarryLineAndColumn) {
  internal::ExceptionList list;
  Status s = list.Add("# comment\n생산량 생산냥\n알약  알략 extra\n", "e.txt");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.ToString().substr(0, 11), "e.txt:3:8: ");
  EXPECT_EQ(list.size(), 0u);  // unchanged on failure

  s = list.Add("생산량 생산\n", "e.txt");
  EXPECT_EQ(s.ToString().substr(0, 10), "e.txt:1:5:");
  s = list.Add("생산x 생산냥\n", "e.txt");
  EXPECT_EQ(s.ToString().substr(0, 10), "e.txt:1:1:");
  s = list.Add("생 냥\n", "e.txt");
  EXPECT_FALSE(s.ok());
}

TEST(KoreanTablesTest, UnitAndSurnameErrors) {
  internal::KoreanData data;
  EXPECT_EQ(internal::ParseUnits("시 omissible\n", "u.txt", &data)
                .ToString()
                .substr(0, 10),
            "u.txt:1:1:");
  EXPECT_EQ(internal::ParseUnits("[units]\n시 sometimes\n", "u.txt", &data)
                .ToString()
                .substr(0, 10),
            "u.txt:2:3:");
  EXPECT_EQ(internal::ParseUnits("[joined]\n천안아산\n", "u.txt", &data)
                .ToString()
                .substr(0, 10),
            "u.txt:2:1:");
  EXPECT_EQ(internal::ParseUnits("[spaced]\n성산 일출봉 봉\n", "u.txt", &data)
                .ToString()
                .substr(0, 10),
            "u.txt:2:8:");
  // "Kim, Gim" with a space: the stray field is reported where it starts.
  EXPECT_EQ(internal::ParseSurnames("김 Gim Kim, Gim\n", "s.txt", &data)
                .ToString()
                .substr(0, 11),
            "s.txt:1:12:");
  EXPECT_FALSE(
      internal::ParseSurnames("김 Gim Kim\n김 Gim Kim\n", "s.txt", &data).ok());
}

TEST(KoreanTablesTest, GenericsErrors) {
  internal::KoreanData data;
  // The location, up to its last colon.
  auto where = [&](const char* contents) {
    const std::string error =
        internal::ParseGenerics(contents, "g.txt", &data).ToString();
    return error.substr(0, error.find(' '));
  };
  EXPECT_EQ(where("로 min-stem=1\n"), "g.txt:1:1:");  // no section
  EXPECT_EQ(where("[roads]\n로 sometimes\n"), "g.txt:2:3:");
  EXPECT_EQ(where("[numbers]\n번길\n"), "g.txt:2:1:");
  // A road name's class must be a class above, and end the name.
  EXPECT_EQ(where("[roads]\n로\n[road-names]\n해운대로 길\n"), "g.txt:4:6:");
  EXPECT_EQ(where("[road-names]\n해운대로 대로\n"), "g.txt:2:6:");
  EXPECT_EQ(where("[roads]\n로\n[road-names]\n해운대로\n"), "g.txt:4:1:");
  EXPECT_EQ(where("[stations]\n역\n"), "g.txt:2:1:");
  EXPECT_EQ(where("[stations]\n역 Station min-stem=x\n"), "g.txt:2:11:");
  EXPECT_EQ(where("[facilities]\n공항 min-stem=1\n"), "g.txt:2:1:");
  EXPECT_TRUE(internal::ParseGenerics(
                  "[roads]\n대로 min-stem=1\n로 road-option\n길 numbered\n"
                  "[numbers]\n번\n[road-names]\n해운대로 로\n"
                  "[stations]\n역 Station min-stem=2\n"
                  "[facilities]\n공항 Airport\n국제공항 International "
                  "Airport min-stem=1\n",
                  "g.txt", &data)
                  .ok());
  EXPECT_EQ(data.road_classes.size(), 3u);
  EXPECT_EQ(data.road_classes[0].hangul.size(), 2u);  // longest first
  ASSERT_EQ(data.translated.size(), 3u);
  // Longest first; the English of more than one word kept whole.
  EXPECT_EQ(data.translated[0].english, "International Airport");
  EXPECT_EQ(data.translated[0].min_stem, 1u);
  EXPECT_EQ(data.translated[2].english, "Station");
}

class UserExceptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("onoma_ko_exceptions_" + std::to_string(::getpid()) + ".txt");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void Write(const std::string& contents) {
    std::ofstream out(path_);
    out << contents;
  }
  std::filesystem::path path_;
};

TEST_F(UserExceptionsTest, AddsAndOverrides) {
  Write(
      "# my list\n"
      "부산역  부산녁   # [부산녁]\n"
      "신라    신라     # keep: replaces nothing built in, harmless\n"
      "생산량  생살량   # override the built-in [생산냥]\n");
  KoreanConfig config;
  config.exception_files.push_back(path_.string());
  auto schemes = MakeKoreanSchemes(config);
  ASSERT_TRUE(schemes.ok()) << schemes.status().ToString();
  const Scheme& rr = *(*schemes)[0];
  EXPECT_EQ(rr.Romanize("부산역"), "busannyeok");
  EXPECT_EQ(rr.Romanize("생산량"), "saengsallyang");
  EXPECT_EQ(rr.Romanize("학여울"), "hangnyeoul");   // built-in still there
  EXPECT_EQ(Rr().Romanize("부산역"), "busanyeok");  // defaults untouched
}

TEST_F(UserExceptionsTest, ReportsFileLineColumn) {
  Write("부산역 부산녁\n\n부산 역\n");
  KoreanConfig config;
  config.exception_files.push_back(path_.string());
  auto schemes = MakeKoreanSchemes(config);
  ASSERT_FALSE(schemes.ok());
  EXPECT_EQ(schemes.status().code(), StatusCode::kBadInput);
  EXPECT_EQ(schemes.status().ToString().rfind(path_.string() + ":3:", 0), 0u)
      << schemes.status().ToString();
}

TEST_F(UserExceptionsTest, MissingFileIsAnIoError) {
  KoreanConfig config;
  config.exception_files.push_back(path_.string() + ".absent");
  auto schemes = MakeKoreanSchemes(config);
  ASSERT_FALSE(schemes.ok());
  EXPECT_EQ(schemes.status().code(), StatusCode::kIo);
}

TEST(KoreanConfigTest, EnvironmentListsFiles) {
  ::setenv("ONOMA_KO_EXCEPTIONS", "a.txt::b.txt", 1);
  KoreanConfig config = KoreanConfigFromEnvironment();
  ::unsetenv("ONOMA_KO_EXCEPTIONS");
  ASSERT_EQ(config.exception_files.size(), 2u);
  EXPECT_EQ(config.exception_files[0], "a.txt");
  EXPECT_EQ(config.exception_files[1], "b.txt");
  EXPECT_TRUE(KoreanConfigFromEnvironment().exception_files.empty());
}

}  // namespace
}  // namespace onoma::romanize
