#include "memory/formats/tmx_model.h"

#include <cstdio>
#include <ctime>

#include "lib/text/language_tag.h"

namespace onoma::formats {
namespace {

struct AttributeInfo {
  std::string_view name;
  bool header, unit, variant;
};

// TMX 1.4b's DTD (../shared/corpora/spec/tmx14.dtd), ATTLIST header, tu and
// tuv; in TmxAttr order.
constexpr std::array<AttributeInfo, kTmxAttrCount> kAttributes = {{
    {"tuid", false, true, false},
    {"srclang", true, true, false},
    {"segtype", true, true, false},
    {"o-tmf", true, true, true},
    {"o-encoding", true, true, true},
    {"datatype", true, true, true},
    {"usagecount", false, true, true},
    {"lastusagedate", false, true, true},
    {"creationtool", true, true, true},
    {"creationtoolversion", true, true, true},
    {"creationdate", true, true, true},
    {"creationid", true, true, true},
    {"changedate", true, true, true},
    {"changeid", true, true, true},
    {"adminlang", true, false, false},
}};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at text[at...]; false if any is not a digit.
bool Digits(std::string_view text, std::size_t at, std::size_t n, int& value) {
  if (at + n > text.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given civil date (Howard Hinnant's
// days_from_civil), so that zone offsets can be applied without the C
// library's time zone state.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

void WriteTmxDate(std::int64_t seconds, std::string& out) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) rest += 86400, --days;
  std::int64_t y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld%02u%02uT%02lld%02lld%02lldZ",
                static_cast<long long>(y), m, d,
                static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60),
                static_cast<long long>(rest % 60));
  out.assign(buffer);
}

}  // namespace

std::string_view AttributeName(TmxAttr attr) {
  return kAttributes[static_cast<std::size_t>(attr)].name;
}

bool AttributeAllowed(TmxOwner owner, TmxAttr attr) {
  const AttributeInfo& info = kAttributes[static_cast<std::size_t>(attr)];
  switch (owner) {
    case TmxOwner::kHeader:
      return info.header;
    case TmxOwner::kUnit:
      return info.unit;
    case TmxOwner::kVariant:
      return info.variant;
  }
  return false;
}

bool LookUpAttribute(TmxOwner owner, std::string_view name, TmxAttr& attr) {
  for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
    if (kAttributes[i].name == name) {
      attr = static_cast<TmxAttr>(i);
      return AttributeAllowed(owner, attr);
    }
  }
  return false;
}

bool IsDateAttribute(TmxAttr attr) {
  return attr == TmxAttr::kCreationdate || attr == TmxAttr::kChangedate ||
         attr == TmxAttr::kLastusagedate;
}

void TmxMeta::Clear() {
  kind = Kind::kNote;
  type.clear();
  lang.clear();
  has_lang = false;
  o_encoding.clear();
  has_o_encoding = false;
  extra.clear();
  value.clear();
}

void TmxVariant::Clear() {
  lang.clear();
  attrs.Clear();
  extra.clear();
  meta.clear();
  markup.clear();
  text.clear();
  skeleton.clear();
  has_codes = false;
  has_markup = false;
  position = {};
}

bool TmxVariant::SameContent(const TmxVariant& other) const {
  return lang == other.lang && attrs == other.attrs && extra == other.extra &&
         meta == other.meta && markup == other.markup && text == other.text &&
         skeleton == other.skeleton && has_codes == other.has_codes &&
         has_markup == other.has_markup;
}

void TmxUnit::Clear() {
  attrs.Clear();
  extra.clear();
  meta.clear();
  // Variants are kept for reuse by the reader; it resizes.
  position = {};
}

bool TmxUnit::SameContent(const TmxUnit& other) const {
  if (!(attrs == other.attrs) || extra != other.extra || meta != other.meta ||
      variants.size() != other.variants.size()) {
    return false;
  }
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (!variants[i].SameContent(other.variants[i])) return false;
  }
  return true;
}

void TmxHeader::Clear() {
  version.clear();
  root_extra.clear();
  attrs.Clear();
  extra.clear();
  body.clear();
  present = false;
  position = {};
}

void AppendEscapedText(std::string_view text, std::string& out) {
  // Most text has nothing to escape: runs between special characters are
  // appended whole.
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '&' && c != '<' && c != '>' && c != '\r') continue;
    out.append(text, start, i - start);
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      default:
        out.append("&#13;");
        break;
    }
    start = i + 1;
  }
  out.append(text, start, text.size() - start);
}

void AppendEscapedAttribute(std::string_view value, std::string& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char* entity;
    switch (value[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\t':
        entity = "&#9;";
        break;
      case '\n':
        entity = "&#10;";
        break;
      case '\r':
        entity = "&#13;";
        break;
      default:
        continue;
    }
    out.append(value, start, i - start);
    out.append(entity);
    start = i + 1;
  }
  out.append(value, start, value.size() - start);
}

bool ParseTmxDate(std::string_view text, std::string& out, bool& was_tmx_form) {
  int year, month, day, hour, minute, second;
  std::int64_t offset_seconds = 0;
  if (text.size() == 16 && text[8] == 'T' && text[15] == 'Z') {
    // The TMX form, by far the commonest: checked without copying.
    if (!Digits(text, 0, 4, year) || !Digits(text, 4, 2, month) ||
        !Digits(text, 6, 2, day) || !Digits(text, 9, 2, hour) ||
        !Digits(text, 11, 2, minute) || !Digits(text, 13, 2, second)) {
      return false;
    }
    was_tmx_form = true;
  } else {
    // ISO 8601 extended: YYYY-MM-DDThh:mm:ss[.f+][Z|(+|-)hh:mm|(+|-)hhmm]
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
        text[13] != ':' || text[16] != ':' || !Digits(text, 0, 4, year) ||
        !Digits(text, 5, 2, month) || !Digits(text, 8, 2, day) ||
        !Digits(text, 11, 2, hour) || !Digits(text, 14, 2, minute) ||
        !Digits(text, 17, 2, second)) {
      return false;
    }
    std::size_t at = 19;
    if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
      ++at;
      std::size_t digits = 0;
      while (at < text.size() && IsDigit(text[at])) ++at, ++digits;
      if (digits == 0) return false;
    }
    if (at < text.size()) {
      if (text[at] == 'Z' || text[at] == 'z') {
        ++at;
      } else if (text[at] == '+' || text[at] == '-') {
        const int sign = text[at] == '+' ? 1 : -1;
        int zh, zm = 0;
        if (!Digits(text, at + 1, 2, zh)) return false;
        at += 3;
        if (at < text.size()) {
          if (text[at] == ':') ++at;
          if (!Digits(text, at, 2, zm)) return false;
          at += 2;
        }
        if (zh > 23 || zm > 59) return false;
        offset_seconds = sign * (zh * 3600 + zm * 60);
      }
      if (at != text.size()) return false;
    }
    was_tmx_form = false;
  }
  // A leap second (60) is allowed, as ISO 8601 allows it; it is carried
  // into the next minute below.
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) ||
      hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  if (was_tmx_form && second < 60) {
    out.assign(text);
    return true;
  }
  std::int64_t seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 +
                         minute * 60 + second - offset_seconds;
  WriteTmxDate(seconds, out);
  return true;
}

std::string FormatTmxDate(std::int64_t unix_seconds) {
  std::string out;
  WriteTmxDate(unix_seconds, out);
  return out;
}

bool LooksLikeLanguageTag(std::string_view tag) {
  return text::IsLanguageTag(tag);
}

bool SameLanguage(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool LanguageMatches(std::string_view range, std::string_view tag) {
  if (range == "*") return true;
  if (tag.size() < range.size()) return false;
  if (!SameLanguage(range, tag.substr(0, range.size()))) return false;
  return tag.size() == range.size() || tag[range.size()] == '-';
}

}  // namespace onoma::formats
