// ParseArgs (cli/options.h) without a process: every command's forms parse
// to the command and arguments docs/cli.md gives them, and every usage
// error ends in exit code 2 with the message a user sees.

#include "cli/options.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/command_table.h"
#include "cli/exit_codes.h"

namespace onoma::cli {
namespace {

struct Parsed {
  ParseOutcome outcome;
  std::string out;
  std::string err;
};

Parsed Parse(std::vector<std::string> args) {
  args.insert(args.begin(), "onoma");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  Parsed parsed;
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  parsed.outcome = ParseArgs(static_cast<int>(args.size()), argv.data());
  parsed.out = ::testing::internal::GetCapturedStdout();
  parsed.err = ::testing::internal::GetCapturedStderr();
  return parsed;
}

// The command a form runs, or "" when it runs none.
std::string CommandOf(const std::vector<std::string>& args) {
  Parsed parsed = Parse(args);
  EXPECT_EQ(parsed.err, "") << args[0];
  return parsed.outcome.options ? parsed.outcome.options->command_name : "";
}

TEST(ParseArgsTest, EveryCommandParses) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> forms = {
      {{"romanize", "Київ"}, "romanize"},
      {{"romanize", "--list"}, "romanize"},
      {{"term", "import", "news.tbx"}, "term import"},
      {{"term", "export", "terms.tsv"}, "term export"},
      {{"term", "add", "kyiv", "uk", "Київ"}, "term add"},
      {{"term", "lookup", "Kiev"}, "term lookup"},
      {{"term", "edit", "kyiv", "--type", "place"}, "term edit"},
      {{"term", "remove", "kyiv", "en", "Kiev"}, "term remove"},
      {{"term", "list"}, "term list"},
      {{"term", "index"}, "term index"},
      {{"normalize", "article.txt"}, "normalize"},
      {{"tm", "import", "memory.tmx"}, "tm import"},
      {{"tm", "export", "out.tmx"}, "tm export"},
      {{"tm", "add", "--from", "en", "--to", "uk", "Kyiv", "Київ"}, "tm add"},
      {{"tm", "lookup", "--from", "en", "--to", "uk", "Kyiv said"},
       "tm lookup"},
      {{"tm", "concordance", "Київ"}, "tm concordance"},
      {{"tm", "align", "--from", "en", "--to", "uk", "a.txt", "b.txt"},
       "tm align"},
      {{"tm", "stats"}, "tm stats"},
      {{"tm", "index"}, "tm index"},
      {{"segment", "article.txt"}, "segment"},
      {{"pretranslate", "--from", "en", "--to", "uk", "report.txt"},
       "pretranslate"},
      {{"info"}, "info"},
      {{"serve"}, "serve"},
      {{"db", "copy", "news.db", "copy.db"}, "db copy"},
  };
  for (const auto& [args, command] : forms) {
    EXPECT_EQ(CommandOf(args), command) << args[0];
  }
}

TEST(ParseArgsTest, ArgumentsArriveTyped) {
  Parsed p = Parse({"--db", "news.db", "--busy-timeout", "2.5", "--read-only",
                    "tm", "lookup", "--from", "en", "--to", "uk", "--min", "80",
                    "--max", "3", "--json", "-"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  const Options& o = *p.outcome.options;
  EXPECT_EQ(o.db, "news.db");
  EXPECT_DOUBLE_EQ(o.busy_timeout, 2.5);
  EXPECT_TRUE(o.read_only);
  EXPECT_EQ(o.tm.from, "en");
  EXPECT_EQ(o.tm.to, "uk");
  EXPECT_EQ(o.tm.min, 80);
  EXPECT_EQ(o.tm.max, 3);
  EXPECT_TRUE(o.tm.json);
  EXPECT_EQ(o.tm.text, "-");

  p = Parse({"serve", "--port", "0", "--allow-edit"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->serve.port, 0);
  EXPECT_TRUE(p.outcome.options->serve.allow_edit);

  p = Parse({"pretranslate", "--from", "en", "--to", "uk", "--min", "60",
             "--format", "xliff12", "-o", "out.xlf", "report.txt"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->pretranslate.min, 60);
  EXPECT_EQ(p.outcome.options->pretranslate.format, DraftFormat::kXliff12);
  EXPECT_EQ(p.outcome.options->pretranslate.output, "out.xlf");

  // Defaults, as docs/cli.md gives them.
  p = Parse({"tm", "lookup", "--from", "en", "--to", "uk", "x"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->tm.min, 70);
  EXPECT_EQ(p.outcome.options->tm.max, 5);
  EXPECT_DOUBLE_EQ(p.outcome.options->busy_timeout, 30);
  EXPECT_FALSE(p.outcome.options->db.has_value());
}

// An option that takes one word of a fixed set arrives as the value that
// word stands for; one not given keeps the default docs/cli.md gives.
TEST(ParseArgsTest, ChoicesArriveAsValues) {
  Parsed p = Parse({"romanize", "--lang", "ru", "--style", "common", "x"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->romanize.lang, CyrillicLang::kRu);
  EXPECT_EQ(p.outcome.options->romanize.style, NameStyleArg::kCommon);
  p = Parse({"romanize", "x"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->romanize.lang, CyrillicLang::kUk);
  EXPECT_EQ(p.outcome.options->romanize.style, NameStyleArg::kScheme);

  p = Parse({"term", "add", "kyiv", "en", "Kiev", "--status", "deprecated",
             "--type", "place"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.status, TermStatusArg::kDeprecated);
  EXPECT_EQ(p.outcome.options->term.concept_type, ConceptTypeArg::kPlace);
  p = Parse({"term", "add", "kyiv", "uk", "Київ"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.status, TermStatusArg::kPreferred);
  EXPECT_EQ(p.outcome.options->term.concept_type, ConceptTypeArg::kOther);

  p = Parse({"term", "edit", "kyiv", "en", "Kiev", "--status", "admitted"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.edit_status, TermStatusArg::kAdmitted);
  EXPECT_FALSE(p.outcome.options->term.edit_concept_type.has_value());
  p = Parse({"term", "edit", "kyiv", "--type", "organization"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.edit_concept_type,
            ConceptTypeArg::kOrganization);
  EXPECT_FALSE(p.outcome.options->term.edit_status.has_value());

  p = Parse({"term", "import", "--on-conflict", "replace", "news.tbx"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.on_conflict, OnConflictArg::kReplace);
  p = Parse({"term", "import", "news.tbx"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->term.on_conflict, OnConflictArg::kKeep);

  p = Parse({"tm", "import", "--on-duplicate", "newest", "--format", "xliff",
             "report.uk.xlf"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->tm.on_duplicate, OnDuplicateArg::kNewest);
  EXPECT_EQ(p.outcome.options->tm.format, TmFormatArg::kXliff);
  p = Parse({"tm", "import", "memory.tmx"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->tm.on_duplicate, OnDuplicateArg::kBoth);
  EXPECT_FALSE(p.outcome.options->tm.format.has_value());
  p = Parse({"tm", "add", "--from", "en", "--to", "uk", "--on-duplicate",
             "keep", "Kyiv", "Київ"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_EQ(p.outcome.options->tm.on_duplicate, OnDuplicateArg::kKeep);

  // xliff and xliff20 are one format; not given, -o's extension decides.
  for (const char* word : {"xliff", "xliff20"}) {
    p = Parse({"pretranslate", "--from", "en", "--to", "uk", "--format", word,
               "report.txt"});
    ASSERT_TRUE(p.outcome.options) << p.err;
    EXPECT_EQ(p.outcome.options->pretranslate.format, DraftFormat::kXliff20)
        << word;
  }
  p = Parse({"pretranslate", "--from", "en", "--to", "uk", "report.txt"});
  ASSERT_TRUE(p.outcome.options) << p.err;
  EXPECT_FALSE(p.outcome.options->pretranslate.format.has_value());
}

TEST(ParseArgsTest, HelpAndVersionRunNothing) {
  Parsed p = Parse({"--help"});
  EXPECT_FALSE(p.outcome.options);
  EXPECT_EQ(p.outcome.exit_code, kExitOk);
  EXPECT_NE(p.out.find("Usage: onoma"), std::string::npos);
  p = Parse({"tm", "import", "--help"});
  EXPECT_FALSE(p.outcome.options);
  EXPECT_EQ(p.outcome.exit_code, kExitOk);
  EXPECT_NE(p.out.find("--on-duplicate"), std::string::npos);
  p = Parse({"--version"});
  EXPECT_FALSE(p.outcome.options);
  EXPECT_EQ(p.outcome.exit_code, kExitOk);
  EXPECT_EQ(p.out.rfind("onoma ", 0), 0u);
}

struct UsageError {
  std::vector<std::string> args;
  std::string message;  // the whole of standard error
};

TEST(ParseArgsTest, UsageErrorsExitTwoWithTheMessage) {
  const std::vector<UsageError> errors = {
      {{"romanise", "x"},
       "onoma: 'romanise' is not an onoma command; did you mean "
       "'romanize'?\nRun 'onoma --help' for usage.\n"},
      {{"frobnicate"},
       "onoma: 'frobnicate' is not an onoma command\n"
       "Run 'onoma --help' for usage.\n"},
      {{"tm"},
       "onoma: tm: a command is required\nRun 'onoma tm --help' for usage.\n"},
      {{"tm", "lookup", "--from", "en", "x"},
       "onoma: tm lookup: --to is required\n"
       "Run 'onoma tm lookup --help' for usage.\n"},
      {{"tm", "lookup", "--from"},
       "onoma: tm lookup: --from needs a value\n"
       "Run 'onoma tm lookup --help' for usage.\n"},
      {{"tm", "lookup", "--from", "en", "--to", "uk", "--min", "abc", "x"},
       "onoma: tm lookup: --min: 'abc' is not a number\n"
       "Run 'onoma tm lookup --help' for usage.\n"},
      {{"tm", "lookup", "--from", "en", "--to", "uk", "--min", "101", "x"},
       "onoma: tm lookup: --min: 101 is not between 0 and 100\n"
       "Run 'onoma tm lookup --help' for usage.\n"},
      {{"tm", "import", "--on-duplicate", "foo", "x.tmx"},
       "onoma: tm import: --on-duplicate: 'foo' is not one of: keep, "
       "replace, newest\nRun 'onoma tm import --help' for usage.\n"},
      {{"tm", "import", "--format", "TMX", "x.tmx"},
       "onoma: tm import: --format: 'TMX' is not one of: tmx, xliff\n"
       "Run 'onoma tm import --help' for usage.\n"},
      {{"tm", "add", "--from", "en", "--to", "uk", "--on-duplicate", "both",
        "a", "b"},
       "onoma: tm add: --on-duplicate: 'both' is not one of: keep, replace, "
       "newest\nRun 'onoma tm add --help' for usage.\n"},
      {{"romanize", "--lang", "be", "x"},
       "onoma: romanize: --lang: 'be' is not one of: uk, ru\n"
       "Run 'onoma romanize --help' for usage.\n"},
      {{"romanize", "--style", "fancy", "x"},
       "onoma: romanize: --style: 'fancy' is not one of: scheme, common\n"
       "Run 'onoma romanize --help' for usage.\n"},
      {{"term", "add", "k", "uk", "K", "--status", "Preferred"},
       "onoma: term add: --status: 'Preferred' is not one of: preferred, "
       "admitted, deprecated\nRun 'onoma term add --help' for usage.\n"},
      {{"term", "edit", "k", "--type", "city"},
       "onoma: term edit: --type: 'city' is not one of: person, place, "
       "organization, other\nRun 'onoma term edit --help' for usage.\n"},
      {{"term", "import", "--on-conflict", "merge", "a.tsv"},
       "onoma: term import: --on-conflict: 'merge' is not one of: keep, "
       "replace\nRun 'onoma term import --help' for usage.\n"},
      {{"pretranslate", "--from", "en", "--to", "uk", "--format", "docx",
        "r.txt"},
       "onoma: pretranslate: --format: 'docx' is not one of: xliff, xliff20, "
       "xliff12, tmx, tsv, text\nRun 'onoma pretranslate --help' for "
       "usage.\n"},
      {{"info", "extra"},
       "onoma: info: unexpected arguments: extra\n"
       "Run 'onoma info --help' for usage.\n"},
      {{"db", "copy", "x"},
       "onoma: db copy: destination is required\n"
       "Run 'onoma db copy --help' for usage.\n"},
  };
  for (const UsageError& e : errors) {
    Parsed p = Parse(e.args);
    EXPECT_FALSE(p.outcome.options) << e.args[0];
    EXPECT_EQ(p.outcome.exit_code, kExitUsage) << e.args[0];
    EXPECT_EQ(p.err, e.message);
  }
  // No command: the help, on standard error.
  Parsed p = Parse({});
  EXPECT_FALSE(p.outcome.options);
  EXPECT_EQ(p.outcome.exit_code, kExitUsage);
  EXPECT_NE(p.err.find("Usage: onoma"), std::string::npos);
}

// One row per command: the path ParseArgs gives it, a run for each command
// and none for a group, and a group before the commands under it.
TEST(CommandTableTest, EveryRowIsReachable) {
  std::vector<std::string_view> seen;
  for (const CommandSpec& spec : CommandTable()) {
    EXPECT_EQ(FindCommand(spec.path), &spec) << spec.path;
    ASSERT_NE(spec.define, nullptr) << spec.path;
    EXPECT_EQ(spec.run == nullptr, spec.reads_only == nullptr) << spec.path;
    const std::size_t space = spec.path.rfind(' ');
    if (space != std::string_view::npos) {
      const CommandSpec* group = FindCommand(spec.path.substr(0, space));
      ASSERT_NE(group, nullptr) << spec.path;
      EXPECT_EQ(group->run, nullptr) << spec.path;
      EXPECT_NE(std::find(seen.begin(), seen.end(), group->path), seen.end())
          << spec.path;
    }
    seen.push_back(spec.path);
  }
  EXPECT_EQ(FindCommand("romanise"), nullptr);
  // What reads only: a read-only database serves it.
  Parsed p = Parse({"serve"});
  ASSERT_TRUE(p.outcome.options);
  EXPECT_TRUE(p.outcome.options->command->reads_only(*p.outcome.options));
  p = Parse({"serve", "--allow-edit"});
  ASSERT_TRUE(p.outcome.options);
  EXPECT_FALSE(p.outcome.options->command->reads_only(*p.outcome.options));
  p = Parse({"tm", "import", "a.tmx"});
  ASSERT_TRUE(p.outcome.options);
  EXPECT_FALSE(p.outcome.options->command->reads_only(*p.outcome.options));
}

}  // namespace
}  // namespace onoma::cli
