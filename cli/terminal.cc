#include "cli/terminal.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/i18n.h"

namespace onoma::cli {

Display ChooseDisplay(bool json) {
  Display display;
  display.terminal = !json && isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  display.highlight =
      display.terminal && (no_color == nullptr || no_color[0] == '\0');
  return display;
}

void AppendShown(std::string& out, std::string_view text,
                 const Display& display) {
  if (!display.terminal) {
    out += text;
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    // C0 controls but tab, DEL, and C1 controls (U+0080-U+009F, bytes
    // C2 80-9F: U+009B is a CSI to some terminals).
    const bool c1 = b == 0xc2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) < 0xa0;
    if ((b < 0x20 && b != '\t') || b == 0x7f || c1) {
      out += "\uFFFD";
      if (c1) ++i;
    } else {
      out += text[i];
    }
  }
}

ProgressLine::ProgressLine() : ProgressLine(std::string()) {}

ProgressLine::ProgressLine(std::string pattern)
    : pattern_(std::move(pattern)), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  Show(Format(pattern_, {std::to_string(done * 100 / total)}));
}

void ProgressLine::Show(std::string_view text, bool always) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!always && shown_ && now - last_ < std::chrono::milliseconds(200)) {
    return;
  }
  last_ = now;
  shown_ = true;
  std::string line = "\r\033[K";
  line += text;
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace onoma::cli
