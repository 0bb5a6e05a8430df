// onoma tm import | export | add | stats: the translation memory and TMX
// (memory/tm/translation_memory.h; docs/tm.md). Tested by
// tests/cli/tm_cli_test.cc.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/store.h"
#include "cli/terminal.h"
#include "lib/text/language_tag.h"
#include "memory/formats/tmx_model.h"
#include "memory/tm/translation_memory.h"

namespace onoma::cli {
namespace {

using Clock = std::chrono::steady_clock;

tm::OnDuplicate ToOnDuplicate(OnDuplicateArg policy) {
  switch (policy) {
    case OnDuplicateArg::kBoth:
      return tm::OnDuplicate::kDefault;
    case OnDuplicateArg::kKeep:
      return tm::OnDuplicate::kKeep;
    case OnDuplicateArg::kReplace:
      return tm::OnDuplicate::kReplace;
    case OnDuplicateArg::kNewest:
      return tm::OnDuplicate::kNewest;
  }
  return tm::OnDuplicate::kDefault;
}

// Warnings past this many are counted, not printed: a file with a fault on
// every unit would otherwise bury the summary.
constexpr std::uint64_t kMaxWarningsShown = 100;

std::string Number(std::uint64_t n) { return std::to_string(n); }

std::string Rate(std::uint64_t units, double seconds) {
  if (seconds <= 0) return "-";
  return std::to_string(static_cast<std::uint64_t>(units / seconds));
}

std::string Size(std::uint64_t bytes) {
  char buffer[32];
  if (bytes >= 10ull * 1024 * 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1048576.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f kB", bytes / 1024.0);
  }
  return buffer;
}

// The import's progress: units, their rate and the share of the file read
// (cli/terminal.h), and the time since it began.
class Progress {
 public:
  Progress() : start_(Clock::now()) {}

  void Update(const tm::ImportProgress& p) {
    const double seconds =
        std::chrono::duration<double>(Clock::now() - start_).count();
    std::string text =
        Format(Tr("{0} units, {1} units/s"),
               {Number(p.units_read), Rate(p.units_read, seconds)});
    if (p.bytes_total > 0) {
      text += ", " + std::to_string(p.bytes_read * 100 / p.bytes_total) + "%";
    }
    line_.Show(text);
  }

  // Clears the line before anything else is printed.
  void Clear() { line_.Clear(); }

  double Seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  ProgressLine line_;
  Clock::time_point start_;
};

// The line that sums an import up: what was read and, unless --dry-run,
// what was stored; segments for XLIFF, units for TMX.
std::string ImportReport(const TmArgs& args, const tm::ImportSummary& summary,
                         double seconds) {
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  if (args.dry_run && summary.xliff) {
    return Format(
        Tr("{0}: {1} segments read, {2} not finished, {3} bad "
           "segments skipped, {4} warnings; nothing stored "
           "(--dry-run); {5} s"),
        {args.file, Number(summary.units_read), Number(summary.untranslated),
         Number(summary.skipped_invalid), Number(summary.warnings), elapsed});
  }
  if (args.dry_run) {
    return Format(
        Tr("{0}: {1} units read, {2} bad units skipped, {3} "
           "warnings; nothing stored (--dry-run); {4} s, {5} "
           "units/s"),
        {args.file, Number(summary.units_read), Number(summary.skipped_invalid),
         Number(summary.warnings), elapsed, Rate(summary.units_read, seconds)});
  }
  if (summary.xliff) {
    // XLIFF: segments, of which only the finished ones are stored.
    return Format(
        Tr("{0}: {1} segments read, {2} not finished, {3} "
           "added, {4} replaced, {5} duplicates skipped, {6} "
           "bad segments skipped, {7} warnings; {8} s"),
        {args.file, Number(summary.units_read), Number(summary.untranslated),
         Number(summary.added), Number(summary.replaced),
         Number(summary.skipped_duplicates), Number(summary.skipped_invalid),
         Number(summary.warnings), elapsed});
  }
  return Format(Tr("{0}: {1} units read, {2} added, {3} replaced, {4} "
                   "duplicates skipped, {5} bad units skipped, {6} "
                   "warnings; {7} s, {8} units/s"),
                {args.file, Number(summary.units_read), Number(summary.added),
                 Number(summary.replaced), Number(summary.skipped_duplicates),
                 Number(summary.skipped_invalid), Number(summary.warnings),
                 elapsed, Rate(summary.units_read, seconds)});
}

}  // namespace

int RunTmImport(const Options& options) {
  const TmArgs& args = options.tm;
  tm::ImportOptions settings;
  settings.on_duplicate = ToOnDuplicate(args.on_duplicate);
  Progress progress;
  std::uint64_t warnings = 0;
  settings.lenient = args.lenient;
  settings.any_state = args.any_state;
  settings.source_lang = args.from;
  settings.target_lang = args.to;
  if (args.format) {
    settings.format = *args.format == TmFormatArg::kXliff
                          ? formats::TmFileFormat::kXliff
                          : formats::TmFileFormat::kTmx;
  }
  settings.on_warning = [&](const Status& warning) {
    if (++warnings > kMaxWarningsShown) return;
    progress.Clear();
    std::fprintf(stderr, "onoma: %s: %s: %s\n", options.command_name.c_str(),
                 Tr("warning").c_str(), warning.ToString().c_str());
  };
  settings.on_progress = [&](const tm::ImportProgress& p) {
    progress.Update(p);
  };

  Result<tm::ImportSummary> summary = tm::ImportSummary{};
  if (args.dry_run) {
    summary = tm::CheckTmx(args.file, settings);
  } else {
    auto db = OpenConnection(options);
    if (!db.ok()) return Fail(options.command_name, db.status());
    tm::TranslationMemory memory(**db);
    summary = memory.Import(args.file, settings);
  }
  progress.Clear();
  if (!summary.ok()) return Fail(options.command_name, summary.status());
  if (warnings > kMaxWarningsShown) {
    std::fprintf(stderr, "onoma: %s: %s\n", options.command_name.c_str(),
                 Format(Tr("{0} more warnings not shown"),
                        {Number(warnings - kMaxWarningsShown)})
                     .c_str());
  }
  std::printf("%s\n", ImportReport(args, *summary, progress.Seconds()).c_str());
  return kExitOk;
}

int RunTmExport(const Options& options) {
  const TmArgs& args = options.tm;
  tm::ExportOptions out;
  out.defaults.creationtoolversion = ONOMA_VERSION;
  std::string::size_type start = 0;
  while (start <= args.langs.size() && !args.langs.empty()) {
    std::string::size_type comma = args.langs.find(',', start);
    if (comma == std::string::npos) comma = args.langs.size();
    std::string lang = args.langs.substr(start, comma - start);
    while (!lang.empty() && lang.back() == ' ') lang.pop_back();
    while (!lang.empty() && lang.front() == ' ') lang.erase(0, 1);
    if (lang != "*" && !text::IsLanguageTag(lang)) {
      return Fail(options.command_name,
                  Status::BadArgument(LanguageTagError(lang, "--langs")));
    }
    out.langs.push_back(lang);
    start = comma + 1;
  }
  Status writable = CheckOutputPath(args.file, {}, StorePath(options));
  if (!writable.ok()) return Fail(options.command_name, writable);
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  tm::TranslationMemory memory(**db);
  auto summary = memory.Export(args.file, out);
  if (!summary.ok()) {
    return Fail(options.command_name, TranslateFileError(summary.status()));
  }
  std::FILE* report = args.file == "-" ? stderr : stdout;
  std::fprintf(
      report, "%s\n",
      Format(Tr("{0}: {1} units, {2} variants written"),
             {args.file, Number(summary->units), Number(summary->variants)})
          .c_str());
  return kExitOk;
}

int RunTmAdd(const Options& options) {
  const TmArgs& args = options.tm;
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  tm::TranslationMemory memory(**db);
  auto outcome = memory.Add(args.from, args.to, args.source, args.target,
                            ToOnDuplicate(args.on_duplicate));
  if (!outcome.ok()) return Fail(options.command_name, outcome.status());
  switch (*outcome) {
    case tm::AddOutcome::kAdded:
      std::printf("%s\n", Tr("added").c_str());
      break;
    case tm::AddOutcome::kReplaced:
      std::printf("%s\n", Tr("replaced").c_str());
      break;
    case tm::AddOutcome::kDuplicate:
      std::printf("%s\n", Tr("already in the memory").c_str());
      break;
  }
  return kExitOk;
}

int RunTmStats(const Options& options) {
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(options.command_name, db.status());
  tm::TranslationMemory memory(**db);
  auto stats = memory.Stats();
  if (!stats.ok()) return Fail(options.command_name, stats.status());
  auto list = [](const std::vector<tm::TmStats::Count>& counts) {
    std::string out;
    for (const auto& c : counts) {
      if (!out.empty()) out += ", ";
      out += c.what + " " + Number(c.count);
    }
    return out.empty() ? std::string("-") : out;
  };
  std::printf("%s: %s\n", Tr("units").c_str(), Number(stats->units).c_str());
  std::printf("%s: %s\n", Tr("variants").c_str(),
              Number(stats->variants).c_str());
  std::printf("%s: %s\n", Tr("languages").c_str(),
              list(stats->languages).c_str());
  std::printf("%s: %s\n", Tr("pairs").c_str(), list(stats->pairs).c_str());
  std::printf("%s: %s\n", Tr("sources").c_str(),
              Number(stats->sources.size()).c_str());
  for (const auto& source : stats->sources) {
    std::printf("  %s (%s, %s): %s\n", source.name.c_str(), source.kind.c_str(),
                source.imported_at.c_str(),
                Format(Tr("{0} units"), {Number(source.units)}).c_str());
  }
  std::string size = Size(stats->file_bytes);
  if (stats->tm_bytes > 0) {
    size += " (" +
            Format(Tr("translation memory: {0}"), {Size(stats->tm_bytes)}) +
            ")";
  }
  std::printf("%s: %s\n", Tr("size on disk").c_str(), size.c_str());
  std::printf("%s: %s\n", Tr("database").c_str(), stats->location.c_str());
  return kExitOk;
}

// The command line of tm (the rows of cli/command_table.cc).

namespace {

// The words of --on-duplicate; not given, both units are kept.
std::vector<Choice<OnDuplicateArg>> OnDuplicateChoices() {
  return {{"keep", OnDuplicateArg::kKeep},
          {"replace", OnDuplicateArg::kReplace},
          {"newest", OnDuplicateArg::kNewest}};
}

}  // namespace

CLI::App* DefineTmGroup(CLI::App& app, Options& /*opts*/) {
  CLI::App* tm = Sub(app, "tm",
                     Tr("Keep the translation memory: import and export TMX, "
                        "look up and align."),
                     "  onoma tm import memory.tmx\n"
                     "  onoma tm lookup --from en --to uk \"Kyiv said\"\n");
  tm->require_subcommand(1);
  return tm;
}

CLI::App* DefineTmImport(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_import =
      Sub(tm, "import",
          Tr("Import a TMX file (1.1 to 1.4b) or the finished segments of "
             "an XLIFF file (1.0 to 2.2), all or nothing"),
          "  onoma tm import memory.tmx\n"
          "  onoma tm import --on-duplicate newest --lenient old.tmx\n"
          "  onoma tm import report.uk.xlf\n"
          "  onoma tm import --to fr messages.fr.xlf\n");
  tm_import
      ->add_option("file", m.file,
                   Tr("The TMX or XLIFF file (.xlf, .xliff, .sdlxliff, "
                      ".mqxliff, or found by its root element)"))
      ->required();
  AddChoice(*tm_import, "--on-duplicate", m.on_duplicate, OnDuplicateChoices(),
            Tr("For a unit whose source and languages the memory already "
               "has: keep (the memory's), replace (with the file's) or "
               "newest (the later changed); default: keep both when they "
               "differ"))
      ->type_name(Tr("POLICY"));
  tm_import->add_flag("--lenient", m.lenient,
                      Tr("Skip bad units with a warning instead of failing"));
  tm_import->add_flag("--dry-run", m.dry_run,
                      Tr("Read and check the file; store nothing"));
  tm_import
      ->add_option("--from", m.from,
                   Tr("XLIFF: the source language, for a file that names "
                      "none"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  tm_import
      ->add_option("--to", m.to,
                   Tr("XLIFF: the target language, for a file that names "
                      "none"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  AddChoice(*tm_import, "--format", m.format,
            {{"tmx", TmFormatArg::kTmx}, {"xliff", TmFormatArg::kXliff}},
            Tr("tmx or xliff; default: by the file's extension, else its "
               "root element"))
      ->type_name(Tr("FORMAT"));
  tm_import->add_flag("--any-state", m.any_state,
                      Tr("XLIFF: store every segment with a target, "
                         "whatever its state"));
  return tm_import;
}

CLI::App* DefineTmExport(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_export =
      Sub(tm, "export",
          Tr("Export the memory as valid TMX 1.4b (- for standard output)"),
          "  onoma tm export out.tmx --langs en,uk\n");
  tm_export->add_option("file", m.file, Tr("The TMX file"))->required();
  tm_export->add_option("--langs", m.langs,
                        Tr("Only these languages, comma-separated (en takes "
                           "en-US too); units left with fewer than two are "
                           "not written"));
  return tm_export;
}

CLI::App* DefineTmAdd(CLI::App& tm, Options& opts) {
  TmArgs& m = opts.tm;
  CLI::App* tm_add = Sub(tm, "add", Tr("Add one segment pair"),
                         "  onoma tm add --from en --to uk Kyiv Київ\n");
  tm_add->add_option("--from", m.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_add->add_option("--to", m.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  tm_add->add_option("source", m.source, Tr("Source text"))->required();
  tm_add->add_option("target", m.target, Tr("Target text"))->required();
  AddChoice(*tm_add, "--on-duplicate", m.on_duplicate, OnDuplicateChoices(),
            Tr("keep, replace or newest, as for import"))
      ->type_name(Tr("POLICY"));
  return tm_add;
}

CLI::App* DefineTmStats(CLI::App& tm, Options& /*opts*/) {
  CLI::App* tm_stats =
      Sub(tm, "stats", Tr("Show what the translation memory holds"), "");
  return tm_stats;
}

}  // namespace onoma::cli
