#include "cli/line_converter.h"

#include "lib/text/script.h"
#include "lib/text/utf8.h"

namespace onoma::cli {

Status LineConverter::Convert(std::string_view line, std::string& out) const {
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

void LineConverter::ConvertAuto(std::string_view line, std::string& out) const {
  std::size_t run_begin = 0;
  const romanize::Scheme* run_scheme = nullptr;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t at = i;
    char32_t c = 0;
    if (!text::DecodeNext(line, i, c)) continue;
    text::Script script = text::ScriptOf(c);
    const romanize::Scheme* scheme =
        script == text::Script::kCyrillic ? cyrillic_
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

void LineConverter::Flush(std::string_view run, const romanize::Scheme* scheme,
                          std::string& out) const {
  if (run.empty()) return;
  if (scheme == nullptr) {
    out += run;
  } else {
    scheme->RomanizeTo(run, options_, out);
  }
}

}  // namespace onoma::cli
