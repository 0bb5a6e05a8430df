// onoma normalize: rewrite variant names in articles, streaming line by
// line (lib/normalize/document.h does the work; this file reads the store,
// the files and the flags, and writes the output, the report and the
// summary).
//
// --in-place writes a temporary file in the file's own directory and
// renames it over the file only once it is complete and synced, so that a
// killed process leaves either the old file or the new one, never a
// truncated one (tests/normalize/normalize_cli_test.cc kills it to check).
// The summary and the report count what was done: a file whose rewrite
// failed adds nothing to the totals, and its report records are taken back.
// --backup hard-links the original to FILE~ before the rename, or copies
// it where the file system cannot link (lib/util/atomic_file.h).

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <future>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/language_option.h"
#include "cli/normalize_io.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "cli/store.h"
#include "cli/term_input.h"
#include "cli/terminal.h"
#include "lib/normalize/document.h"
#include "lib/normalize/matcher.h"
#include "lib/text/language_guess.h"
#include "lib/text/utf8.h"
#include "memory/terms/term_store.h"

namespace onoma::cli {
namespace {

struct Totals {
  int files = 0;
  int applied = 0;
  int kept = 0;
  std::map<std::string, int> by_reason;
  // The files not done whole: written up to a fault, or not rewritten.
  std::vector<std::string> incomplete;
};

// The findings of each line flow from the DocumentNormalizer into
// OnChange(), which writes their report records and --check lines at once
// and counts them: nothing is held per finding, so a one-line article with
// millions of names takes no more memory than its line.
class Normalizer final : private normalize::ChangeSink {
 public:
  Normalizer(const Options& options, const normalize::Matcher& matcher,
             FILE* report)
      : args_(options.normalize), matcher_(matcher), report_(report) {}

  // Normalizes one input to `out` (nullptr: write nothing). Returns OK, or
  // the first failure (invalid UTF-8, located; a read error).
  //
  // A regular file is read in batches of lines. Scanning a line for names
  // (folding, the trie, the language runs: LineScanner) is four fifths of
  // the work and does not depend on the lines before; rewriting does, and
  // stays on this thread, in order. So a second thread scans the next
  // batch while this one writes the batch before, reads the one after, and
  // then takes the next batch's unscanned lines as well, a line at a time:
  // both cores stay busy. What comes out is the same as line by line. A
  // pipe or a terminal is read line by line, so that each line comes out as
  // soon as it is in.
  Status Run(const std::string& name, LineReader& in, FILE* out) {
    std::string lang = args_.lang;
    if (lang.empty()) {
      Status held = in.Prefetch(text::kDocumentSampleBytes);
      if (!held.ok()) return TranslateFileError(held);
      lang = text::GuessDocumentLanguage(in.held());
    }
    normalize::DocumentOptions doc_options;
    doc_options.lang = lang;
    doc_options.admitted = args_.admitted;
    auto doc = normalize::DocumentNormalizer::Create(matcher_, doc_options);
    if (!doc.ok()) return doc.status();
    auto scanner = normalize::LineScanner::Create(matcher_, doc_options);
    if (!scanner.ok()) return scanner.status();
    text::Utf8Validator validator(name);
    name_ = &name;
    doc_ = &*doc;
    out_ = out;
    const std::size_t batch_bytes = in.IsRegularFile() ? kBatchBytes : 0;
    Batch batches[2];
    Batch* current = &batches[0];
    Batch* next = &batches[1];
    Read(in, validator, batch_bytes, *current);
    if (batch_bytes == 0 || current->last) {
      // Line by line (a pipe, a terminal), or one batch: no second thread.
      for (;;) {
        current->StartScan();
        Scan(*scanner, *current);
        Status written = Write(*current);
        if (!written.ok() || current->last) return written;
        Read(in, validator, batch_bytes, *current);
      }
    }
    auto helper = normalize::LineScanner::Create(matcher_, doc_options);
    if (!helper.ok()) return helper.status();
    current->StartScan();
    std::future<void> scanned = std::async(
        std::launch::async, [&, current] { Scan(*helper, *current); });
    for (;;) {
      if (!current->last) Read(in, validator, batch_bytes, *next);
      Scan(*scanner, *current);  // the lines the other thread has not taken
      scanned.get();
      const bool last = current->last;
      if (!last) {
        next->StartScan();
        scanned =
            std::async(std::launch::async, [&, next] { Scan(*helper, *next); });
      }
      Status written = Write(*current);
      if (!written.ok() || last) {
        if (scanned.valid()) scanned.wait();
        return written;
      }
      std::swap(current, next);
    }
  }

  // Starts a file: its findings are held apart until Commit() or
  // Discard().
  void Begin() {
    file_ = Totals{};
    report_at_ = report_ != nullptr ? std::ftell(report_) : -1;
    report_written_ = 0;
  }

  // Adds the file's findings to the totals; `whole`: it was all written.
  void Commit(const std::string& name, bool whole) {
    totals_.files += whole ? 1 : 0;
    if (!whole) totals_.incomplete.push_back(name);
    totals_.applied += file_.applied;
    totals_.kept += file_.kept;
    for (const auto& [reason, count] : file_.by_reason) {
      totals_.by_reason[reason] += count;
    }
  }

  // Forgets the file's findings (its rewrite failed: nothing was applied)
  // and takes its records out of the report.
  void Discard(const std::string& name) {
    totals_.incomplete.push_back(name);
    TruncateReport(report_at_);
  }

  const Totals& totals() const { return totals_; }
  // The errno of the first failed report write, or 0.
  int report_error() const { return report_error_; }

 private:
  // Takes the report back to `at`, the offset where the records to drop
  // start (negative: the report is none, or no file).
  void TruncateReport(long at) {
    if (report_ == nullptr || at < 0) return;
    if (std::fflush(report_) != 0 || ::ftruncate(fileno(report_), at) != 0 ||
        std::fseek(report_, at, SEEK_SET) != 0) {
      // A pipe or a device: the records stay; say so.
      if (report_error_ == 0) report_error_ = errno;
      return;
    }
    report_written_ = at - report_at_;
  }

  // One finding of the line being normalized (ChangeSink).
  void OnChange(const normalize::Change& c) override {
    const std::string& name = *name_;
    (c.applied ? line_.applied : line_.kept)++;
    line_.by_reason[c.reason]++;
    if (report_ != nullptr) {
      // --check applies nothing: its report says so.
      std::string json;
      if (args_.check && c.applied) {
        normalize::Change unapplied = c;
        unapplied.applied = false;
        json = ChangeJson(name, unapplied);
      } else {
        json = ChangeJson(name, c);
      }
      if (std::fwrite(json.data(), 1, json.size(), report_) != json.size() &&
          report_error_ == 0) {
        report_error_ = errno;
      }
      report_written_ += static_cast<long>(json.size());
    }
    if (args_.check) {
      std::string line = name + ":" + std::to_string(c.line) + ":" +
                         std::to_string(c.column) + ": " + c.found;
      if (!c.replacement.empty()) line += " -> " + c.replacement;
      line += " (" + c.concept_slug + ", " + c.reason + ")\n";
      std::fputs(line.c_str(), stderr);
    }
  }

  // Lines read ahead: at least kBatchBytes of a regular file, else one.
  static constexpr std::size_t kBatchBytes = 256 * 1024;
  struct Batch {
    struct Line {
      std::size_t begin = 0;  // in `text`
      std::size_t size = 0;
      bool newline = false;
    };
    std::string text;  // the lines, back to back
    std::vector<Line> lines;
    std::vector<normalize::PreparedLine> prepared;  // grows, reused
    // What ended the batch early: a line that is not valid UTF-8, or a
    // read error; the lines before it are in the batch.
    Status fault;
    bool last = false;  // the input ends with this batch (or at `fault`)

    // The first line no thread has taken to scan.
    std::atomic<std::size_t> untaken{0};

    std::string_view LineAt(std::size_t i) const {
      return std::string_view(text).substr(lines[i].begin, lines[i].size);
    }
    // Makes room for the lines' scans and marks every line untaken; before
    // any thread scans the batch.
    void StartScan() {
      if (prepared.size() < lines.size()) prepared.resize(lines.size());
      untaken.store(0, std::memory_order_relaxed);
    }
  };

  // Reads the next batch: lines up to `bytes` (at least one line), each
  // checked for UTF-8 as it comes in.
  static void Read(LineReader& in, text::Utf8Validator& validator,
                   std::size_t bytes, Batch& batch) {
    batch.text.clear();
    batch.lines.clear();
    batch.fault = Status::Ok();
    batch.last = false;
    std::string line;
    bool newline = false;
    do {
      auto more = in.Next(line, newline);
      if (!more.ok()) {
        batch.fault = TranslateFileError(more.status());
        batch.last = true;
        return;
      }
      if (!*more) {
        batch.last = true;
        return;
      }
      Status valid = validator.ValidateLine(line);
      if (!valid.ok()) {
        batch.fault = valid;
        batch.last = true;
        return;
      }
      batch.lines.push_back({batch.text.size(), line.size(), newline});
      batch.text += line;
    } while (batch.text.size() < bytes);
  }

  // Scans the batch's lines not yet taken, a line at a time; two threads
  // may scan one batch at once, each with its own LineScanner, and each
  // line is scanned by the one that takes it. REQUIRES: StartScan().
  static void Scan(normalize::LineScanner& scanner, Batch& batch) {
    const std::size_t n = batch.lines.size();
    for (;;) {
      const std::size_t i =
          batch.untaken.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return;
      scanner.Prepare(batch.LineAt(i), batch.prepared[i]);
    }
  }

  // Rewrites the batch's lines in order and writes them; then its fault.
  Status Write(const Batch& batch) {
    std::string result;
    for (std::size_t i = 0; i < batch.lines.size(); ++i) {
      result.clear();
      line_ = Totals{};
      const long line_at = report_at_ < 0 ? -1 : report_at_ + report_written_;
      doc_->NormalizeLine(batch.LineAt(i), batch.prepared[i], result, *this);
      if (batch.lines[i].newline) result += '\n';
      // A line not written adds nothing: its findings are not counted, and
      // its records are taken out of the report (--in-place takes out the
      // whole file's).
      if (out_ == stdout) {
        Status written = WriteStdout(result);
        if (!written.ok()) {
          if (line_at >= 0 && report_at_ + report_written_ > line_at) {
            TruncateReport(line_at);
          }
          return written;
        }
      } else if (out_ != nullptr && std::fwrite(result.data(), 1, result.size(),
                                                out_) != result.size()) {
        return Status::Io(Tr("cannot write the output") + ": " +
                          std::strerror(errno))
            .At({*name_, 0, 0, 0});
      }
      if (line_.applied + line_.kept > 0) {
        file_.applied += line_.applied;
        file_.kept += line_.kept;
        for (const auto& [reason, count] : line_.by_reason) {
          file_.by_reason[reason] += count;
        }
      }
    }
    return batch.fault;
  }

  const NormalizeArgs& args_;
  const normalize::Matcher& matcher_;
  normalize::DocumentNormalizer* doc_ = nullptr;  // of the input being read
  FILE* out_ = nullptr;
  FILE* report_;
  long report_at_ = -1;      // where the file's records start
  long report_written_ = 0;  // bytes of them written since
  int report_error_ = 0;
  Totals totals_;
  Totals file_;
  Totals line_;  // of the line being normalized, until it is written
  const std::string* name_ = nullptr;  // of the input being normalized
};

// One line on stderr: what was (or, with --check, would be) rewritten, and
// which files were not done whole.
void PrintSummary(const Totals& t, const NormalizeArgs& args) {
  std::string reasons;
  for (const auto& [reason, count] : t.by_reason) {
    reasons +=
        (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(count);
  }
  const std::string files = std::to_string(t.files);
  const std::string applied = std::to_string(t.applied);
  const std::string kept = std::to_string(t.kept);
  std::string line =
      "onoma normalize: " +
      (args.check
           ? Format(Tr("{0} files, would rewrite {1} names, {2} left for an "
                       "editor"),
                    {files, applied, kept})
           : Format(Tr("{0} files, {1} names rewritten, {2} left for an "
                       "editor"),
                    {files, applied, kept}));
  if (!reasons.empty()) line += " (" + reasons + ")";
  if (!t.incomplete.empty()) {
    std::string names;
    for (const std::string& name : t.incomplete) {
      names += (names.empty() ? "" : ", ") + name;
    }
    line += "; ";
    line += args.in_place ? Format(Tr("not rewritten: {0}"), {names})
            : args.check  ? Format(Tr("not checked to the end: {0}"), {names})
                          : Format(Tr("incomplete: {0}"), {names});
  }
  line += '\n';
  std::fputs(line.c_str(), stderr);
}

// The files normalize writes are none of those it reads: the report is no
// input and no database file, and an existing report file holds a report
// (an article named by mistake, `--report *.txt`, is refused); --in-place
// never rewrites the database.
Status CheckOutputs(const Options& options,
                    const std::vector<std::string>& files) {
  const NormalizeArgs& args = options.normalize;
  const auto db = StorePath(options);
  if (!args.in_place && !args.check) {
    ONOMA_RETURN_IF_ERROR(CheckStandardOutput(files));
  }
  if (args.in_place) {
    for (const std::string& file : files) {
      ONOMA_RETURN_IF_ERROR(CheckOutputPath(file, {}, db));
    }
  }
  if (args.report.empty()) return Status::Ok();
  ONOMA_RETURN_IF_ERROR(CheckOutputPath(args.report, files, db));
  if (!LooksLikeReport(args.report)) {
    return Status::BadArgument(
        Format(Tr("--report {0}: the file exists and is not a report of "
                  "onoma normalize; remove it or name another file"),
               {args.report}));
  }
  return Status::Ok();
}

// The flags that do not go together, and --in-place over standard input.
Status CheckFlags(const NormalizeArgs& args,
                  const std::vector<std::string>& files) {
  if (args.backup && !args.in_place) {
    return Status::BadArgument(Tr("--backup needs --in-place"));
  }
  if (args.in_place && args.check) {
    return Status::BadArgument(Tr("--check changes nothing; drop --in-place"));
  }
  for (const std::string& f : files) {
    if (args.in_place && f == "-") {
      return Status::BadArgument(
          Tr("--in-place needs files, not standard input"));
    }
  }
  return Status::Ok();
}

// Normalizes one file ("-": standard input): in place, or to standard
// output (nowhere under --check). Its changes are committed to the totals
// and the report as far as they were written.
Status NormalizeFile(Normalizer& normalizer, const NormalizeArgs& args,
                     const std::string& file) {
  const bool is_stdin = file == "-";
  const std::string name = is_stdin ? "<stdin>" : file;
  normalizer.Begin();
  if (args.in_place) {
    Status s =
        RewriteInPlace(file, args.backup, [&](LineReader& in, FILE* out) {
          return normalizer.Run(name, in, out);
        });
    // A file not replaced had nothing applied.
    if (s.ok()) {
      normalizer.Commit(name, true);
    } else {
      normalizer.Discard(name);
    }
    return s;
  }
  Status s;
  auto in = is_stdin ? LineReader::Stdin() : LineReader::Open(file);
  if (!in.ok()) {
    s = in.status();
  } else {
    s = normalizer.Run(name, *in, args.check ? nullptr : stdout);
  }
  // The lines before a fault were written, with their changes.
  normalizer.Commit(name, s.ok());
  return s;
}

// Closes --report; a failed write of it is the exit code.
int CloseReport(FILE* report, const Normalizer& normalizer,
                const Options& options, int exit_code) {
  int error = normalizer.report_error();
  if (std::fclose(report) != 0 && error == 0) error = errno;
  if (error == 0) return exit_code;
  return Fail(
      options.command_name,
      Status::Io(Tr("cannot write the file") + ": " + std::strerror(error))
          .At({options.normalize.report, 0, 0, 0}));
}

}  // namespace

int RunNormalize(const Options& options) {
  const NormalizeArgs& args = options.normalize;
  const std::string& what = options.command_name;
  std::vector<std::string> files = args.files;
  if (files.empty()) files.push_back("-");
  Status usable = CheckFlags(args, files);
  if (!usable.ok()) return Fail(what, usable);
  Status writable = CheckOutputs(options, files);
  if (!writable.ok()) return Fail(what, writable);
  auto db = OpenConnection(options);
  if (!db.ok()) return Fail(what, db.status());
  auto names = OpenNames(**db, what);
  if (!names.ok()) return Fail(what, names.status());

  FILE* report = nullptr;
  if (!args.report.empty()) {
    report = std::fopen(args.report.c_str(), "wb");
    if (report == nullptr) {
      return Fail(
          what,
          Status::Io(Tr("cannot write the file")).At({args.report, 0, 0, 0}));
    }
  }
  Normalizer normalizer(options, names->matcher, report);
  // "[3/40] file.txt", when more than one file is given.
  ProgressLine progress;
  if (files.size() < 2) progress.Disable();
  std::size_t started = 0;
  int exit_code = kExitOk;
  for (const std::string& file : files) {
    progress.Show("[" + std::to_string(++started) + "/" +
                      std::to_string(files.size()) + "] " + file,
                  true);
    Status s = NormalizeFile(normalizer, args, file);
    if (!s.ok()) {
      // One bad file does not stop the others; the exit code tells.
      progress.Clear();
      int code = Fail(what, s);
      if (exit_code == kExitOk || code > exit_code) exit_code = code;
      // But a failed write to standard output stops them all.
      if (StdoutFailed()) break;
    }
  }
  progress.Clear();
  if (!StdoutFailed()) {
    Status flushed = FlushStdout();
    if (!flushed.ok()) exit_code = Fail(what, flushed);
  }
  if (report != nullptr) {
    exit_code = CloseReport(report, normalizer, options, exit_code);
  }
  // Quiet as a filter when all went well; --check, --report and
  // --in-place always say what they did.
  if (report != nullptr || args.check || args.in_place ||
      !normalizer.totals().incomplete.empty()) {
    PrintSummary(normalizer.totals(), args);
  }
  if (exit_code == kExitOk && args.check && normalizer.totals().applied > 0) {
    return kExitFound;
  }
  return exit_code;
}

// The command line of normalize (the rows of cli/command_table.cc).

CLI::App* DefineNormalize(CLI::App& app, Options& opts) {
  NormalizeArgs& n = opts.normalize;
  CLI::App* normalize =
      Sub(app, "normalize",
          Tr("Rewrite variant names in articles to the house form, keeping "
             "inflection, particles and everything else."),
          "  onoma normalize article.txt > fixed.txt\n"
          "  onoma normalize --check --report changes.jsonl *.txt\n");
  normalize->add_option("--lang", n.lang, Tr("The language of the text"))
      ->check(LanguageTag());
  normalize->add_flag("--admitted", n.admitted,
                      Tr("Rewrite admitted renderings too"));
  normalize->add_flag("--check", n.check,
                      Tr("Change nothing; exit 1 if variants were found"));
  normalize
      ->add_option("--report", n.report,
                   Tr("Write each change as JSON Lines to FILE"))
      ->type_name(Tr("FILE"));
  normalize->add_flag("--in-place", n.in_place, Tr("Rewrite the files"));
  normalize->add_flag("--backup", n.backup,
                      Tr("With --in-place, keep FILE~ first"));
  normalize->add_option("files", n.files, Tr("Files, or - for standard input"));
  return normalize;
}

}  // namespace onoma::cli
