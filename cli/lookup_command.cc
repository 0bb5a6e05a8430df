// onoma tm lookup: fuzzy matches for a sentence, or for each line of
// standard input (memory/tm/lookup.h does the work). The term store, when
// it has concepts, lends its names for substitution.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "lib/text/utf8.h"
#include "memory/terms/term_store.h"
#include "memory/tm/lookup.h"

namespace onoma::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kDifferOn[] = "\033[1;33m";   // bold yellow: differs
constexpr char kReplacedOn[] = "\033[1;32m"; // bold green: substituted
constexpr char kOff[] = "\033[0m";

bool UseColour() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 &&
         (no_color == nullptr || no_color[0] == '\0');
}

// `text` with `spans` wrapped in `on` ... kOff (when colour is on).
std::string Marked(const std::string& text, const std::vector<tm::Span>& spans,
                   const char* on, bool colour) {
  if (!colour) return text;
  std::string out;
  std::size_t at = 0;
  for (const tm::Span& s : spans) {
    if (s.begin < at || s.end > text.size()) continue;
    out.append(text, at, s.begin - at);
    out += on;
    out.append(text, s.begin, s.end - s.begin);
    out += kOff;
    at = s.end;
  }
  out.append(text, at);
  return out;
}

// The first lookup after a big import builds the index: a progress line on
// a terminal, at most five times a second, cleared when done.
class IndexLine {
 public:
  IndexLine() : enabled_(isatty(STDERR_FILENO) == 1) {}
  ~IndexLine() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  IndexLine(const IndexLine&) = delete;
  IndexLine& operator=(const IndexLine&) = delete;

  void Update(const tm::IndexProgress& p) {
    if (!enabled_ || p.units_total == 0) return;
    const Clock::time_point now = Clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    const std::string line =
        "\r" +
        Format(Tr("indexing the memory for lookup: {0}%"),
               {std::to_string(p.units_done * 100 / p.units_total)}) +
        "\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  Clock::time_point last_;
};

std::string SpansJson(const std::vector<tm::Span>& spans) {
  std::string out = "[";
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out += ", ";
    out += "[" + std::to_string(spans[i].begin) + ", " +
           std::to_string(spans[i].end) + "]";
  }
  return out + "]";
}

void PrintJson(std::string_view query, const std::vector<tm::Match>& matches) {
  std::string line = "{\"query\": " + JsonString(query) + ", \"matches\": [";
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const tm::Match& m = matches[i];
    if (i > 0) line += ", ";
    line += "{\"score\": " + std::to_string(m.score) +
            ", \"source\": " + JsonString(m.source) +
            ", \"target\": " + JsonString(m.proposed) +
            ", \"stored_target\": " + JsonString(m.target) +
            ", \"tuid\": " + JsonString(m.tuid) +
            ", \"unit\": " + std::to_string(m.unit_id) +
            ", \"changed\": " + JsonString(m.changed) +
            ", \"edits\": " + std::to_string(m.edits) +
            ", \"differences\": " + SpansJson(m.differences) +
            ", \"query_differences\": " + SpansJson(m.query_differences) +
            ", \"substitutions\": [";
    for (std::size_t k = 0; k < m.substitutions.size(); ++k) {
      const tm::Substitution& s = m.substitutions[k];
      if (k > 0) line += ", ";
      line += "{\"kind\": " +
              JsonString(s.kind == tm::Substitution::Kind::kNumber ? "number"
                                                                   : "name") +
              ", \"from\": " + JsonString(s.from) +
              ", \"to\": " + JsonString(s.to) +
              ", \"in_source\": " + SpansJson({s.in_source}) +
              ", \"in_target\": " + SpansJson({s.in_proposed}) + "}";
    }
    line += "]}";
  }
  std::cout << line << "]}\n";
}

void PrintText(std::string_view query, const std::vector<tm::Match>& matches,
               int min_score, bool batch, bool colour) {
  if (batch) std::cout << "# " << query << '\n';
  if (matches.empty()) {
    std::cout << Format(Tr("no match scoring {0} or more"),
                        {std::to_string(min_score)})
              << '\n';
  }
  for (const tm::Match& m : matches) {
    std::string head = std::to_string(m.score) + "%";
    if (!m.tuid.empty()) head += "  " + Format(Tr("unit {0}"), {m.tuid});
    if (!m.changed.empty()) head += "  " + m.changed.substr(0, 8);
    std::cout << head << '\n';
    std::cout << "  " << Tr("source:") << ' '
              << Marked(m.source, m.differences, kDifferOn, colour) << '\n';
    if (m.substitutions.empty()) {
      std::cout << "  " << Tr("target:") << ' ' << m.target << '\n';
      continue;
    }
    std::vector<tm::Span> replaced;
    for (const tm::Substitution& s : m.substitutions) {
      replaced.push_back(s.in_proposed);
    }
    std::cout << "  " << Tr("target:") << ' '
              << Marked(m.proposed, replaced, kReplacedOn, colour) << '\n';
    std::string list;
    for (const tm::Substitution& s : m.substitutions) {
      if (!list.empty()) list += ", ";
      list += s.from + " → " + s.to;
    }
    std::cout << "  " << Format(Tr("substituted: {0}"), {list}) << '\n';
  }
  if (batch) std::cout << '\n';
}

}  // namespace

int RunTmLookup(const Options& options) {
  const std::string what = options.command_name;
  const TmArgs& args = options.tm;
  auto db = OpenStore(options);
  if (!db.ok()) return Fail(what, db.status());

  // The term store's names, when it has any.
  std::optional<normalize::Matcher> matcher;
  std::optional<normalize::NameFinder> names;
  {
    terms::TermStore store(*db);
    auto input = ReadStore(store);
    if (!input.ok()) return Fail(what, input.status());
    if (!input->concepts.empty()) {
      auto compiled = normalize::Matcher::Compile(*input);
      if (!compiled.ok()) return Fail(what, compiled.status());
      matcher.emplace(std::move(*compiled));
      auto finder = normalize::NameFinder::Create(*matcher);
      if (!finder.ok()) return Fail(what, finder.status());
      names.emplace(std::move(*finder));
    }
  }

  tm::LookupOptions lookup_options;
  lookup_options.from = args.from;
  lookup_options.to = args.to;
  lookup_options.min_score = args.min;
  lookup_options.max_matches = args.max;
  lookup_options.names = names ? &*names : nullptr;
  IndexLine progress;
  lookup_options.on_progress = [&](const tm::IndexProgress& p) {
    progress.Update(p);
  };
  auto lookup = tm::Lookup::Open(*db, lookup_options);
  if (!lookup.ok()) return Fail(what, lookup.status());
  const bool colour = !args.json && UseColour();

  auto answer = [&](std::string_view query, bool batch) -> Status {
    auto matches = lookup->Find(query);
    if (!matches.ok()) return matches.status();
    if (args.json) {
      PrintJson(query, *matches);
    } else {
      PrintText(query, *matches, args.min, batch, colour);
    }
    return Status::Ok();
  };
  if (args.text != "-") {
    Status s = answer(args.text, false);
    return s.ok() ? kExitOk : Fail(what, s);
  }
  // One answer per line: an empty line gets an empty answer, so that the
  // n-th output line (JSON) answers the n-th input line.
  text::Utf8Validator validator("<stdin>");
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Status valid = validator.ValidateLine(line);
    if (!valid.ok()) return Fail(what, valid);
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      if (args.json) PrintJson(line, {});
      continue;
    }
    Status s = answer(line, true);
    if (!s.ok()) return Fail(what, s.WithContext("<stdin>"));
    std::cout.flush();
  }
  return kExitOk;
}

}  // namespace onoma::cli
