// onoma pretranslate: a report (or a directory of them) segmented, looked
// up in the translation memory, and written as a draft for the translator
// (memory/tm/pretranslate.h does the work, memory/formats/draft.h the
// formats), with an analysis by match band on stderr and in --stats.
// docs/pretranslate.md. Tested by tests/cli/pretranslate_cli_test.cc.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/json.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "cli/terminal.h"
#include "lib/normalize/matcher.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/utf8.h"
#include "lib/util/atomic_file.h"
#include "lib/util/input_file.h"
#include "memory/formats/draft.h"
#include "memory/formats/srx_reader.h"
#include "memory/terms/term_store.h"
#include "memory/tm/pretranslate.h"

namespace onoma::cli {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// --format, else -o's extension, else text (standard output).
DraftFormat ChooseFormat(const PretranslateArgs& args) {
  if (args.format) return *args.format;
  if (args.output.empty() || args.output == "-") return DraftFormat::kText;
  const std::string ext = Lower(fs::path(args.output).extension().string());
  if (ext == ".tmx") return DraftFormat::kTmx;
  if (ext == ".tsv") return DraftFormat::kTsv;
  if (ext == ".txt") return DraftFormat::kText;
  return DraftFormat::kXliff20;
}

std::string_view Extension(DraftFormat format) {
  switch (format) {
    case DraftFormat::kTmx:
      return ".tmx";
    case DraftFormat::kTsv:
      return ".tsv";
    case DraftFormat::kText:
      return ".txt";
    default:
      return ".xlf";
  }
}

std::string Render(const formats::Draft& draft, DraftFormat format) {
  switch (format) {
    case DraftFormat::kXliff20:
      return formats::WriteXliff20(draft);
    case DraftFormat::kXliff12:
      return formats::WriteXliff12(draft);
    case DraftFormat::kTmx:
      return formats::WriteDraftTmx(draft);
    case DraftFormat::kTsv:
      return formats::WriteDraftTsv(draft);
    case DraftFormat::kText:
      return formats::WriteDraftText(draft);
  }
  return "";
}

// Writes `contents` to `path` whole or not at all ("-": standard output).
Status WriteWhole(const std::string& path, const std::string& contents) {
  if (path == "-") return WriteStdout(contents);
  auto out = AtomicFile::Create(path);
  if (!out.ok()) return TranslateFileError(out.status());
  std::fwrite(contents.data(), 1, contents.size(), (*out)->file());
  return TranslateFileError((*out)->Commit());
}

// `text` padded with spaces to `width` code points (left-aligned), or
// right-aligned when `right`.
std::string Pad(std::string_view text, std::size_t width, bool right) {
  const std::size_t n = text::CountCodePoints(text);
  const std::string fill(n < width ? width - n : 0, ' ');
  return right ? fill + std::string(text) : std::string(text) + fill;
}

// The analysis as a table, for stderr.
std::string AnalysisTable(std::string_view title, const tm::Analysis& a) {
  std::string out = std::string(title) + '\n';
  auto row = [&](std::string_view name, std::string_view segments,
                 std::string_view words) {
    out += "  " + Pad(name, 10, false) + Pad(segments, 10, true) +
           Pad(words, 10, true) + '\n';
  };
  row(Tr("match"), Tr("segments"), Tr("words"));
  for (std::size_t b = 0; b < tm::Analysis::kBands; ++b) {
    const std::string name = b + 1 == tm::Analysis::kBands
                                 ? Tr("no match")
                                 : std::string(tm::Analysis::BandName(b));
    row(name, std::to_string(a.band(b).segments),
        std::to_string(a.band(b).words));
  }
  row(Tr("total"), std::to_string(a.total().segments),
      std::to_string(a.total().words));
  return out;
}

// {"bands": [{"band", "segments", "words"}, ...], "total": {"segments",
// "words"}}.
Json AnalysisJson(const tm::Analysis& a) {
  Json out;
  out["bands"] = Json::array();
  for (std::size_t b = 0; b < tm::Analysis::kBands; ++b) {
    Json band;
    band["band"] = std::string(tm::Analysis::BandName(b));
    band["segments"] = a.band(b).segments;
    band["words"] = a.band(b).words;
    out["bands"].push_back(std::move(band));
  }
  out["total"]["segments"] = a.total().segments;
  out["total"]["words"] = a.total().words;
  return out;
}

struct Job {
  std::string input;   // a file, or "-"
  std::string output;  // a file, or "-"
};

Result<std::vector<Job>> PlanJobs(const Options& options, DraftFormat format) {
  const PretranslateArgs& args = options.pretranslate;
  std::vector<Job> jobs;
  std::error_code error;
  if (args.input != "-" && fs::is_directory(args.input, error)) {
    if (args.output.empty() || args.output == "-") {
      return Status::BadArgument(Format(
          Tr("{0} is a directory: give -o DIR for the drafts"), {args.input}));
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(args.input, error)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(".")) continue;
      if (entry.is_regular_file(error)) files.push_back(entry.path());
    }
    if (error) {
      return Status::Io(Tr("cannot read the directory"))
          .At({args.input, 0, 0, 0});
    }
    std::sort(files.begin(), files.end());
    fs::create_directories(args.output, error);
    if (error || !fs::is_directory(args.output)) {
      return Status::Io(Format(Tr("cannot create the directory: {0}"),
                               {error.message()}))
          .At({args.output, 0, 0, 0});
    }
    // NAME.txt gives NAME.xlf; when two reports share a stem (a.txt and
    // a.md), each keeps its whole name (a.txt.xlf, a.md.xlf).
    std::map<fs::path, int> stems;
    for (const fs::path& file : files) ++stems[file.stem()];
    for (const fs::path& file : files) {
      fs::path name = file.filename();
      if (stems[file.stem()] > 1) {
        name += std::string(Extension(format));
      } else {
        name.replace_extension(std::string(Extension(format)));
      }
      jobs.push_back({file.string(), (fs::path(args.output) / name).string()});
    }
    return jobs;
  }
  jobs.push_back(
      {args.input, args.output.empty() ? std::string("-") : args.output});
  return jobs;
}

Result<std::string> ReadReport(const std::string& path) {
  if (path != "-") return ReadInputFile(path);
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  if (std::cin.bad()) {
    return Status::Io(Tr("cannot read the file")).At({"<stdin>", 0, 0, 0});
  }
  return text;
}

// Refuses an -o or --stats that would overwrite an input, the store or
// each other. Returns kExitOk, or the exit code of the one it reported.
int CheckOutputs(const Options& options, const std::vector<Job>& jobs) {
  const PretranslateArgs& args = options.pretranslate;
  std::vector<std::string> inputs;
  for (const Job& job : jobs) inputs.push_back(job.input);
  if (!args.srx.empty()) inputs.push_back(args.srx);
  const auto db_path = StorePath(options);
  for (const Job& job : jobs) {
    Status safe = CheckOutputPath(job.output, inputs, db_path);
    if (!safe.ok()) return Fail("-o", safe);
  }
  if (!args.stats.empty()) {
    Status safe = CheckOutputPath(args.stats, inputs, db_path);
    for (const Job& job : jobs) {
      if (safe.ok() && args.stats != "-" && job.output != "-" &&
          SameFile(args.stats, job.output)) {
        safe = Status::BadArgument(
            Format(Tr("--stats and -o name the same file {0}"), {args.stats}));
      }
    }
    if (!safe.ok()) return Fail("--stats", safe);
  }
  Status writable = CheckStandardOutput(inputs);
  if (!writable.ok()) return Fail(options.command_name, writable);
  return kExitOk;
}

// The sentence splitter of --from, or of --srx's rules.
int MakeSplitter(const Options& options,
                 std::optional<segment::SentenceSplitter>& out) {
  const PretranslateArgs& args = options.pretranslate;
  std::optional<segment::SrxRules> srx;
  if (!args.srx.empty()) {
    auto rules = formats::ReadSrxFile(args.srx);
    if (!rules.ok()) return Fail("--srx", rules.status());
    srx.emplace(std::move(*rules));
  }
  auto splitter =
      srx ? segment::SentenceSplitter::CreateFromSrx(*srx, args.from)
          : segment::SentenceSplitter::Create(args.from);
  if (!splitter.ok()) {
    return Fail(srx ? "--srx" : options.command_name.c_str(),
                splitter.status());
  }
  out.emplace(std::move(*splitter));
  return kExitOk;
}

// The term store's names and their matcher (none for an empty store), for
// the names a draft puts in.
Status ReadTerms(store::Connection& db, normalize::Input& terms,
                 std::optional<normalize::Matcher>& matcher) {
  terms::TermStore store(db);
  auto input = ReadStore(store);
  if (!input.ok()) return input.status();
  terms = std::move(*input);
  if (terms.concepts.empty()) return Status::Ok();
  auto compiled = normalize::Matcher::Compile(terms);
  if (!compiled.ok()) return compiled.status();
  matcher.emplace(std::move(*compiled));
  return Status::Ok();
}

// One report: its draft written, its analysis shown and added to `file`
// (the --stats entry).
int DraftOne(const Options& options, const Job& job, DraftFormat format,
             tm::Pretranslator& pre, segment::SentenceSplitter& splitter,
             tm::Analysis& analysis, Json& file) {
  const std::string& what = options.command_name;
  const PretranslateArgs& args = options.pretranslate;
  auto text = ReadReport(job.input);
  if (!text.ok()) return Fail(what, text.status());
  const std::string shown = job.input == "-" ? "<stdin>" : job.input;
  Status valid = text::ValidateUtf8(*text, shown);
  if (!valid.ok()) return Fail(what, valid);
  auto draft =
      pre.Run(*text, job.input == "-" ? "-" : job.input, splitter, analysis);
  if (!draft.ok()) return Fail(what, draft.status());
  Status written = WriteWhole(job.output, Render(*draft, format));
  if (!written.ok()) return Fail(job.output == "-" ? what : "-o", written);
  std::cerr << AnalysisTable(
      Format(Tr("{0}: analysis against the memory ({1} to {2})"),
             {shown, args.from, args.to}),
      analysis);
  file["file"] = shown;
  if (job.output != "-") file["output"] = job.output;
  file["analysis"] = AnalysisJson(analysis);
  return kExitOk;
}

// --stats: the analysis of every file and of all, as one JSON object.
int WriteStats(const PretranslateArgs& args, Json files,
               const tm::Analysis& total) {
  Json stats;
  stats["from"] = args.from;
  stats["to"] = args.to;
  stats["min"] = args.min;
  stats["files"] = std::move(files);
  stats["total"] = AnalysisJson(total);
  Status written = WriteWhole(args.stats, JsonLine(stats));
  return written.ok() ? kExitOk : Fail("--stats", written);
}

}  // namespace

int RunPretranslate(const Options& options) {
  const std::string what = options.command_name;
  const PretranslateArgs& args = options.pretranslate;
  const DraftFormat format = ChooseFormat(args);
  auto jobs = PlanJobs(options, format);
  if (!jobs.ok()) return Fail(what, jobs.status());
  if (int code = CheckOutputs(options, *jobs); code != kExitOk) return code;
  std::optional<segment::SentenceSplitter> splitter;
  if (int code = MakeSplitter(options, splitter); code != kExitOk) return code;

  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(what, db.status());
  normalize::Input terms;
  std::optional<normalize::Matcher> matcher;
  Status read = ReadTerms(**db, terms, matcher);
  if (!read.ok()) return Fail(what, read);

  tm::PretranslateOptions pre_options;
  pre_options.from = args.from;
  pre_options.to = args.to;
  pre_options.min_score = args.min;
  pre_options.matcher = matcher ? &*matcher : nullptr;
  pre_options.terms = matcher ? &terms : nullptr;
  ProgressLine progress(Tr("indexing the memory for lookup: {0}%"));
  pre_options.on_progress = [&](const tm::IndexProgress& p) {
    progress.Update(p.units_done, p.units_total);
  };
  pre_options.on_index_stale = [&db] { NoteStaleIndex(**db); };
  auto pre = tm::Pretranslator::Open(**db, pre_options);
  if (!pre.ok()) return Fail(what, pre.status());

  tm::Analysis total;
  Json files = Json::array();
  for (const Job& job : *jobs) {
    tm::Analysis analysis;
    Json file;
    const int code =
        DraftOne(options, job, format, *pre, *splitter, analysis, file);
    if (code != kExitOk) return code;
    files.push_back(std::move(file));
    total.Add(analysis);
  }
  if (jobs->size() > 1) {
    std::cerr << AnalysisTable(Tr("all files"), total);
  }
  if (!args.stats.empty()) {
    if (int code = WriteStats(args, std::move(files), total); code != kExitOk) {
      return code;
    }
  }
  Status flushed = FlushStdout();
  if (!flushed.ok()) return Fail(what, flushed);
  return kExitOk;
}

// The command line of pretranslate (the rows of cli/command_table.cc).

CLI::App* DefinePretranslate(CLI::App& app, Options& opts) {
  PretranslateArgs& p = opts.pretranslate;
  CLI::App* pretranslate =
      Sub(app, "pretranslate",
          Tr("Fill a report's segments from the translation memory and write "
             "a draft for the translator"),
          "  onoma pretranslate --from en --to uk report.txt\n"
          "  onoma pretranslate --from en --to uk -o report.xlf report.txt\n"
          "  onoma pretranslate --from en --to uk --format xliff12 -o drafts/ "
          "reports/\n");
  pretranslate->add_option("--from", p.from, Tr("Source language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  pretranslate->add_option("--to", p.to, Tr("Target language"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag())
      ->required();
  pretranslate
      ->add_option("--min", p.min,
                   Tr("Fill a target from a match scoring at least N (0-100, "
                      "default 75)"))
      ->type_name("N")
      ->check(InRange(0, 100));
  pretranslate
      ->add_option("-o,--output", p.output,
                   Tr("Write the draft to FILE (a directory for a directory "
                      "of reports); the format follows its extension"))
      ->type_name(Tr("FILE"));
  AddChoice(*pretranslate, "--format", p.format,
            {{"xliff", DraftFormat::kXliff20},
             {"xliff20", DraftFormat::kXliff20},
             {"xliff12", DraftFormat::kXliff12},
             {"tmx", DraftFormat::kTmx},
             {"tsv", DraftFormat::kTsv},
             {"text", DraftFormat::kText}},
            Tr("xliff (XLIFF 2.0), xliff12, tmx, tsv or text"))
      ->type_name(Tr("FORMAT"));
  pretranslate
      ->add_option("--srx", p.srx,
                   Tr("Segment with the rules of an SRX 2.0 file instead of "
                      "the built-in ones"))
      ->type_name(Tr("FILE"));
  pretranslate
      ->add_option("--stats", p.stats,
                   Tr("Write the analysis by match band to FILE as JSON"))
      ->type_name(Tr("FILE"));
  pretranslate
      ->add_option("report", p.input,
                   Tr("The report, a directory of reports, or - for standard "
                      "input"))
      ->required();
  return pretranslate;
}

}  // namespace onoma::cli
