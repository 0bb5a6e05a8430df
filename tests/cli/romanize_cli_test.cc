// `onoma romanize` as scripts and users call it (the contract in docs/cli.md):
// arguments, stdin streaming, schemes, reverse, user tables, and the exit
// codes and messages of every failure.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "tests/support/run_onoma.h"

namespace onoma::testing {
namespace {

Output Onoma(const std::string& args, const std::string& input = "") {
  return RunOnoma("LANG=C", args, input);
}

TEST(RomanizeCliTest, WordsFromArguments) {
  Output o = Onoma("romanize Київ Згорани Їжакевич Юрій");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Kyiv Zghorany Yizhakevych Yurii\n");
  EXPECT_EQ(o.err, "");
}

TEST(RomanizeCliTest, StdinLineByLine) {
  Output o = Onoma("romanize --scheme ru-bgn",
                   "Курск\n\nЩука, ЩУКА и щука\nno Cyrillic here\nЁлка");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  // One output line per input line, the last one too, empty lines kept.
  EXPECT_EQ(o.out,
            "Kursk\n\nShchuka, SHCHUKA i shchuka\nno Cyrillic here\nYëlka\n");
}

TEST(RomanizeCliTest, AutoPicksSchemePerScript) {
  EXPECT_EQ(Onoma("romanize 'Курськ, Kyiv'").out, "Kursk, Kyiv\n");
  EXPECT_EQ(Onoma("romanize --lang ru Ельцин").out, "Yel’tsin\n");
}

TEST(RomanizeCliTest, KoreanModesFromTheCommandLine) {
  EXPECT_EQ(Onoma("romanize 종로 신라 학여울 같이 좋고").out,
            "jongno silla hangnyeoul gachi joko\n");
  EXPECT_EQ(Onoma("romanize --name 윤석열").out, "Yun Seok-yeol\n");
  EXPECT_EQ(Onoma("romanize --name --style common 박정희").out,
            "Park Jeong-hui\n");
  EXPECT_EQ(Onoma("romanize --name --no-name-hyphen 민용하").out,
            "Min Yongha\n");
  EXPECT_EQ(Onoma("romanize --place 의정부시").out, "Uijeongbu-si\n");
  EXPECT_EQ(Onoma("romanize --place --omit-unit 청주시").out, "Cheongju\n");
  EXPECT_EQ(Onoma("romanize --misreading-hyphen 중앙").out, "jung-ang\n");
  EXPECT_EQ(Onoma("romanize --capitalize 독도").out, "Dokdo\n");
  EXPECT_EQ(Onoma("romanize --scheme ko-mr 평양").out, "p'yŏngyang\n");
  EXPECT_EQ(Onoma("romanize --scheme ko-mr --ascii 평양").out, "pyongyang\n");
  // Mixed scripts on one line: each run to its scheme.
  EXPECT_EQ(Onoma("romanize", "키이우는 Київ, 서울은 Seoul\n").out,
            "kiiuneun Kyiv, seoureun Seoul\n");
  Output translit = Onoma("romanize --scheme ko-rr-translit 붓꽃");
  EXPECT_EQ(translit.out, "buskkoch\n");
  EXPECT_EQ(Onoma("romanize --scheme ko-rr-translit --reverse buskkoch").out,
            "붓꽃\n");
}

// Roads, stations and numbered units: the road-name address form of 로 and
// the sign form of numbers on request, both implying --place.
TEST(RomanizeCliTest, KoreanRoadsAndStations) {
  EXPECT_EQ(Onoma("romanize --place 서울역 세종대로 테헤란로4길").out,
            "Seoul Station Sejong-daero Teheran-ro 4-gil\n");
  EXPECT_EQ(Onoma("romanize --place 종로 대학로").out, "Jongno Daehangno\n");
  EXPECT_EQ(Onoma("romanize --road 종로 대학로").out, "Jong-ro Daehak-ro\n");
  EXPECT_EQ(Onoma("romanize --place --road '종로 2가'").out,
            "Jongno 2(i)-ga\n");
  EXPECT_EQ(Onoma("romanize --no-number-reading 종로3가").out, "Jongno 3-ga\n");
  EXPECT_EQ(Onoma("romanize --place 종로3가").out, "Jongno 3(sam)-ga\n");
  Output both = Onoma("romanize --name --road 윤석열");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--road"), std::string::npos) << both.err;
}

// Several names on the command line, or on one line of stdin, are each
// romanized as the name alone is; a family name written apart takes the
// next word as its given name.
TEST(RomanizeCliTest, SeveralNamesAreEachANameOfTheirOwn) {
  std::string alone;
  for (const char* name : {"윤석열", "이재명", "김정은"}) {
    Output o = Onoma(std::string("romanize --name ") + name);
    ASSERT_EQ(o.exit_code, 0) << o.err;
    if (!alone.empty()) alone += ' ';
    alone += o.out.substr(0, o.out.size() - 1);
  }
  EXPECT_EQ(alone, "Yun Seok-yeol I Jae-myeong Gim Jeong-eun");
  Output several = Onoma("romanize --name 윤석열 이재명 김정은");
  EXPECT_EQ(several.exit_code, 0) << several.err;
  EXPECT_EQ(several.out, alone + "\n");
  EXPECT_EQ(Onoma("romanize --name '윤석열 이재명'").out,
            "Yun Seok-yeol I Jae-myeong\n");
  EXPECT_EQ(Onoma("romanize --name 남궁 민수 윤 석열").out,
            "Namgung Min-su Yun Seok-yeol\n");
  // Standard input: each line to one output line, with the same rule.
  EXPECT_EQ(Onoma("romanize --name", "윤석열\n이재명 김정은\n남궁민수\n").out,
            "Yun Seok-yeol\nI Jae-myeong Gim Jeong-eun\nNamgung Min-su\n");
}

TEST(RomanizeCliTest, NameAndPlaceTogetherIsAUsageError) {
  Output o = Onoma("romanize --name --place 서울");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.rfind("onoma: romanize: --name and --place cannot be given "
                        "together",
                        0),
            0u)
      << o.err;
}

// A store in the test's temporary directory, removed with its -wal and
// -shm files.
class RomanizeHouseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = ::testing::TempDir() + "onoma_romanize_house_" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name() +
          ".db";
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* ext : {"", "-wal", "-shm", "-journal"}) {
      std::remove((db_ + ext).c_str());
    }
  }
  Output Onoma(const std::string& args, const std::string& input = "") {
    return RunOnoma("LANG=C", "--db '" + db_ + "' " + args, input);
  }
  bool Exists(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f != nullptr) std::fclose(f);
    return f != nullptr;
  }
  std::string db_;
};

TEST_F(RomanizeHouseTest, KnownNamesTakeThePreferredEnglishForm) {
  for (const char* add :
       {"yoon-suk-yeol ko 윤석열", "yoon-suk-yeol en 'Yoon Suk Yeol'",
        "kyiv uk Київ", "kyiv en Kyiv", "namgung ko '남궁 민수'",
        "namgung en 'Namkoong Min-soo'", "kim-no-en ko 김정은",
        "kim-no-en fr 'Kim Jong-un'", "moscow ru Москва", "moscow en Moscow"}) {
    Output o = Onoma(std::string("term add ") + add);
    ASSERT_EQ(o.exit_code, 0) << add << ": " << o.err;
  }
  // 이재명 is not in the store; 김정은 has no English form: the scheme.
  Output o = Onoma("romanize --house --name 윤석열 이재명 김정은");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Yoon Suk Yeol I Jae-myeong Gim Jeong-eun\n");
  EXPECT_EQ(o.err, "");
  // Without --house the store is not read.
  EXPECT_EQ(Onoma("romanize --name 윤석열").out, "Yun Seok-yeol\n");
  // A two-word name, punctuation beside a name, and a case-folded match;
  // a form with a particle is not the name, and the scheme writes it.
  EXPECT_EQ(Onoma("romanize --house --name '남궁 민수, 윤석열'").out,
            "Namkoong Min-soo, Yoon Suk Yeol\n");
  EXPECT_EQ(Onoma("romanize --house", "київ і Київ; 윤석열은\n").out,
            "Kyiv i Kyiv; yunseogyeoreun\n");
  // Only a form in the language romanized counts: Cyrillic is uk unless
  // --lang ru (or a ru- scheme) says otherwise.
  EXPECT_EQ(Onoma("romanize --house Москва").out, "Moskva\n");
  EXPECT_EQ(Onoma("romanize --house --lang ru Москва").out, "Moscow\n");
  EXPECT_EQ(Onoma("romanize --house --scheme ru-bgn Москва").out, "Moscow\n");
}

TEST_F(RomanizeHouseTest, NoStoreFallsBackToTheSchemeAndCreatesNothing) {
  Output o = Onoma("romanize --house --name 윤석열 이재명");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Yun Seok-yeol I Jae-myeong\n");
  EXPECT_EQ(o.err, "onoma: romanize: no database at " + db_ +
                       "; every name is written as the scheme spells it\n");
  EXPECT_FALSE(Exists(db_));
}

TEST_F(RomanizeHouseTest, HouseWithReverseIsAUsageError) {
  Output o = Onoma("romanize --house --scheme ru-iso9 --reverse Kiev");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_FALSE(Exists(db_));
}

TEST(RomanizeCliTest, UserKoreanExceptionsFromTheEnvironment) {
  TempFile bad("this is not an exception entry\n");
  Output o = RunOnoma("LANG=C ONOMA_KO_EXCEPTIONS='" + bad.path() + "'",
                      "romanize 신라");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_NE(o.err.find(bad.path() + ":1:"), std::string::npos) << o.err;
}

TEST(RomanizeCliTest, ListShowsEverySchemeWithTab) {
  Output o = Onoma("romanize --list");
  EXPECT_EQ(o.exit_code, 0);
  for (const char* id :
       {"uk-kmu2010", "uk-bgn", "uk-iso9", "ru-bgn", "ru-iso9", "ru-gost779b",
        "ru-alalc", "ko-rr", "ko-rr-translit", "ko-mr"}) {
    EXPECT_NE(o.out.find(std::string(id) + "\t"), std::string::npos) << id;
  }
}

TEST(RomanizeCliTest, ReverseRoundTrip) {
  Output there = Onoma("romanize --scheme ru-gost779b 'Щукин, Объём и Цирк'");
  EXPECT_EQ(there.out, "Shhukin, Ob``yom i Cirk\n");
  Output back = Onoma(
      "romanize --scheme ru-gost779b --reverse 'Shhukin, Ob``yom i Cirk'");
  EXPECT_EQ(back.out, "Щукин, Объём и Цирк\n");
}

TEST(RomanizeCliTest, ReverseNeedsAReversibleScheme) {
  Output o = Onoma("romanize --scheme uk-kmu2010 --reverse Kyiv");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find("not reversible"), std::string::npos) << o.err;
}

TEST(RomanizeCliTest, InvalidUtf8OnStdinNamesLineAndColumn) {
  Output o = Onoma("romanize",
                   "Київ\na\xff"
                   "b\n");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_EQ(o.out, "Kyiv\n");  // what came before the fault is written
  EXPECT_NE(o.err.find("<stdin>:2:2: invalid UTF-8"), std::string::npos)
      << o.err;
  Output first = Onoma("romanize",
                       "a\xff"
                       "b\n");
  EXPECT_EQ(first.exit_code, 3);
  EXPECT_NE(first.err.find(":1:2:"), std::string::npos) << first.err;
}

// Every line before the bad one is written, also past the
// output buffer (64 KiB) and with the fault on the last line.
TEST(RomanizeCliTest, InvalidUtf8AfterManyLinesKeepsThemAll) {
  std::string input, expected;
  for (int i = 0; i < 10000; ++i) {
    input += "Київ " + std::to_string(i) + "\n";
    expected += "Kyiv " + std::to_string(i) + "\n";
  }
  Output o = Onoma("romanize", input + "\xff\n");
  EXPECT_EQ(o.exit_code, 3) << o.err;
  EXPECT_EQ(o.out, expected);
  EXPECT_NE(o.err.find("<stdin>:10001:1: invalid UTF-8"), std::string::npos)
      << o.err;
}

// Under a single scheme the engine checks the text as it decodes
// it; every kind of ill-formed sequence is still refused at its line and
// column, the lines before it written.
TEST(RomanizeCliTest, InvalidUtf8IsFoundWhileDecoding) {
  const std::string kinds[] = {
      "\xff",              // never in UTF-8
      "\x80",              // a continuation byte alone
      "\xc0\x80",          // overlong NUL
      "\xe0\x80\xaf",      // overlong '/'
      "\xed\xa0\x80",      // a surrogate
      "\xf4\x90\x80\x80",  // past U+10FFFF
      "\xd0",              // cut short at the end of the line
      "\xea\xb0",          // a Hangul syllable cut short
  };
  for (const char* scheme : {"uk-bgn", "uk-kmu2010", "ko-rr"}) {
    for (const std::string& bad : kinds) {
      Output o = Onoma(std::string("romanize --scheme ") + scheme,
                       "Київ\nab" + bad + "c\nЛьвів\n");
      EXPECT_EQ(o.exit_code, 3) << scheme << " " << bad;
      const std::string first = std::string(scheme) == "ko-rr"    ? "Київ\n"
                                : std::string(scheme) == "uk-bgn" ? "Kyyiv\n"
                                                                  : "Kyiv\n";
      EXPECT_EQ(o.out, first) << scheme;
      EXPECT_NE(o.err.find("<stdin>:2:3: invalid UTF-8"), std::string::npos)
          << scheme << " " << o.err;
    }
  }
}

// Input in blocks: a line longer than the block, lines across block
// boundaries, and a last line without its newline come out whole.
TEST(RomanizeCliTest, LongLinesAndALastLineWithoutNewline) {
  std::string long_line, want_long;
  for (int i = 0; i < 300000; ++i) {
    long_line += "Київ ";
    want_long += "Kyiv ";
  }
  std::string input, expected;
  for (int i = 0; i < 50000; ++i) {
    input += "Львів " + std::to_string(i) + "\n";
    expected += "Lviv " + std::to_string(i) + "\n";
  }
  Output o = Onoma("romanize --scheme uk-kmu2010",
                   input + long_line + "\n" + input + "Київ");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(o.out == expected + want_long + "\n" + expected + "Kyiv\n")
      << o.out.size();
}

TEST(RomanizeCliTest, UnknownSchemeIsAUsageError) {
  Output o = Onoma("romanize --scheme xx-none Київ");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.rfind("onoma: --scheme: unknown scheme 'xx-none'", 0), 0u)
      << o.err;
}

TEST(RomanizeCliTest, UserTableLoadsAndRuns) {
  TempFile table(
      "scheme: x-test\ntitle: a test\nscript: cyrillic\n"
      "к → q\nи → ï\nї → yi\nв → w\n");
  Output o =
      Onoma("romanize --table '" + table.path() + "' --scheme x-test Київ");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Qïyiw\n");
}

TEST(RomanizeCliTest, MalformedTableIsBadInputWithLineAndColumn) {
  TempFile table("scheme: x-bad\nscript: cyrillic\nа → a sometimes\n");
  Output o = Onoma("romanize --table '" + table.path() + "' Київ");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find(table.path() + ":3:7: unknown condition 'sometimes'"),
            std::string::npos)
      << o.err;
}

TEST(RomanizeCliTest, MissingTableFileIsBadInput) {
  Output o = Onoma("romanize --table /nonexistent/table.txt Київ");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("/nonexistent/table.txt"), std::string::npos) << o.err;
}

TEST(CliTest, UnknownCommandHasAHint) {
  Output o = Onoma("nosuchcommand");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("'nosuchcommand' is not an onoma command"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("onoma --help"), std::string::npos) << o.err;
}

TEST(CliTest, DatabaseInMissingDirectoryIsDatabaseError) {
  Output o = Onoma("--db /nonexistent-dir/x.db tm stats");
  EXPECT_EQ(o.exit_code, 4);
  EXPECT_EQ(o.err.rfind("onoma: tm stats: no database at "
                        "/nonexistent-dir/x.db",
                        0),
            0u)
      << o.err;
  // A command that writes would create the file, but not the directory.
  o = Onoma("--db /nonexistent-dir/x.db tm add --from en --to uk a b");
  EXPECT_EQ(o.exit_code, 4);
  EXPECT_EQ(o.err.rfind("onoma: tm add: cannot open database "
                        "/nonexistent-dir/x.db",
                        0),
            0u)
      << o.err;
}

TEST(CliTest, VersionAndHelp) {
  Output version = Onoma("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("onoma ", 0), 0u);
  for (const char* command : {"", "romanize", "tm", "tm lookup", "term add"}) {
    Output help = Onoma(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Usage:"), std::string::npos) << command;
  }
}

// Every command is implemented now; the last one to be, on a new store
// (an empty file is an empty SQLite database).
TEST(CliTest, ConcordanceOnANewStoreFindsNothing) {
  TempFile db("");
  Output o = Onoma("--db '" + db.path() + "' tm concordance Kyiv");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "no segment contains 'Kyiv'\n");
  std::remove((db.path() + "-wal").c_str());
  std::remove((db.path() + "-shm").c_str());
}

}  // namespace
}  // namespace onoma::testing
