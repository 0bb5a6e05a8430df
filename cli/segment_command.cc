// onoma segment: one sentence per line, streaming paragraph by paragraph.
//
// Each input line is a paragraph: it is validated, split and written before
// the next is read, so memory does not grow with the input and a pipe sees
// sentences as their paragraph ends. Without --lang the language is guessed
// from the first lines as normalize guesses it (text::kDocumentSampleBytes
// of them, or all of a shorter input, lib/text/language_guess.h), which are
// held back until then; with it, nothing is held.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/language_option.h"
#include "cli/options_internal.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/language_guess.h"
#include "lib/text/utf8.h"
#include "lib/util/input_file.h"
#include "lib/util/line_reader.h"
#include "memory/formats/srx_reader.h"

namespace onoma::cli {
namespace {

using segment::SentenceSpan;
using segment::SentenceSplitter;

Result<SentenceSplitter> MakeSplitter(const segment::SrxRules* srx,
                                      const std::string& lang) {
  if (srx == nullptr) return SentenceSplitter::Create(lang);
  return SentenceSplitter::CreateFromSrx(*srx, lang);
}

// Reads lines from `in`, splits and writes them.
class Segmenter {
 public:
  // `srx`, when not null, must outlive the Segmenter.
  Segmenter(const Options& options, const segment::SrxRules* srx,
            std::string path)
      : options_(options),
        srx_(srx),
        validator_(path),
        path_(std::move(path)) {}

  // Returns the exit code.
  int Run(FILE* in) {
    // With --lang nothing needs guessing, and nothing is held back.
    if (!options_.segment_lang.empty()) {
      const int started = Start();
      if (started != kExitOk) return started;
    }
    LineReader lines = LineReader::Over(in, path_);
    std::string line;
    bool newline = false;
    int exit_code = kExitOk;
    bool first = true;
    Status read;
    for (;;) {
      auto more = lines.Next(line, newline);
      if (!more.ok()) read = TranslateFileError(more.status());
      if (!more.ok() || !*more) break;
      std::string_view text = line;
      Status valid = validator_.ValidateLine(text);
      if (!valid.ok()) {
        exit_code = Fail("segment", valid);
        break;
      }
      // A byte-order mark is no part of the first sentence (as in
      // segment::SegmentDocument).
      if (first && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      first = false;
      if (!splitter_) {
        held_.emplace_back(text);
        held_bytes_ += text.size();
        if (held_bytes_ < text::kDocumentSampleBytes) continue;
        exit_code = Start();
        if (exit_code != kExitOk) break;
        continue;
      }
      Write(text);
      if (StdoutFailed()) break;  // the first failed write stops the stream
    }
    if (exit_code == kExitOk && !splitter_) exit_code = Start();
    if (exit_code == kExitOk && !read.ok()) exit_code = Fail("segment", read);
    Flush();
    Status written = status_;
    if (written.ok()) written = FlushStdout();
    if (!written.ok()) {
      const int code = Fail("segment", written);
      if (exit_code == kExitOk) exit_code = code;
    }
    return exit_code;
  }

 private:
  // Makes the splitter (guessing the language from the held lines when
  // --lang was not given) and writes the held lines.
  int Start() {
    std::string lang = options_.segment_lang;
    if (lang.empty()) {
      std::string sample;
      for (const std::string& held : held_) sample += held + "\n";
      lang = text::GuessDocumentLanguage(sample);
    }
    auto splitter = MakeSplitter(srx_, lang);
    if (!splitter.ok()) {
      return Fail(srx_ != nullptr ? "--srx" : "segment", splitter.status());
    }
    splitter_.emplace(std::move(*splitter));
    for (const std::string& held : held_) Write(held);
    held_.clear();
    return kExitOk;
  }

  void Write(std::string_view paragraph) {
    spans_.clear();
    splitter_->Split(paragraph, spans_);
    for (const SentenceSpan& span : spans_) {
      out_ += span.In(paragraph);
      out_ += '\n';
    }
    if (out_.size() >= (1u << 16)) Flush();
  }

  void Flush() {
    if (status_.ok()) status_ = WriteStdout(out_);
    out_.clear();
  }

  const Options& options_;
  const segment::SrxRules* srx_;
  text::Utf8Validator validator_;
  std::string path_;
  std::optional<SentenceSplitter> splitter_;
  std::vector<std::string> held_;
  std::size_t held_bytes_ = 0;
  std::vector<SentenceSpan> spans_;
  std::string out_;
  Status status_;  // the first failed write
};

}  // namespace

int RunSegment(const Options& options) {
  std::optional<segment::SrxRules> srx;
  if (!options.segment_srx.empty()) {
    auto rules = formats::ReadSrxFile(options.segment_srx);
    if (!rules.ok()) return Fail("--srx", rules.status());
    srx.emplace(std::move(*rules));
  }
  const segment::SrxRules* srx_rules = srx ? &*srx : nullptr;
  const std::string& file = options.segment_file;
  Status writable = CheckStandardOutput({file});
  if (!writable.ok()) return Fail("segment", writable);
  if (file == "-" || file.empty()) {
    return Segmenter(options, srx_rules, "<stdin>").Run(stdin);
  }
  auto in = InputFile::Open(file);
  if (!in.ok()) return Fail("segment", in.status());
  return Segmenter(options, srx_rules, file).Run(in->get());
}

// The command line of segment (the rows of cli/command_table.cc).

CLI::App* DefineSegment(CLI::App& app, Options& opts) {
  CLI::App* segment =
      Sub(app, "segment", Tr("Split text into sentences, one per line"),
          "  onoma segment --lang uk article.txt\n");
  segment
      ->add_option("--lang", opts.segment_lang,
                   Tr("The language: en, uk, ru, ko or another BCP 47 "
                      "code (default: guessed from the letters)"))
      ->type_name(Tr("LANG"))
      ->check(LanguageTag());
  segment
      ->add_option("--srx", opts.segment_srx,
                   Tr("Use the rules of an SRX 2.0 file instead of the "
                      "built-in ones"))
      ->type_name(Tr("FILE"));
  segment
      ->add_option("file", opts.segment_file,
                   Tr("The file, or - for standard input"))
      ->required();
  return segment;
}

}  // namespace onoma::cli
