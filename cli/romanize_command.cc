// onoma romanize: words from the command line, or stdin line by line.

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/standard_output.h"
#include "lib/romanize/korean.h"
#include "lib/romanize/registry.h"
#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/text/script.h"
#include "lib/text/utf8.h"
#include "lib/util/input_file.h"

namespace onoma::cli {
namespace {

using romanize::Registry;
using romanize::RomanizeOptions;
using romanize::Scheme;

// Turns one line of text into its romanization (or back, with --reverse).
class LineConverter {
 public:
  // A single scheme, forward or reverse.
  LineConverter(const Scheme* scheme, bool reverse, RomanizeOptions options)
      : single_(scheme), reverse_(reverse), options_(options) {}
  // --scheme auto: each run of Cyrillic or Hangul to its scheme; either may
  // be null, and then that script passes through.
  LineConverter(const Scheme* cyrillic, const Scheme* hangul,
                RomanizeOptions options)
      : cyrillic_(cyrillic), hangul_(hangul), options_(options) {}

  Status Convert(std::string_view line, std::string& out) const {
    if (single_ != nullptr) {
      if (!reverse_) {
        single_->RomanizeTo(line, options_, out);
        return Status::Ok();
      }
      auto back = single_->Deromanize(line);
      if (!back.ok()) return back.status();
      out += *back;
      return Status::Ok();
    }
    ConvertAuto(line, out);
    return Status::Ok();
  }

 private:
  // Splits the line where the script changes between Cyrillic and Hangul;
  // every other character stays with the run it is in, and each scheme
  // passes through what is not its own.
  void ConvertAuto(std::string_view line, std::string& out) const {
    std::size_t run_begin = 0;
    const Scheme* run_scheme = nullptr;
    std::size_t i = 0;
    while (i < line.size()) {
      std::size_t at = i;
      char32_t c = 0;
      if (!text::DecodeNext(line, i, c)) continue;
      text::Script script = text::ScriptOf(c);
      const Scheme* scheme = script == text::Script::kCyrillic ? cyrillic_
                             : script == text::Script::kHangul ? hangul_
                                                               : run_scheme;
      if (scheme != run_scheme) {
        Flush(line.substr(run_begin, at - run_begin), run_scheme, out);
        run_begin = at;
        run_scheme = scheme;
      }
    }
    Flush(line.substr(run_begin), run_scheme, out);
  }

  void Flush(std::string_view run, const Scheme* scheme,
             std::string& out) const {
    if (run.empty()) return;
    if (scheme == nullptr) {
      out += run;
    } else {
      scheme->RomanizeTo(run, options_, out);
    }
  }

  const Scheme* single_ = nullptr;
  const Scheme* cyrillic_ = nullptr;
  const Scheme* hangul_ = nullptr;
  bool reverse_ = false;
  RomanizeOptions options_;
};

// Finds `id` among the user's extra tables first, then the built-in ones.
Result<const Scheme*> FindScheme(const Registry& extra, std::string_view id) {
  auto found = extra.Find(id);
  if (found.ok()) return found;
  return Registry::Default().Find(id);
}

int StreamStdin(const LineConverter& converter, bool flush_each_line) {
  text::Utf8Validator validator("<stdin>");
  std::string out;
  char* line = nullptr;
  std::size_t capacity = 0;
  ssize_t length;
  int exit_code = kExitOk;
  while ((length = getline(&line, &capacity, stdin)) >= 0) {
    std::string_view text(line, static_cast<std::size_t>(length));
    bool newline = !text.empty() && text.back() == '\n';
    if (newline) text.remove_suffix(1);
    Status valid = validator.ValidateLine(text);
    if (!valid.ok()) {
      // The lines before the fault are written; then the error.
      exit_code = Fail("romanize", valid);
      break;
    }
    Status converted = converter.Convert(text, out);
    if (!converted.ok()) {
      exit_code = Fail("romanize", converted);
      break;
    }
    out += '\n';
    if (flush_each_line || out.size() >= (1u << 16)) {
      // The first failed write stops the stream: nothing more is read.
      Status written = WriteStdout(out);
      if (written.ok() && flush_each_line) written = FlushStdout();
      out.clear();
      if (!written.ok()) {
        exit_code = Fail("romanize", written);
        break;
      }
    }
  }
  std::free(line);
  if (StdoutFailed()) return exit_code;
  Status written = WriteStdout(out);
  if (written.ok()) written = FlushStdout();
  if (!written.ok()) {
    const int code = Fail("romanize", written);
    if (exit_code == kExitOk) exit_code = code;
  }
  return exit_code;
}

}  // namespace

int RunRomanize(const Options& options) {
  const RomanizeArgs& args = options.romanize;

  Registry extra;
  for (const std::string& path : args.tables) {
    auto text = ReadInputFile(path);
    if (!text.ok()) return Fail("--table", text.status());
    Status valid = text::ValidateUtf8(*text, path);
    if (!valid.ok()) return Fail("--table", valid);
    auto spec = romanize::ParseTable(*text, path);
    if (!spec.ok()) return Fail("--table", spec.status());
    auto scheme = romanize::TableScheme::Create(std::move(*spec));
    if (!scheme.ok()) return Fail("--table", scheme.status());
    Status added = extra.Add(std::move(*scheme));
    if (!added.ok()) return Fail("--table", added);
  }

  // The user's Korean exception lists (ONOMA_KO_EXCEPTIONS=a.txt:b.txt)
  // give Korean schemes of their own, found before the built-in ones.
  romanize::KoreanConfig korean = romanize::KoreanConfigFromEnvironment();
  if (!korean.exception_files.empty()) {
    auto schemes = romanize::MakeKoreanSchemes(korean);
    if (!schemes.ok()) return Fail("ONOMA_KO_EXCEPTIONS", schemes.status());
    for (auto& scheme : *schemes) {
      Status added = extra.Add(std::move(scheme));
      if (!added.ok()) return Fail("ONOMA_KO_EXCEPTIONS", added);
    }
  }

  if (args.list) {
    std::string out;
    std::vector<const Scheme*> schemes = extra.List();
    for (const Scheme* scheme : Registry::Default().List()) {
      if (!extra.Find(scheme->id()).ok()) schemes.push_back(scheme);
    }
    for (const Scheme* scheme : schemes) {
      out += scheme->id();
      out += '\t';
      out += scheme->description();
      if (scheme->reversible()) {
        out += ' ';
        out += Tr("[reversible]");
      }
      out += '\n';
    }
    Status written = WriteStdout(out);
    return written.ok() ? kExitOk : Fail("romanize", written);
  }

  RomanizeOptions ro;
  ro.name = args.name;
  ro.place = args.place;
  ro.ascii = args.ascii;
  ro.capitalize = args.capitalize;
  ro.name_hyphen = !args.no_name_hyphen;
  ro.name_style = args.style == "common" ? RomanizeOptions::NameStyle::kCommon
                                         : RomanizeOptions::NameStyle::kScheme;
  ro.omit_unit_suffix = args.omit_unit;
  ro.misreading_hyphen = args.misreading_hyphen;

  std::unique_ptr<LineConverter> converter;
  if (args.scheme == "auto") {
    if (args.reverse) {
      return Fail("romanize", Status::BadArgument(
                                  Tr("--reverse needs a reversible --scheme, "
                                     "such as ru-iso9 or uk-iso9")));
    }
    auto cyrillic =
        FindScheme(extra, args.lang == "ru" ? "ru-bgn" : "uk-kmu2010");
    auto hangul = FindScheme(extra, "ko-rr");
    converter =
        std::make_unique<LineConverter>(cyrillic.ok() ? *cyrillic : nullptr,
                                        hangul.ok() ? *hangul : nullptr, ro);
  } else {
    auto scheme = FindScheme(extra, args.scheme);
    if (!scheme.ok()) {
      return Fail("--scheme",
                  Status::NotFound(Format(
                      Tr("unknown scheme '{0}'; 'onoma romanize --list' shows "
                         "the schemes"),
                      {args.scheme})));
    }
    if (args.reverse && !(*scheme)->reversible()) {
      return Fail("--reverse",
                  Status::BadArgument(Format(
                      Tr("scheme '{0}' is not reversible; reversible schemes "
                         "are marked so in 'onoma romanize --list'"),
                      {args.scheme})));
    }
    converter = std::make_unique<LineConverter>(*scheme, args.reverse, ro);
  }

  if (!args.text.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < args.text.size(); ++i) {
      if (i > 0) joined += ' ';
      joined += args.text[i];
    }
    Status valid = text::ValidateUtf8(joined, "<arguments>");
    if (!valid.ok()) return Fail("romanize", valid);
    std::string out;
    Status converted = converter->Convert(joined, out);
    if (!converted.ok()) return Fail("romanize", converted);
    out += '\n';
    Status written = WriteStdout(out);
    return written.ok() ? kExitOk : Fail("romanize", written);
  }
  bool flush = args.line_buffered || isatty(STDIN_FILENO) != 0;
  return StreamStdin(*converter, flush);
}

}  // namespace onoma::cli
