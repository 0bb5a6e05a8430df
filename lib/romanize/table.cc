#include "lib/romanize/table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <utility>

#include "lib/text/unicode.h"
#include "lib/util/text_lines.h"

namespace onoma::romanize {
namespace {

// One whitespace-separated field of a table line, already unescaped.
struct Field {
  std::string text;
  std::uint32_t column = 0;  // 1-based, in code points
};

class LineParser {
 public:
  LineParser(std::string_view path, std::uint32_t line)
      : path_(path), line_(line) {}

  Status Error(std::uint32_t column, std::string message) const {
    return Status::BadInput(std::move(message))
        .At({std::string(path_), line_, column, 0});
  }

  // Splits `line` into fields, honouring quotes, escapes and comments. As
  // in a shell, quotes may open anywhere in a field: ascii="\"" is the
  // field ascii=" .
  Result<std::vector<Field>> Split(std::string_view line) const {
    std::vector<Field> fields;
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(line.size());
    std::uint32_t column = 0;  // of the character last read
    bool in_field = false;
    bool quoted = false;
    std::uint32_t quote_column = 0;
    while (i < n) {
      std::int32_t at = i;
      UChar32 c;
      U8_NEXT(line.data(), i, n, c);
      ++column;
      if (c < 0) return Error(column, "invalid UTF-8 in table");
      bool space = c == ' ' || c == '\t' || c == '\r';
      if (!quoted && space) {
        in_field = false;
        continue;
      }
      if (!quoted && !in_field && c == '#') break;  // comment to line end
      if (!in_field) {
        fields.push_back(Field{{}, column});
        in_field = true;
      }
      Field& field = fields.back();
      if (c == '"') {
        quoted = !quoted;
        quote_column = column;
        continue;
      }
      if (c == '\\') {
        auto escaped = Unescape(line, i, column);
        if (!escaped.ok()) return escaped.status();
        field.text += *escaped;
        continue;
      }
      field.text.append(line.substr(at, i - at));
    }
    if (quoted) return Error(quote_column, "unterminated quote");
    return fields;
  }

 private:
  // Reads the escape after a backslash: \\ \" \uXXXX \UXXXXXXXX.
  Result<std::string> Unescape(std::string_view line, std::int32_t& i,
                               std::uint32_t& column) const {
    if (i >= static_cast<std::int32_t>(line.size())) {
      return Error(column, "backslash at end of line");
    }
    char kind = line[i++];
    ++column;
    if (kind == '\\' || kind == '"' || kind == '#') return std::string(1, kind);
    int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (digits == 0) {
      return Error(column - 1, "unknown escape; use \\uXXXX, \\\\ or \\\"");
    }
    if (i + digits > static_cast<std::int32_t>(line.size())) {
      return Error(column + 1,
                   "escape needs " + std::to_string(digits) + " hex digits");
    }
    std::uint32_t value = 0;
    for (int k = 0; k < digits; ++k) {
      char h = line[i + k];
      int v = h >= '0' && h <= '9'   ? h - '0'
              : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                     : -1;
      if (v < 0) return Error(column + 1 + k, "not a hex digit in escape");
      value = value * 16 + static_cast<std::uint32_t>(v);
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return Error(column, "escape is not a Unicode scalar value");
    }
    i += digits;
    column += digits;
    std::string out;
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(value));
    out.assign(buf, len);
    return out;
  }

  std::string_view path_;
  std::uint32_t line_;
};

// Decodes NFC UTF-8 to code points, lower-cased when `lower`.
std::u32string Decode(std::string_view s, bool lower) {
  std::string nfc = text::ToNfc(s);
  std::u32string out;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(nfc.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(nfc.data(), i, n, c);
    if (c < 0) continue;
    out.push_back(static_cast<char32_t>(lower ? u_tolower(c) : c));
  }
  return out;
}

std::optional<text::Script> ParseScript(std::string_view name) {
  if (name == "cyrillic") return text::Script::kCyrillic;
  if (name == "hangul") return text::Script::kHangul;
  if (name == "latin") return text::Script::kLatin;
  return std::nullopt;
}

// ParseTable's stages: a header line, a rule line and each of its
// conditions, then the checks on the whole table.
class TableParser {
 public:
  explicit TableParser(std::string_view path) { spec_.path = path; }

  Status Line(const LineParser& parser, std::uint32_t line_no,
              const std::vector<Field>& fields) {
    const std::string& first = fields[0].text;
    if (first.size() > 1 && first.back() == ':') return Header(parser, fields);
    return Rule(parser, line_no, fields);
  }

  Result<TableSpec> Finish() &&;

 private:
  // "key: value ...".
  Status Header(const LineParser& parser, const std::vector<Field>& fields);
  // "SOURCE → TARGET [CONDITION ...]" or "X ← Y [CONDITION ...]".
  Status Rule(const LineParser& parser, std::uint32_t line_no,
              const std::vector<Field>& fields);
  Status Condition(const LineParser& parser, const Field& f, TableRule& rule);
  // The characters of a condition: its own, or a set's (@NAME).
  Result<std::u32string> CharsOf(const LineParser& parser, const Field& f,
                                 std::string_view value) const;

  TableSpec spec_;
  std::map<std::string, std::u32string, std::less<>> sets_;
  bool saw_script_ = false;
};

Status TableParser::Header(const LineParser& parser,
                           const std::vector<Field>& fields) {
  const std::string& first = fields[0].text;
  std::string key = first.substr(0, first.size() - 1);
  if (fields.size() < 2) {
    return parser.Error(fields[0].column, "'" + key + "' needs a value");
  }
  std::string value;
  for (std::size_t k = 1; k < fields.size(); ++k) {
    if (k > 1) value += ' ';
    value += fields[k].text;
  }
  // The characters of every value field, lower-cased.
  auto chars = [&fields] {
    std::u32string out;
    for (std::size_t k = 1; k < fields.size(); ++k) {
      out += Decode(fields[k].text, true);
    }
    return out;
  };
  if (key == "scheme") {
    spec_.id = value;
  } else if (key == "title") {
    spec_.title = value;
  } else if (key == "script") {
    auto script = ParseScript(value);
    if (!script) {
      return parser.Error(
          fields[1].column,
          "unknown script '" + value + "' (known: cyrillic, hangul, latin)");
    }
    spec_.script = *script;
    saw_script_ = true;
  } else if (key == "reversible") {
    if (value != "yes" && value != "no") {
      return parser.Error(fields[1].column, "reversible: is yes or no");
    }
    spec_.reversible = value == "yes";
  } else if (key == "word-chars") {
    spec_.word_chars += chars();
  } else if (key.rfind("set.", 0) == 0 && key.size() > 4) {
    sets_[key.substr(4)] = chars();
  } else {
    return parser.Error(fields[0].column, "unknown header '" + key + "'");
  }
  return Status::Ok();
}

Status TableParser::Rule(const LineParser& parser, std::uint32_t line_no,
                         const std::vector<Field>& fields) {
  if (fields.size() < 3) {
    return parser.Error(fields[0].column,
                        "expected 'SOURCE → TARGET [CONDITION ...]' or a "
                        "'key: value' header");
  }
  const std::string& arrow = fields[1].text;
  bool forward = arrow == "→" || arrow == "->";
  bool backward = arrow == "←" || arrow == "<-";
  if (!forward && !backward) {
    return parser.Error(fields[1].column,
                        "expected → or ← between source and target");
  }
  TableRule rule;
  rule.line = line_no;
  rule.reverse_only = backward;
  // For a ← rule the Latin text on the right is what is read.
  const Field& read = backward ? fields[2] : fields[0];
  const Field& write = backward ? fields[0] : fields[2];
  if (read.text.empty()) {
    return parser.Error(read.column, "a rule's source cannot be empty");
  }
  rule.source = Decode(read.text, true);
  rule.target = text::ToNfc(write.text);
  for (std::size_t k = 3; k < fields.size(); ++k) {
    ONOMA_RETURN_IF_ERROR(Condition(parser, fields[k], rule));
  }
  spec_.rules.push_back(std::move(rule));
  return Status::Ok();
}

Result<std::u32string> TableParser::CharsOf(const LineParser& parser,
                                            const Field& f,
                                            std::string_view value) const {
  if (!value.empty() && value[0] == '@') {
    auto it = sets_.find(value.substr(1));
    if (it == sets_.end()) {
      return parser.Error(f.column, "unknown set '" +
                                        std::string(value.substr(1)) +
                                        "' (define it with set.NAME:)");
    }
    return it->second;
  }
  if (value.empty())
    return parser.Error(f.column, "condition needs characters");
  return Decode(value, true);
}

Status TableParser::Condition(const LineParser& parser, const Field& f,
                              TableRule& rule) {
  const std::string& t = f.text;
  if (t == "initial") {
    rule.conditions.push_back({TableCondition::Kind::kInitial, {}});
  } else if (t == "final") {
    rule.conditions.push_back({TableCondition::Kind::kFinal, {}});
  } else if (t == "noreverse") {
    rule.noreverse = true;
  } else if (t.rfind("after=", 0) == 0 || t.rfind("before=", 0) == 0) {
    bool after = t[0] == 'a';
    auto chars = CharsOf(parser, f, std::string_view(t).substr(after ? 6 : 7));
    if (!chars.ok()) return chars.status();
    rule.conditions.push_back(
        {after ? TableCondition::Kind::kAfter : TableCondition::Kind::kBefore,
         std::move(*chars)});
  } else if (t.rfind("ascii=", 0) == 0) {
    rule.ascii = text::ToNfc(t.substr(6));
    rule.has_ascii = true;
  } else if (t.rfind("title=", 0) == 0) {
    rule.title = text::ToNfc(t.substr(6));
    rule.has_title = true;
  } else {
    return parser.Error(f.column,
                        "unknown condition '" + t +
                            "' (known: initial, final, after=, before=, "
                            "noreverse, ascii=, title=)");
  }
  return Status::Ok();
}

Result<TableSpec> TableParser::Finish() && {
  Location where{spec_.path, 1, 1, 0};
  if (spec_.id.empty()) {
    return Status::BadInput("table has no 'scheme:' header").At(where);
  }
  if (!saw_script_) {
    return Status::BadInput("table has no 'script:' header").At(where);
  }
  if (spec_.rules.empty()) {
    return Status::BadInput("table has no rules").At(where);
  }
  return std::move(spec_);
}

}  // namespace

Result<TableSpec> ParseTable(std::string_view text, std::string_view path) {
  TableParser table(path);
  for (TextLines lines(text); lines.Next();) {
    const std::uint32_t line_no = lines.number();
    LineParser parser(path, line_no);
    auto fields = parser.Split(lines.line());
    if (!fields.ok()) return fields.status();
    if (fields->empty()) continue;
    ONOMA_RETURN_IF_ERROR(table.Line(parser, line_no, *fields));
  }
  return std::move(table).Finish();
}

}  // namespace onoma::romanize
