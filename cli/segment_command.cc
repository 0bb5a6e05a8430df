// onoma segment: one sentence per line, streaming paragraph by paragraph.
//
// Each input line is a paragraph: it is validated, split and written before
// the next is read, so memory does not grow with the input and a pipe sees
// sentences as their paragraph ends. Without --lang the language is guessed
// from the first lines (at least 256 bytes of them, or all of a short
// input), which are held back until then; with it, nothing is held.

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/output_path.h"
#include "cli/standard_output.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "lib/text/utf8.h"
#include "lib/util/input_file.h"
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
    char* line = nullptr;
    std::size_t capacity = 0;
    ssize_t length;
    int exit_code = kExitOk;
    bool first = true;
    while ((length = getline(&line, &capacity, in)) >= 0) {
      std::string_view text(line, static_cast<std::size_t>(length));
      if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
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
        if (held_bytes_ < 256) continue;
        exit_code = Start();
        if (exit_code != kExitOk) break;
        continue;
      }
      Write(text);
      if (StdoutFailed()) break;  // the first failed write stops the stream
    }
    const bool read_error = ferror(in) != 0;
    std::free(line);
    if (exit_code == kExitOk && !splitter_) exit_code = Start();
    if (exit_code == kExitOk && read_error) {
      exit_code =
          Fail("segment",
               Status::Io(Tr("cannot read the file")).At({path_, 0, 0, 0}));
    }
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
      lang = segment::GuessLanguage(sample);
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

}  // namespace onoma::cli
