// The draft as XLIFF 2.0 and XLIFF 1.2 (memory/formats/draft.h;
// docs/pretranslate.md says what goes where). Tested by
// tests/formats/draft_writer_test.cc, which validates every file with
// xmllint against the OASIS schemas.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "memory/formats/draft.h"
#include "memory/formats/draft_internal.h"
#include "memory/formats/tmx_model.h"

namespace onoma::formats {
namespace internal {
namespace {

// The length of a character XML 1.0 cannot hold at text[i], or 0.
std::size_t BadCharAt(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 1;
  if (c == 0xEF && i + 2 < text.size() &&
      static_cast<unsigned char>(text[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
       static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
    return 3;
  }
  return 0;
}

}  // namespace

void AppendXmlText(std::string_view text, BadChars bad, std::string& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = BadCharAt(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    AppendEscapedText(text.substr(start, i - start), out);
    if (bad == BadChars::kCp) {
      unsigned code = static_cast<unsigned char>(text[i]);
      if (n == 3)
        code =
            static_cast<unsigned char>(text[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF;
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X", code);
      out += "<cp hex=\"";
      out += hex;
      out += "\"/>";
    } else {
      out += "\xEF\xBF\xBD";
    }
    i += n;
    start = i;
  }
  AppendEscapedText(text.substr(start), out);
}

std::string WithoutBadChars(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = BadCharAt(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(text.substr(start, i - start));
    out += "\xEF\xBF\xBD";
    i += n;
    start = i;
  }
  out.append(text.substr(start));
  return out;
}

void AppendXmlAttribute(std::string_view value, std::string& out) {
  std::string clean;
  AppendXmlText(value, BadChars::kReplacement, clean);
  // AppendXmlText escaped & < > and CR already; the rest of an attribute's
  // escapes are for the quote and the whitespace XML would fold.
  for (char c : clean) {
    switch (c) {
      case '"':
        out += "&quot;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace internal

namespace {

using internal::AppendXmlAttribute;
using internal::AppendXmlText;
using internal::BadChars;
using Kind = InlinePiece::Kind;

void Attr(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendXmlAttribute(value, out);
  out += '"';
}

// --- XLIFF 2.0 ---------------------------------------------------------------

// The content of a match's <source> or <target>: the stored markup's codes
// as pc/sc/ec/ph, their native codes added to `data` (the match's
// <originalData>) under ids "d1", "d2", ... counted by `data_count`.
// Code ids are `prefix` and the code's ordinal.
std::string Xliff20Inline(std::string_view markup, std::string_view prefix,
                          std::string& data, int& data_count) {
  const std::vector<InlinePiece> pieces = ParseTmxInline(markup);
  std::vector<std::size_t> partner;
  const std::vector<bool> nested = internal::WellNestedPairs(pieces, partner);
  std::vector<std::string> ids(pieces.size());
  std::string out;
  int code_count = 0;
  int open_hi = 0;  // <pc>s for <hi> still open
  auto data_ref = [&](const std::string& native) -> std::string {
    if (native.empty()) return "";
    const std::string id = "d" + std::to_string(++data_count);
    data += "<data id=\"" + id + "\">";
    AppendXmlText(native, BadChars::kCp, data);
    data += "</data>";
    return id;
  };
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const InlinePiece& p = pieces[k];
    if (p.kind == Kind::kText) {
      AppendXmlText(p.text, BadChars::kCp, out);
      continue;
    }
    if (p.kind == Kind::kHiEnd) {
      if (open_hi > 0) {
        out += "</pc>";
        --open_hi;
      }
      continue;
    }
    std::string id;
    if (p.kind == Kind::kEpt && partner[k] < pieces.size()) {
      id = ids[partner[k]];
    }
    if (id.empty()) id = std::string(prefix) + std::to_string(++code_count);
    ids[k] = id;
    switch (p.kind) {
      case Kind::kHiStart:
        out += "<pc id=\"" + id + "\">";
        ++open_hi;
        break;
      case Kind::kHiEnd:
        break;
      case Kind::kBpt: {
        const bool paired = partner[k] < pieces.size();
        const std::string ref = data_ref(p.text);
        if (paired && nested[k]) {
          out += "<pc id=\"" + id + "\"";
          if (!ref.empty()) out += " dataRefStart=\"" + ref + "\"";
          const std::string end_ref = data_ref(pieces[partner[k]].text);
          if (!end_ref.empty()) out += " dataRefEnd=\"" + end_ref + "\"";
          out += ">";
        } else {
          out += "<sc id=\"" + id + "\"";
          if (!paired) out += " isolated=\"yes\"";
          if (!ref.empty()) out += " dataRef=\"" + ref + "\"";
          out += "/>";
        }
        break;
      }
      case Kind::kEpt: {
        const bool paired = partner[k] < pieces.size();
        if (paired && nested[k]) {
          out += "</pc>";
          break;
        }
        const std::string ref = data_ref(p.text);
        if (paired) {
          out += "<ec startRef=\"" + id + "\"";
        } else {
          out += "<ec id=\"" + id + "\" isolated=\"yes\"";
        }
        if (!ref.empty()) out += " dataRef=\"" + ref + "\"";
        out += "/>";
        break;
      }
      case Kind::kIsolatedBegin:
      case Kind::kIsolatedEnd: {
        const std::string ref = data_ref(p.text);
        out += p.kind == Kind::kIsolatedBegin ? "<sc" : "<ec";
        out += " id=\"" + id + "\" isolated=\"yes\"";
        if (!ref.empty()) out += " dataRef=\"" + ref + "\"";
        out += "/>";
        break;
      }
      case Kind::kPlaceholder: {
        const std::string ref = data_ref(p.text);
        out += "<ph id=\"" + id + "\"";
        if (!ref.empty()) out += " dataRef=\"" + ref + "\"";
        out += "/>";
        break;
      }
      case Kind::kText:
        break;
    }
  }
  while (open_hi-- > 0) out += "</pc>";
  return out;
}

void Xliff20Unit(const Draft& draft, const DraftSegment& s, std::size_t n,
                 std::string& out) {
  const std::string unit_id = "u" + std::to_string(n);
  out += "      <unit id=\"" + unit_id + "\">\n";
  if (!s.matches.empty()) {
    out += "        <mtc:matches>\n";
    int m = 0;
    for (const DraftMatch& match : s.matches) {
      out += "          <mtc:match id=\"m" + std::to_string(++m) +
             "\" ref=\"#s1\" type=\"tm\"";
      Attr(out, "matchQuality", std::to_string(match.score));
      Attr(out, "similarity", std::to_string(match.similarity));
      if (!match.origin.empty()) Attr(out, "origin", match.origin);
      out += ">\n";
      std::string data;
      int data_count = 0;
      const std::string source =
          Xliff20Inline(match.source_markup, "s", data, data_count);
      const std::string target =
          Xliff20Inline(match.target_markup, "t", data, data_count);
      if (!data.empty()) {
        out += "            <originalData>" + data + "</originalData>\n";
      }
      out += "            <source>" + source + "</source>\n";
      out += "            <target>" + target + "</target>\n";
      out += "          </mtc:match>\n";
    }
    out += "        </mtc:matches>\n";
  }
  if (!s.terms.empty()) {
    out += "        <gls:glossary>\n";
    for (const DraftTerm& t : s.terms) {
      out += "          <gls:glossEntry>\n            <gls:term";
      Attr(out, "source", "onoma term store: " + t.concept_id);
      out += ">";
      AppendXmlText(t.term, BadChars::kCp, out);
      out += "</gls:term>\n";
      if (!t.translation.empty()) {
        out += "            <gls:translation>";
        AppendXmlText(t.translation, BadChars::kCp, out);
        out += "</gls:translation>\n";
      }
      out += "          </gls:glossEntry>\n";
    }
    out += "        </gls:glossary>\n";
  }
  if (!s.notes.empty()) {
    out += "        <notes>\n";
    for (const std::string& note : s.notes) {
      out += "          <note appliesTo=\"target\" category=\"onoma\">";
      AppendXmlText(note, BadChars::kCp, out);
      out += "</note>\n";
    }
    out += "        </notes>\n";
  }
  out += "        <segment id=\"s1\" state=\"";
  out += s.target && s.score == 100 ? "translated" : "initial";
  out += "\">\n          <source>";
  AppendXmlText(s.source, BadChars::kCp, out);
  out += "</source>\n";
  if (s.target) {
    out += "          <target>";
    AppendXmlText(*s.target, BadChars::kCp, out);
    out += "</target>\n";
  }
  out += "        </segment>\n      </unit>\n";
  (void)draft;
}

// --- XLIFF 1.2 ---------------------------------------------------------------

// A match's stored segment as XLIFF 1.2 inline content: bpt/ept, it, ph, and
// <g> for TMX's <hi>.
std::string Xliff12Inline(std::string_view markup) {
  const std::vector<InlinePiece> pieces = ParseTmxInline(markup);
  std::vector<std::size_t> partner;
  (void)internal::WellNestedPairs(pieces, partner);
  std::string out;
  int count = 0;
  int open_g = 0;
  std::vector<int> rids(pieces.size(), 0);
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const InlinePiece& p = pieces[k];
    const std::string id = std::to_string(k + 1);
    switch (p.kind) {
      case Kind::kText:
        AppendXmlText(p.text, BadChars::kReplacement, out);
        continue;
      case Kind::kHiStart:
        out += "<g id=\"" + id + "\">";
        ++open_g;
        continue;
      case Kind::kHiEnd:
        if (open_g > 0) {
          out += "</g>";
          --open_g;
        }
        continue;
      case Kind::kBpt:
      case Kind::kEpt: {
        if (partner[k] >= pieces.size()) {
          // Half a pair: XLIFF 1.2 has <it> for a code whose other half
          // is elsewhere.
          out += "<it id=\"" + id + "\" pos=\"" +
                 (p.kind == Kind::kBpt ? "open" : "close") + "\">";
          AppendXmlText(p.text, BadChars::kReplacement, out);
          out += "</it>";
          continue;
        }
        int rid = 0;
        if (partner[k] < pieces.size() && rids[partner[k]] != 0) {
          rid = rids[partner[k]];
        } else {
          rid = ++count;
        }
        rids[k] = rid;
        const char* name = p.kind == Kind::kBpt ? "bpt" : "ept";
        out += std::string("<") + name + " id=\"" + id + "\" rid=\"" +
               std::to_string(rid) + "\">";
        AppendXmlText(p.text, BadChars::kReplacement, out);
        out += std::string("</") + name + ">";
        continue;
      }
      case Kind::kIsolatedBegin:
      case Kind::kIsolatedEnd:
        out += "<it id=\"" + id + "\" pos=\"" +
               (p.kind == Kind::kIsolatedBegin ? "open" : "close") + "\">";
        AppendXmlText(p.text, BadChars::kReplacement, out);
        out += "</it>";
        continue;
      case Kind::kPlaceholder:
        if (p.text.empty()) {
          out += "<x id=\"" + id + "\"/>";
        } else {
          out += "<ph id=\"" + id + "\">";
          AppendXmlText(p.text, BadChars::kReplacement, out);
          out += "</ph>";
        }
        continue;
    }
  }
  while (open_g-- > 0) out += "</g>";
  return out;
}

void Xliff12Unit(const Draft& draft, const DraftSegment& s, std::size_t n,
                 std::string& out) {
  out += "        <trans-unit id=\"u" + std::to_string(n) + "\">\n";
  out += "          <source>";
  AppendXmlText(s.source, BadChars::kReplacement, out);
  out += "</source>\n";
  if (s.target) {
    const bool exact = s.score == 100;
    out += "          <target";
    Attr(out, "state", exact ? "translated" : "needs-review-translation");
    Attr(out, "state-qualifier",
         exact           ? "exact-match"
         : s.substituted ? "leveraged-tm"
                         : "fuzzy-match");
    out += ">";
    AppendXmlText(*s.target, BadChars::kReplacement, out);
    out += "</target>\n";
  }
  for (const std::string& note : s.notes) {
    out += "          <note from=\"onoma\" annotates=\"target\">";
    AppendXmlText(note, BadChars::kReplacement, out);
    out += "</note>\n";
  }
  for (const DraftTerm& t : s.terms) {
    out += "          <note from=\"onoma\" annotates=\"source\">";
    AppendXmlText(t.term + " → " +
                      (t.translation.empty() ? "?" : t.translation) + " (" +
                      t.concept_id + ")",
                  BadChars::kReplacement, out);
    out += "</note>\n";
  }
  for (const DraftMatch& match : s.matches) {
    out += "          <alt-trans";
    Attr(out, "match-quality", std::to_string(match.score));
    if (!match.origin.empty()) Attr(out, "origin", match.origin);
    out += ">\n            <source";
    Attr(out, "xml:lang", draft.source_lang);
    out += ">" + Xliff12Inline(match.source_markup) + "</source>\n";
    out += "            <target";
    Attr(out, "xml:lang", draft.target_lang);
    out += ">" + Xliff12Inline(match.target_markup) + "</target>\n";
    out += "          </alt-trans>\n";
  }
  out += "        </trans-unit>\n";
}

}  // namespace

std::string WriteXliff20(const Draft& draft) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
      "xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" "
      "xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" version=\"2.0\"";
  Attr(out, "srcLang", draft.source_lang);
  Attr(out, "trgLang", draft.target_lang);
  out += ">\n  <file id=\"f1\"";
  Attr(out, "original", draft.original);
  out += ">\n";
  if (draft.segments.empty()) {
    // A file needs a unit; an empty report gives one empty group.
    out += "    <group id=\"p1\"/>\n";
  }
  for (std::size_t i = 0; i < draft.segments.size(); ++i) {
    const DraftSegment& s = draft.segments[i];
    if (i == 0 || s.paragraph != draft.segments[i - 1].paragraph) {
      if (i > 0) out += "    </group>\n";
      out += "    <group id=\"p" + std::to_string(s.paragraph + 1) +
             "\" type=\"onoma:paragraph\">\n";
    }
    Xliff20Unit(draft, s, i + 1, out);
  }
  if (!draft.segments.empty()) out += "    </group>\n";
  out += "  </file>\n</xliff>\n";
  return out;
}

std::string WriteXliff12(const Draft& draft) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff version=\"1.2\" "
      "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "  <file datatype=\"plaintext\"";
  Attr(out, "original", draft.original);
  Attr(out, "source-language", draft.source_lang);
  Attr(out, "target-language", draft.target_lang);
  out +=
      ">\n    <header>\n      <tool tool-id=\"onoma\" tool-name=\"onoma\"/>"
      "\n    </header>\n    <body>\n";
  for (std::size_t i = 0; i < draft.segments.size(); ++i) {
    const DraftSegment& s = draft.segments[i];
    if (i == 0 || s.paragraph != draft.segments[i - 1].paragraph) {
      if (i > 0) out += "      </group>\n";
      out += "      <group id=\"p" + std::to_string(s.paragraph + 1) +
             "\" restype=\"x-paragraph\">\n";
    }
    Xliff12Unit(draft, s, i + 1, out);
  }
  if (!draft.segments.empty()) out += "      </group>\n";
  out += "    </body>\n  </file>\n</xliff>\n";
  return out;
}

}  // namespace onoma::formats
