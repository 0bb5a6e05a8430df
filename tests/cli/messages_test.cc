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
    // The first line is CLI11's own, in English; the hint is ours.
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
                                   "info"};
  for (const char* command : kCommands) {
    Output o = RunOnoma("LANG=C", std::string(command) + " --help");
    EXPECT_EQ(o.exit_code, 0) << command;
    EXPECT_NE(doc.find(o.out), std::string::npos)
        << "docs/cli.md is out of date for 'onoma " << command
        << " --help'; run tools/gen_cli_doc.sh";
  }
}

}  // namespace
