// Stored TMX segment markup cut into text and inline codes, for the draft
// writers (memory/formats/draft.h). The markup is canonical (docs/tm.md):
// well-formed, attributes double-quoted, so a small scanner suffices.
// Tested by tests/formats/draft_writer_test.cc.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/utf8.h"
#include "memory/formats/draft.h"
#include "memory/formats/draft_internal.h"

namespace onoma::formats {
namespace {

using Kind = InlinePiece::Kind;

// Appends `text` with its entity and character references resolved.
void AppendUnescaped(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    const std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos) {
      out += text.substr(i);
      return;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      char32_t c = 0;
      bool ok = name.size() > (hex ? 2u : 1u);
      for (char d : name.substr(hex ? 2 : 1)) {
        int v = -1;
        if (d >= '0' && d <= '9') v = d - '0';
        if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        if (v < 0 || c > 0x10FFFF) {
          ok = false;
          break;
        }
        c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (ok && c <= 0x10FFFF) {
        text::AppendUtf8(out, c);
      } else {
        out += text.substr(i, semi - i + 1);
      }
    } else {
      out += text.substr(i, semi - i + 1);
    }
    i = semi + 1;
  }
}

// The text of an element's content: tags dropped, references resolved.
std::string ContentText(std::string_view content) {
  std::string out;
  std::size_t at = 0;
  while (at < content.size()) {
    const std::size_t open = content.find('<', at);
    AppendUnescaped(content.substr(at, open - at), out);
    if (open == std::string_view::npos) break;
    std::size_t close;
    if (content.substr(open).starts_with("<!--")) {
      close = content.find("-->", open);
      at = close == std::string_view::npos ? content.size() : close + 3;
    } else {
      close = content.find('>', open);
      at = close == std::string_view::npos ? content.size() : close + 1;
    }
  }
  return out;
}

// The value of attribute `name` in the start tag's text; "" when absent.
std::string Attribute(std::string_view tag, std::string_view name) {
  std::size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    const bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' ||
                                   tag[at - 1] == '\n');
    const std::size_t eq = at + name.size();
    if (starts && tag.substr(eq).starts_with("=\"")) {
      const std::size_t end = tag.find('"', eq + 2);
      std::string out;
      AppendUnescaped(tag.substr(eq + 2, end - eq - 2), out);
      return out;
    }
    at = eq;
  }
  return "";
}

void AddText(std::vector<InlinePiece>& pieces, std::string_view escaped) {
  if (escaped.empty()) return;
  if (pieces.empty() || pieces.back().kind != Kind::kText) {
    pieces.push_back({Kind::kText, "", ""});
  }
  AppendUnescaped(escaped, pieces.back().text);
}

}  // namespace

std::vector<InlinePiece> ParseTmxInline(std::string_view markup) {
  std::vector<InlinePiece> pieces;
  std::size_t at = 0;
  while (at < markup.size()) {
    const std::size_t open = markup.find('<', at);
    AddText(pieces, markup.substr(at, open - at));
    if (open == std::string_view::npos) break;
    const std::string_view rest = markup.substr(open);
    if (rest.starts_with("<!--")) {
      const std::size_t end = markup.find("-->", open);
      at = end == std::string_view::npos ? markup.size() : end + 3;
      continue;
    }
    const std::size_t close = markup.find('>', open);
    if (close == std::string_view::npos) {
      AddText(pieces, rest);
      break;
    }
    const std::string_view tag = markup.substr(open, close - open + 1);
    at = close + 1;
    if (tag.starts_with("<?")) {
      const std::size_t end = markup.find("?>", open);
      at = end == std::string_view::npos ? markup.size() : end + 2;
      continue;
    }
    if (tag.starts_with("</")) {
      if (tag == "</hi>") pieces.push_back({Kind::kHiEnd, "", ""});
      continue;
    }
    std::size_t name_end = 1;
    while (name_end < tag.size() && tag[name_end] != ' ' &&
           tag[name_end] != '>' && tag[name_end] != '/' &&
           tag[name_end] != '\t' && tag[name_end] != '\n') {
      ++name_end;
    }
    const std::string_view name = tag.substr(1, name_end - 1);
    const bool empty = tag.ends_with("/>");
    if (name == "hi") {
      if (!empty) pieces.push_back({Kind::kHiStart, "", ""});
      continue;
    }
    // A code: its content runs to the matching end tag (codes of the same
    // name may nest inside a <sub>).
    std::string native;
    if (!empty) {
      const std::string start = "<" + std::string(name);
      const std::string end = "</" + std::string(name) + ">";
      std::size_t depth = 1;
      std::size_t scan = at;
      std::size_t content_end = markup.size();
      while (depth > 0) {
        const std::size_t next_end = markup.find(end, scan);
        if (next_end == std::string_view::npos) {
          scan = markup.size();
          break;
        }
        std::size_t next_start = markup.find(start, scan);
        while (next_start != std::string_view::npos && next_start < next_end) {
          const char after = markup[next_start + start.size()];
          if (after == ' ' || after == '>') break;
          next_start = markup.find(start, next_start + 1);
        }
        if (next_start != std::string_view::npos && next_start < next_end) {
          ++depth;
          scan = next_start + start.size();
          continue;
        }
        --depth;
        content_end = next_end;
        scan = next_end + end.size();
      }
      native = ContentText(markup.substr(at, content_end - at));
      at = scan;
    }
    InlinePiece piece;
    piece.text = std::move(native);
    if (name == "bpt") {
      piece.kind = Kind::kBpt;
      piece.pair = Attribute(tag, "i");
    } else if (name == "ept") {
      piece.kind = Kind::kEpt;
      piece.pair = Attribute(tag, "i");
    } else if (name == "it") {
      piece.kind = Attribute(tag, "pos") == "end" ? Kind::kIsolatedEnd
                                                  : Kind::kIsolatedBegin;
    } else {
      piece.kind = Kind::kPlaceholder;
    }
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

namespace internal {

std::vector<bool> WellNestedPairs(const std::vector<InlinePiece>& pieces,
                                  std::vector<std::size_t>& partner) {
  const std::size_t n = pieces.size();
  partner.assign(n, n);
  // Pair each ept with the nearest open bpt of the same i.
  for (std::size_t k = 0; k < n; ++k) {
    if (pieces[k].kind != Kind::kEpt) continue;
    for (std::size_t b = k; b-- > 0;) {
      if (pieces[b].kind == Kind::kBpt && partner[b] == n &&
          pieces[b].pair == pieces[k].pair) {
        partner[b] = k;
        partner[k] = b;
        break;
      }
    }
  }
  // A pair nests when nothing opened inside it is still open at its end.
  std::vector<bool> nested(n, false);
  std::vector<std::size_t> stack;
  for (std::size_t k = 0; k < n; ++k) {
    const Kind kind = pieces[k].kind;
    if ((kind == Kind::kBpt && partner[k] < n) || kind == Kind::kHiStart) {
      stack.push_back(k);
      nested[k] = true;
    } else if (kind == Kind::kEpt && partner[k] < n) {
      const std::size_t b = partner[k];
      if (!stack.empty() && stack.back() == b) {
        stack.pop_back();
        nested[k] = nested[b];
      } else {
        nested[b] = false;
        for (std::size_t s = 0; s < stack.size(); ++s) {
          if (stack[s] == b) {
            stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(s));
            break;
          }
        }
      }
    } else if (kind == Kind::kHiEnd) {
      while (!stack.empty()) {
        const std::size_t top = stack.back();
        stack.pop_back();
        if (pieces[top].kind == Kind::kHiStart) break;
        nested[top] = false;  // a pair that crosses the end of a <hi>
      }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (pieces[k].kind == Kind::kEpt && partner[k] < n) {
      nested[k] = nested[partner[k]];
    }
  }
  return nested;
}

}  // namespace internal
}  // namespace onoma::formats
