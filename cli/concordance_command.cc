// onoma tm concordance: substring search in the translation memory
// (memory/tm/concordance.h; docs/tm.md, "Concordance"). Tested by
// tests/cli/concordance_cli_test.cc.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
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
#include "cli/terminal.h"
#include "lib/text/utf8.h"
#include "lib/util/line_reader.h"
#include "memory/tm/concordance.h"

namespace onoma::cli {
namespace {

// Reverse video and bold: visible on light and dark terminals alike.
constexpr char kHighlightOn[] = "\033[1;7m";
constexpr char kHighlightOff[] = "\033[0m";

void AppendHit(std::string& out, std::string_view text,
               const std::vector<tm::ByteRange>& ranges,
               const Display& display) {
  if (!display.highlight) {
    AppendShown(out, text, display);
    return;
  }
  std::size_t at = 0;
  for (const tm::ByteRange& r : ranges) {
    AppendShown(out, text.substr(at, r.begin - at), display);
    out += kHighlightOn;
    AppendShown(out, text.substr(r.begin, r.end - r.begin), display);
    out += kHighlightOff;
    at = r.end;
  }
  AppendShown(out, text.substr(at), display);
}

void AppendText(std::string& out, std::string_view query,
                const std::vector<tm::ConcordanceHit>& hits,
                const Display& display) {
  if (hits.empty()) {
    out += Format(Tr("no segment contains '{0}'"), {query}) + "\n";
    return;
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const tm::ConcordanceHit& h = hits[i];
    if (i > 0) out += '\n';
    AppendShown(out, h.hit.lang + ": ", display);
    AppendHit(out, h.hit.text, h.ranges, display);
    out += '\n';
    for (const tm::ConcordanceSegment& other : h.others) {
      AppendShown(out, other.lang + ": " + other.text, display);
      out += '\n';
    }
  }
}

Status SearchOne(store::Connection& db, std::string_view query,
                 const Options& options, bool batch, const Display& display) {
  const TmArgs& args = options.tm;
  tm::ConcordanceOptions search;
  search.text = std::string(query);
  search.lang = args.lang;
  search.limit = static_cast<std::size_t>(args.concordance_max);
  ProgressLine progress(Tr("indexing the memory for concordance: {0}%"));
  search.on_index_progress = [&](const tm::ConcordanceIndexProgress& p) {
    progress.Update(
        static_cast<std::uint64_t>(std::max<std::int64_t>(p.done, 0)),
        static_cast<std::uint64_t>(std::max<std::int64_t>(p.total, 0)));
  };
  search.on_index_stale = [&db] { NoteStaleIndex(db); };
  // An empty line of a batch gets an empty answer, so that answers stay
  // one per input line.
  Result<std::vector<tm::ConcordanceHit>> hits =
      std::vector<tm::ConcordanceHit>{};
  if (!(batch && query.empty())) hits = tm::Concordance(db, search);
  if (!hits.ok()) return hits.status();
  std::string out;
  if (args.json) {
    out = JsonLine(ConcordanceJson(query, *hits));
  } else {
    if (batch) out += "# " + std::string(query) + '\n';
    AppendText(out, query, *hits, display);
    if (batch) out += '\n';
  }
  ONOMA_RETURN_IF_ERROR(WriteStdout(out));
  // A batch answers each query as it comes, for a pipe that waits on it.
  return batch ? FlushStdout() : Status::Ok();
}

}  // namespace

int RunTmConcordance(const Options& options) {
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  const Display display = ChooseDisplay(options.tm.json);
  Status status;
  if (options.tm.text != "-") {
    status = SearchOne(**db, options.tm.text, options, false, display);
  } else {
    LineReader lines = LineReader::Stdin();
    text::Utf8Validator validator("<stdin>");
    std::string line;
    while (status.ok()) {
      auto more = lines.NextText(line);
      if (!more.ok()) status = TranslateFileError(more.status());
      if (!more.ok() || !*more) break;
      status = validator.ValidateLine(line);
      if (status.ok()) status = SearchOne(**db, line, options, true, display);
    }
  }
  if (!status.ok()) return Fail(options.command_name, status);
  return kExitOk;
}

// The command line of concordance (the rows of cli/command_table.cc).

CLI::App* DefineTmConcordance(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_conc =
      Sub(tm, "concordance",
          Tr("Find segments that contain TEXT, inside words too, ignoring "
             "case"),
          "  onoma tm concordance --lang uk Київ\n"
          "  onoma tm concordance --json 서울\n");
  tm_conc->add_option("--lang", m.lang, Tr("Search this language only"))
      ->check(LanguageTag(true));
  tm_conc->add_flag("--json", m.json, Tr("Print JSON Lines"));
  tm_conc
      ->add_option("--max", m.concordance_max,
                   Tr("Show at most N units, newest first (default 20)"))
      ->type_name("N")
      ->check(InRange(1, 100000));
  tm_conc->add_option("text", m.text, Tr("The text, or - for standard input"))
      ->required();
  return tm_conc;
}

}  // namespace onoma::cli
