// The onoma command's own messages in English, Ukrainian and Korean: runs
// the built binary (ONOMA_CLI_PATH) under different locale variables and
// reads what it prints. The catalogs come from the build tree
// (ONOMA_LOCALEDIR, set by onoma_add_test, or the path compiled into the
// binary); no system locale needs to be installed, since Boost.Locale's ICU
// backend builds the locale itself. The expected phrases are our own
// translations in po/uk.po and po/ko.po: change them together.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/support/run_onoma.h"

namespace {

using onoma::testing::Output;
using onoma::testing::RunOnoma;

// One language setting and phrases that only its catalog prints.
struct LanguageCase {
  const char* env;
  const char* help_usage;       // first line of `onoma --help` after the title
  const char* help_flag;        // the -h,--help line of any command
  const char* romanize_usage;   // in `onoma romanize --help`
  const char* romanize_text;    // the positional of `onoma romanize`
  const char* unknown_command;  // `onoma romnize`
  const char* usage_hint;       // after a usage error in `onoma romanize`
  const char* reverse_error;    // `onoma romanize --reverse x`
  const char* unknown_scheme;   // `onoma romanize --scheme nope x`
};

constexpr LanguageCase kUkrainian = {
    "LANG=uk_UA.UTF-8",
    "Використання: onoma [ПАРАМЕТРИ] [КОМАНДА]",
    "Показати цю довідку й вийти",
    "Використання: onoma romanize [ПАРАМЕТРИ] [text...]",
    "Слова для латинізації",
    "onoma: «romnize» — не команда onoma; можливо, ви мали на увазі "
    "«romanize»?\n",
    "Щоб дізнатися більше, виконайте «onoma romanize --help».\n",
    "onoma: romanize: для --reverse потрібна оборотна схема в --scheme",
    "невідома схема «nope»",
};

constexpr LanguageCase kKorean = {
    "LANG=ko_KR.UTF-8",
    "사용법: onoma [옵션] [명령]",
    "이 도움말을 표시하고 끝냅니다",
    "사용법: onoma romanize [옵션] [text...]",
    "로마자로 표기할 단어",
    "onoma: 'romnize': onoma에 없는 명령입니다. 혹시 'romanize' 명령을 "
    "찾으셨나요?\n",
    "사용법은 'onoma romanize --help'로 확인하십시오.\n",
    "onoma: romanize: --reverse를 쓰려면 --scheme 옵션으로",
    "알 수 없는 표기법 'nope'입니다",
};

constexpr LanguageCase kEnglish = {
    "LANG=C",
    "Usage: onoma [OPTIONS] [SUBCOMMAND]",
    "Print this help and exit",
    "Usage: onoma romanize [OPTIONS] [text...]",
    "Words to romanize",
    "onoma: 'romnize' is not an onoma command; did you mean 'romanize'?\n",
    "Run 'onoma romanize --help' for usage.\n",
    "onoma: romanize: --reverse needs a reversible --scheme",
    "unknown scheme 'nope'",
};

// Each setting with the language it must give.
struct Setting {
  std::string env;
  const LanguageCase* language;
};

std::vector<Setting> Settings() {
  return {
      {kUkrainian.env, &kUkrainian},
      {kKorean.env, &kKorean},
      {kEnglish.env, &kEnglish},
      {"LANG=en_US.UTF-8", &kEnglish},
      {"", &kEnglish},  // no locale variable at all
      {"LANG=uk_UA", &kUkrainian},
      // LC_ALL wins over LANG, LC_MESSAGES over LANG; empty ones are unset.
      {"LC_ALL=ko_KR.UTF-8 LANG=en_US.UTF-8", &kKorean},
      {"LC_ALL=C LANG=uk_UA.UTF-8", &kEnglish},
      {"LC_MESSAGES=uk_UA.UTF-8 LANG=ko_KR.UTF-8", &kUkrainian},
      {"LC_ALL= LANG=ko_KR.UTF-8", &kKorean},
  };
}

TEST(MessagesTest, TopLevelHelpIsInTheChosenLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "--help");
    EXPECT_EQ(o.exit_code, 0) << s.env;
    EXPECT_EQ(o.err, "") << s.env;
    EXPECT_NE(o.out.find(std::string("\n") + s.language->help_usage + "\n"),
              std::string::npos)
        << s.env << "\n"
        << o.out;
    EXPECT_NE(o.out.find(s.language->help_flag), std::string::npos)
        << s.env << "\n"
        << o.out;
    if (s.language != &kEnglish) {
      EXPECT_EQ(o.out.find(kEnglish.help_flag), std::string::npos)
          << s.env << "\n"
          << o.out;
    }
  }
}

TEST(MessagesTest, RomanizeHelpIsInTheChosenLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "romanize --help");
    EXPECT_EQ(o.exit_code, 0) << s.env;
    EXPECT_EQ(o.err, "") << s.env;
    for (const char* phrase :
         {s.language->romanize_usage, s.language->romanize_text,
          s.language->help_flag}) {
      EXPECT_NE(o.out.find(phrase), std::string::npos)
          << s.env << ": no '" << phrase << "' in\n"
          << o.out;
    }
    if (s.language != &kEnglish) {
      EXPECT_EQ(o.out.find(kEnglish.romanize_text), std::string::npos)
          << s.env << "\n"
          << o.out;
    }
  }
}

TEST(MessagesTest, UnknownCommandIsReportedInTheChosenLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "romnize x");
    EXPECT_EQ(o.exit_code, 2) << s.env;
    EXPECT_EQ(o.out, "") << s.env;
    EXPECT_EQ(o.err.rfind(s.language->unknown_command, 0), 0u) << s.env << "\n"
                                                               << o.err;
  }
}

TEST(MessagesTest, ParseErrorEndsWithAHintInTheChosenLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "romanize --bogus");
    EXPECT_EQ(o.exit_code, 2) << s.env;
    EXPECT_EQ(o.out, "") << s.env;
    // The first line is CLI11's error, put in the user's language by
    // cli/options.cc; the hint is ours.
    EXPECT_EQ(o.err.rfind("onoma: romanize: ", 0), 0u) << s.env << "\n"
                                                       << o.err;
    std::string hint = s.language->usage_hint;
    ASSERT_GE(o.err.size(), hint.size()) << s.env << "\n" << o.err;
    EXPECT_EQ(o.err.substr(o.err.size() - hint.size()), hint) << s.env << "\n"
                                                              << o.err;
  }
}

TEST(MessagesTest, CommandErrorIsInTheChosenLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "romanize --reverse x");
    EXPECT_EQ(o.exit_code, 2) << s.env;
    EXPECT_EQ(o.out, "") << s.env;
    EXPECT_EQ(o.err.rfind(s.language->reverse_error, 0), 0u) << s.env << "\n"
                                                             << o.err;
  }
}

TEST(MessagesTest, UnknownSchemeIsAUsageErrorInEveryLanguage) {
  for (const Setting& s : Settings()) {
    Output o = RunOnoma(s.env, "romanize --scheme nope x");
    EXPECT_EQ(o.exit_code, 2) << s.env;
    EXPECT_EQ(o.out, "") << s.env;
    // One line, naming the option and the scheme, in the user's language.
    EXPECT_EQ(o.err.rfind("onoma: --scheme: ", 0), 0u) << s.env << "\n"
                                                       << o.err;
    EXPECT_NE(o.err.find("nope"), std::string::npos) << s.env << "\n" << o.err;
    EXPECT_NE(o.err.find(s.language->unknown_scheme), std::string::npos)
        << s.env << "\n"
        << o.err;
  }
}

// Regression: CLI11's validators and required options spoke
// English whatever the language ("Value 101 not in range 0 to 100", "--to
// is required"). Now they are onoma's messages, through the catalogs.
TEST(MessagesTest, LibraryParseErrorsAreOnomasOwn) {
  struct Case {
    const char* args;
    const char* english;  // the first line under LANG=C
    const char* cli11;    // what CLI11 said, in any language
  } cases[] = {
      {"tm lookup --min 101 --from en --to uk x",
       "onoma: tm lookup: --min: 101 is not between 0 and 100\n",
       "not in range"},
      {"tm lookup --min many --from en --to uk x",
       "onoma: tm lookup: --min: 'many' is not a number\n", "not in range"},
      {"tm lookup --from en x", "onoma: tm lookup: --to is required\n",
       nullptr},
      {"tm lookup --to", "onoma: tm lookup: --to needs a value\n",
       "required LANG missing"},
      {"tm stats extra", "onoma: tm stats: unexpected arguments: extra\n",
       "was not expected"},
      {"tm", "onoma: tm: a command is required\n", "A subcommand"},
      {"tm import --on-duplicate both x.tmx",
       "onoma: tm import: --on-duplicate: 'both' is not one of: keep, "
       "replace, newest\n",
       "not in {"},
      {"--busy-timeout 1e9 tm stats",
       "onoma: tm stats: --busy-timeout: 1e9 is not between 0 and 86400\n",
       "86400.000000"},
  };
  for (const Case& c : cases) {
    Output o = RunOnoma("LANG=C", c.args);
    EXPECT_EQ(o.exit_code, 2) << c.args;
    EXPECT_EQ(o.err.substr(0, o.err.find('\n') + 1), c.english) << c.args;
    // The Ukrainian and Korean wording comes with the catalogs; until a
    // message is translated it is the English above, which a catalog
    // then replaces. CLI11's own text must never show.
    for (const char* env : {"LANG=uk_UA.UTF-8", "LANG=ko_KR.UTF-8"}) {
      o = RunOnoma(env, c.args);
      EXPECT_EQ(o.exit_code, 2) << env << " " << c.args;
      if (c.cli11 != nullptr) {
        EXPECT_EQ(o.err.find(c.cli11), std::string::npos)
            << env << " " << c.args << "\n"
            << o.err;
      }
    }
  }
}

// The display width of `s`: two columns for Hangul, one for Latin and
// Cyrillic (enough for the help of onoma).
std::size_t Columns(const std::string& s) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    const std::size_t length = byte < 0x80   ? 1
                               : byte < 0xE0 ? 2
                               : byte < 0xF0 ? 3
                                             : 4;
    // U+AC00..U+D7A3, Hangul syllables: EA B0 80 to ED 9E A3.
    const bool hangul = length == 3 && byte >= 0xEA && byte <= 0xED;
    columns += hangul ? 2 : 1;
    i += length;
  }
  return columns;
}

// Regression: CLI11 padded the option column by bytes, so with
// a translated type name (<언어> 필수, МОВА) the descriptions of a help
// started at different columns.
TEST(MessagesTest, HelpColumnsLineUpInEveryLanguage) {
  for (const char* env : {"LANG=C", "LANG=uk_UA.UTF-8", "LANG=ko_KR.UTF-8"}) {
    for (const char* command : {"tm lookup", "tm add", "tm align", "term add",
                                "romanize", "normalize", "info", ""}) {
      Output o = RunOnoma(env, std::string(command) + " --help");
      ASSERT_EQ(o.exit_code, 0) << env << " " << command;
      std::size_t lines = 0;
      std::size_t start = 0;
      for (std::size_t end;
           (end = o.out.find('\n', start)) != std::string::npos;
           start = end + 1) {
        const std::string line = o.out.substr(start, end - start);
        // An option or positional with its description on the same line.
        if (!line.starts_with("  -") && !line.starts_with("  text ") &&
            !line.starts_with("  files ")) {
          continue;
        }
        const std::size_t gap = line.find("  ", 2);
        if (gap == std::string::npos) continue;
        const std::size_t description = line.find_first_not_of(' ', gap);
        ASSERT_NE(description, std::string::npos) << line;
        EXPECT_EQ(Columns(line.substr(0, description)), 34u)
            << env << " onoma " << command << " --help:\n"
            << line;
        ++lines;
      }
      EXPECT_GE(lines, 2u) << env << " " << command << "\n" << o.out;
    }
  }
}

// docs/cli.md is generated from the help (tools/gen_cli_doc.sh); it must
// hold every command's English help as the binary prints it.
TEST(CliReferenceTest, DocsHoldTheHelpOfEveryCommand) {
  std::ifstream in(std::string(ONOMA_SOURCE_DIR) + "/docs/cli.md");
  ASSERT_TRUE(in.good()) << "docs/cli.md is missing";
  std::string doc((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  const char* const kCommands[] = {"",
                                   "romanize",
                                   "term",
                                   "term import",
                                   "term export",
                                   "term add",
                                   "term edit",
                                   "term remove",
                                   "term list",
                                   "term lookup",
                                   "normalize",
                                   "tm",
                                   "tm import",
                                   "tm export",
                                   "tm add",
                                   "tm lookup",
                                   "tm concordance",
                                   "tm align",
                                   "tm stats",
                                   "segment",
                                   "info",
                                   "serve",
                                   "db",
                                   "db copy"};
  for (const char* command : kCommands) {
    Output o = RunOnoma("LANG=C", std::string(command) + " --help");
    EXPECT_EQ(o.exit_code, 0) << command;
    EXPECT_NE(doc.find(o.out), std::string::npos)
        << "docs/cli.md is out of date for 'onoma " << command
        << " --help'; run tools/gen_cli_doc.sh";
  }
}

}  // namespace
