// onoma tm lookup: fuzzy matches for a sentence, or for each line of
// standard input (memory/tm/lookup.h does the work). The term store, when
// it has concepts, lends its names for substitution.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/json_answers.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "cli/terminal.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/text/utf8.h"
#include "lib/util/line_reader.h"
#include "memory/terms/term_store.h"
#include "memory/tm/concordance.h"
#include "memory/tm/lookup.h"
#include "memory/tm/tm_index.h"

namespace onoma::cli {
namespace {

constexpr char kDifferOn[] = "\033[1;33m";    // bold yellow: differs
constexpr char kReplacedOn[] = "\033[1;32m";  // bold green: substituted
constexpr char kOff[] = "\033[0m";

std::string Shown(std::string_view text, const Display& display) {
  std::string out;
  AppendShown(out, text, display);
  return out;
}

// `text` as the display shows it, with `spans` wrapped in `on` ... kOff
// when it highlights.
std::string Marked(const std::string& text, const std::vector<tm::Span>& spans,
                   const char* on, const Display& display) {
  std::string out;
  std::size_t at = 0;
  for (const tm::Span& s : spans) {
    if (!display.highlight || s.begin < at || s.end > text.size()) continue;
    AppendShown(out, std::string_view(text).substr(at, s.begin - at), display);
    out += on;
    AppendShown(out, std::string_view(text).substr(s.begin, s.end - s.begin),
                display);
    out += kOff;
    at = s.end;
  }
  AppendShown(out, std::string_view(text).substr(at), display);
  return out;
}

void AppendText(std::string& out, std::string_view query,
                const std::vector<tm::Match>& matches, int min_score,
                bool batch, const Display& display) {
  const bool colour = display.highlight;
  if (batch) out += "# " + Shown(query, display) + '\n';
  if (matches.empty()) {
    out += Format(Tr("no match scoring {0} or more"),
                  {std::to_string(min_score)}) +
           '\n';
  }
  for (const tm::Match& m : matches) {
    std::string head = std::to_string(m.score) + "%";
    if (!m.tuid.empty()) head += "  " + Format(Tr("unit {0}"), {m.tuid});
    if (!m.changed.empty()) head += "  " + m.changed.substr(0, 8);
    out += head + '\n';
    out += "  " + Tr("source:") + ' ' +
           Marked(m.source, m.differences, kDifferOn, display) + '\n';
    if (!colour && !m.differences.empty()) {
      // Without highlighting, the differing words are listed.
      std::string list;
      for (const tm::Span& d : m.differences) {
        if (!list.empty()) list += ", ";
        AppendShown(list,
                    std::string_view(m.source).substr(d.begin, d.end - d.begin),
                    display);
      }
      out += "  " + Format(Tr("differs: {0}"), {list}) + '\n';
    }
    if (m.substitutions.empty()) {
      out += "  " + Tr("target:") + ' ' + Shown(m.target, display) + '\n';
      continue;
    }
    std::vector<tm::Span> replaced;
    for (const tm::Substitution& s : m.substitutions) {
      replaced.push_back(s.in_proposed);
    }
    out += "  " + Tr("target:") + ' ' +
           Marked(m.proposed, replaced, kReplacedOn, display) + '\n';
    std::string list;
    for (const tm::Substitution& s : m.substitutions) {
      if (!list.empty()) list += ", ";
      AppendShown(list, s.from, display);
      list += " → ";
      AppendShown(list, s.to, display);
    }
    out += "  " + Format(Tr("substituted: {0}"), {list}) + '\n';
  }
  if (batch) out += '\n';
}

// The term store's names and their finder, when it has any: the names a
// lookup exchanges.
Status LoadNames(store::Connection& db, const std::string& what,
                 std::optional<normalize::Matcher>& matcher,
                 std::optional<normalize::NameFinder>& names) {
  auto index = OpenNames(db, what);
  if (!index.ok()) return index.status();
  if (index->matcher.concept_count() == 0) return Status::Ok();
  matcher.emplace(std::move(index->matcher));
  auto finder = normalize::NameFinder::Create(*matcher);
  if (!finder.ok()) return finder.status();
  names.emplace(std::move(*finder));
  return Status::Ok();
}

// Answers each line of standard input with `answer(line, true)`. An empty
// line gets an empty answer under --json, so that the n-th output line
// answers the n-th input line; the first failed write stops the batch.
template <typename Answer>
int AnswerLines(const std::string& what, bool json, Answer answer) {
  LineReader lines = LineReader::Stdin();
  text::Utf8Validator validator("<stdin>");
  std::string line;
  for (;;) {
    auto more = lines.NextText(line);
    if (!more.ok()) return Fail(what, TranslateFileError(more.status()));
    if (!*more) break;
    Status valid = validator.ValidateLine(line);
    if (!valid.ok()) return Fail(what, valid);
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      if (!json) continue;
      Status written = WriteStdout(JsonLine(TmLookupJson(line, {})));
      if (written.ok()) written = FlushStdout();
      if (!written.ok()) return Fail(what, written);
      continue;
    }
    Status s = answer(line, true);
    if (StdoutFailed()) return Fail(what, s);
    if (!s.ok()) return Fail(what, s.WithContext("<stdin>"));
  }
  return kExitOk;
}

}  // namespace

int RunTmLookup(const Options& options) {
  const std::string what = options.command_name;
  const TmArgs& args = options.tm;
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(what, db.status());
  std::optional<normalize::Matcher> matcher;
  std::optional<normalize::NameFinder> names;
  Status loaded = LoadNames(**db, what, matcher, names);
  if (!loaded.ok()) return Fail(what, loaded);

  tm::LookupOptions lookup_options;
  lookup_options.from = args.from;
  lookup_options.to = args.to;
  lookup_options.min_score = args.min;
  lookup_options.max_matches = args.max;
  lookup_options.names = names ? &*names : nullptr;
  ProgressLine progress(Tr("indexing the memory for lookup: {0}%"));
  lookup_options.on_progress = [&](const tm::IndexProgress& p) {
    progress.Update(p.units_done, p.units_total);
  };
  lookup_options.on_index_stale = [&db] { NoteStaleIndex(**db); };
  auto lookup = tm::Lookup::Open(**db, lookup_options);
  if (!lookup.ok()) return Fail(what, lookup.status());
  const Display display = ChooseDisplay(args.json);

  auto answer = [&](std::string_view query, bool batch) -> Status {
    auto matches = lookup->Find(query);
    if (!matches.ok()) return matches.status();
    std::string out;
    if (args.json) {
      out = JsonLine(TmLookupJson(query, *matches));
    } else {
      AppendText(out, query, *matches, args.min, batch, display);
    }
    ONOMA_RETURN_IF_ERROR(WriteStdout(out));
    // A batch answers each query as it comes, for a pipe that waits on it.
    return batch ? FlushStdout() : Status::Ok();
  };
  if (args.text == "-") return AnswerLines(what, args.json, answer);
  Status s = answer(args.text, false);
  return s.ok() ? kExitOk : Fail(what, s);
}

int RunTmIndex(const Options& options) {
  const std::string what = options.command_name;
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(what, db.status());
  auto tokenizer = tm::MatchTokenizer::Create();
  if (!tokenizer.ok()) return Fail(what, tokenizer.status());
  {
    ProgressLine progress(Tr("indexing the memory for lookup: {0}%"));
    auto show = [&](const tm::IndexProgress& p) {
      progress.Update(p.units_done, p.units_total);
    };
    Status s = options.tm.rebuild ? tm::RebuildIndex(**db, *tokenizer, show)
                                  : tm::UpdateIndex(**db, *tokenizer, show);
    if (!s.ok()) return Fail(what, s);
  }
  // Concordance's index is SQLite's FTS5 (docs/shared-store.md).
  if (sqlite::Database* file = (*db)->sqlite(); file != nullptr) {
    ProgressLine progress(Tr("indexing the memory for concordance: {0}%"));
    auto indexed = tm::UpdateConcordanceIndex(
        *file, [&](const tm::ConcordanceIndexProgress& p) {
          progress.Update(
              static_cast<std::uint64_t>(std::max<std::int64_t>(p.done, 0)),
              static_cast<std::uint64_t>(std::max<std::int64_t>(p.total, 0)));
        });
    if (!indexed.ok()) return Fail(what, indexed.status());
  }
  auto units = (*db)->Prepare("SELECT indexed_upto FROM tm_index_state",
                              "read the index state");
  if (!units.ok()) return Fail(what, units.status());
  auto row = (*units)->Step();
  if (!row.ok()) return Fail(what, row.status());
  std::cerr << Format(Tr("the indexes cover every unit (up to unit {0})"),
                      {std::to_string(*row ? (*units)->ColumnInt64(0) : 0)})
            << '\n';
  return kExitOk;
}

// The command line of lookup (the rows of cli/command_table.cc).

CLI::App* DefineTmLookup(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_lookup =
      Sub(tm, "lookup",
          Tr("Find translated segments like TEXT; with -, read queries from "
             "standard input, one per line"),
          "  onoma tm lookup --from en --to uk --min 80 \"Kyiv said\"\n");
  tm_lookup->add_option("--from", m.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_lookup->add_option("--to", m.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_lookup
      ->add_option("--min", m.min,
                   Tr("Show matches scoring at least N (0-100, default 70)"))
      ->type_name("N")
      ->check(InRange(0, 100));
  tm_lookup
      ->add_option("--max", m.max, Tr("Show at most N matches (default 5)"))
      ->type_name("N")
      ->check(InRange(1, 1000));
  tm_lookup->add_flag("--json", m.json, Tr("Print JSON Lines"));
  tm_lookup->add_option("text", m.text, Tr("The text, or - for standard input"))
      ->required();
  return tm_lookup;
}

CLI::App* DefineTmIndex(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_index =
      Sub(tm, "index",
          Tr("Bring the lookup and concordance indexes up to date (the "
             "first lookup or concordance after an import does it too)"),
          "  onoma tm index\n"
          "  onoma tm index --rebuild\n");
  tm_index->add_flag("--rebuild", m.rebuild,
                     Tr("Build the lookup index anew from every unit"));
  return tm_index;
}

}  // namespace onoma::cli
