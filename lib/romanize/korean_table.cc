// Tested by tests/romanize/korean_tables_test.cc (every built-in table
// loads; malformed tables fail with file:line:column).

#include <cstddef>
#include <utility>

#include "lib/romanize/hangul.h"
#include "lib/romanize/korean_table_internal.h"
#include "lib/util/text_lines.h"

namespace onoma::romanize::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::uint32_t CodePointsIn(std::string_view s) {
  std::uint32_t count = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// "(none)" stands for the empty string: ㅇ as an initial has no sound.
std::string LetterText(std::string_view field) {
  return field == "(none)" ? std::string() : std::string(field);
}

}  // namespace

std::vector<TableLine> SplitTableLines(std::string_view contents) {
  std::vector<TableLine> lines;
  for (TextLines text(contents); text.Next();) {
    std::string_view line = text.line();
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    TableLine out;
    out.number = text.number();
    out.text = Trim(line);
    std::size_t pos = 0;
    while (pos < line.size()) {
      while (pos < line.size() && IsSpace(line[pos])) ++pos;
      std::size_t start = pos;
      while (pos < line.size() && !IsSpace(line[pos])) ++pos;
      if (pos > start) {
        out.fields.push_back(
            TableField{line.substr(start, pos - start),
                       CodePointsIn(line.substr(0, start)) + 1});
      }
    }
    if (!out.fields.empty()) lines.push_back(std::move(out));
  }
  return lines;
}

Status TableError(std::string_view path, const TableLine& line,
                  const TableField& field, std::string message) {
  return Status::BadInput(std::move(message))
      .At(Location{std::string(path), line.number, field.column, 0})
      .WithSnippet(std::string(field.text));
}

char32_t SingleJamo(std::string_view field) {
  std::size_t length = 0;
  if (field.empty()) return 0;
  char32_t c = hangul::DecodeUtf8(field, 0, &length);
  if (length != field.size() || c < 0x3131 || c > 0x3163) return 0;
  return c;
}

namespace {

// ParseLetterTable's stages, a line at a time: the header's keys, the
// section lines, each letter with its context overrides, then the check
// that every letter is there.
class LetterTableParser {
 public:
  explicit LetterTableParser(std::string_view path) : path_(path) {}

  Status Line(const TableLine& line) {
    const TableField& first = line.fields[0];
    if (first.text.front() == '[') return Section(line);
    if (section_ == Part::kHeader) return Header(line);
    return Letter(line);
  }

  // After the last line (numbered `last_number`, for the message).
  Result<LetterTable> Finish(std::uint32_t last_number);

 private:
  enum class Part { kHeader, kVowels, kInitials, kFinals };

  Status Section(const TableLine& line);
  Status Header(const TableLine& line);
  Status Letter(const TableLine& line);
  // Checks that `letter` belongs to the section and comes once.
  Status Place(const TableLine& line, const hangul::Letter& letter);
  Status Override(const TableLine& line, const TableField& field,
                  const hangul::Letter& letter);

  std::string_view path_;
  LetterTable table_;
  Part section_ = Part::kHeader;
  std::array<bool, 21> have_vowel_{};
  std::array<bool, 19> have_lead_{};
  std::array<bool, 28> have_tail_{};
};

Status LetterTableParser::Section(const TableLine& line) {
  const TableField& first = line.fields[0];
  if (first.text == "[vowels]") {
    section_ = Part::kVowels;
  } else if (first.text == "[initials]") {
    section_ = Part::kInitials;
  } else if (first.text == "[finals]") {
    section_ = Part::kFinals;
  } else {
    return TableError(path_, line, first,
                      "unknown section (expected [vowels], [initials] "
                      "or [finals])");
  }
  return Status::Ok();
}

// A yes-or-no header value: `yes` or `no`, else the message.
Status Choice(std::string_view value, std::string_view yes, std::string_view no,
              bool& out, Status error) {
  if (value != yes && value != no) return error;
  out = value == yes;
  return Status::Ok();
}

Status LetterTableParser::Header(const TableLine& line) {
  const TableField& first = line.fields[0];
  std::string_view key = first.text;
  if (key.size() < 2 || key.back() != ':' || line.fields.size() < 2) {
    return TableError(path_, line, first,
                      "expected a header line 'key: value' or a section");
  }
  key.remove_suffix(1);
  std::string_view value = Trim(line.text.substr(first.text.size()));
  auto error = [&](std::string message) {
    return TableError(path_, line, line.fields[1], std::move(message));
  };
  if (key == "scheme") {
    table_.id = std::string(value);
  } else if (key == "title") {
    table_.title = std::string(value);
  } else if (key == "sound-changes") {
    return Choice(value, "standard", "none", table_.sound_changes,
                  error("sound-changes is 'standard' or 'none'"));
  } else if (key == "voicing") {
    return Choice(value, "yes", "no", table_.voicing,
                  error("voicing is 'yes' or 'no'"));
  } else if (key == "given-name") {
    return Choice(value, "apart", "joined", table_.given_name_apart,
                  error("given-name is 'joined' or 'apart'"));
  } else if (key == "final-h") {
    return Choice(value, "aspirated", "written", table_.dental_h_aspirated,
                  error("final-h is 'aspirated' or 'written'"));
  } else {
    return TableError(path_, line, first, "unknown header key");
  }
  return Status::Ok();
}

Status LetterTableParser::Place(const TableLine& line,
                                const hangul::Letter& letter) {
  const TableField& first = line.fields[0];
  if (section_ == Part::kVowels) {
    if (letter.kind != hangul::Letter::kVowel) {
      return TableError(path_, line, first, "expected a vowel jamo (ㅏ..ㅣ)");
    }
    if (have_vowel_[letter.vowel]) {
      return TableError(path_, line, first, "vowel given twice");
    }
    have_vowel_[letter.vowel] = true;
  } else if (section_ == Part::kInitials) {
    if (letter.kind != hangul::Letter::kConsonant || letter.lead < 0) {
      return TableError(path_, line, first,
                        "expected a consonant that can begin a syllable");
    }
    if (have_lead_[letter.lead]) {
      return TableError(path_, line, first, "initial given twice");
    }
    have_lead_[letter.lead] = true;
  } else {
    if (letter.kind != hangul::Letter::kConsonant || letter.tail < 0) {
      return TableError(path_, line, first,
                        "expected a consonant that can end a syllable");
    }
    if (have_tail_[letter.tail]) {
      return TableError(path_, line, first, "final given twice");
    }
    have_tail_[letter.tail] = true;
  }
  return Status::Ok();
}

Status LetterTableParser::Letter(const TableLine& line) {
  const TableField& first = line.fields[0];
  const hangul::Letter letter = hangul::LetterOf(SingleJamo(first.text));
  ONOMA_RETURN_IF_ERROR(Place(line, letter));
  const std::size_t letter_fields =
      section_ == Part::kInitials && table_.voicing ? 3 : 2;
  if (line.fields.size() < letter_fields) {
    return TableError(path_, line, first,
                      letter_fields == 3
                          ? "expected the jamo, its voiceless and its "
                            "voiced letters"
                          : "expected the jamo and its letters");
  }
  std::string text = LetterText(line.fields[1].text);
  if (section_ == Part::kVowels) {
    table_.vowel[letter.vowel] = text;
  } else if (section_ == Part::kInitials) {
    table_.lead[letter.lead] = text;
    table_.lead_voiced[letter.lead] =
        table_.voicing ? LetterText(line.fields[2].text) : text;
  } else {
    table_.tail[letter.tail] = text;
  }
  for (std::size_t i = letter_fields; i < line.fields.size(); ++i) {
    ONOMA_RETURN_IF_ERROR(Override(line, line.fields[i], letter));
  }
  return Status::Ok();
}

// A context attribute: before:JAMO=TEXT or after:JAMO=TEXT.
Status LetterTableParser::Override(const TableLine& line,
                                   const TableField& field,
                                   const hangul::Letter& letter) {
  std::string_view f = field.text;
  const bool before = f.starts_with("before:");
  const bool after = f.starts_with("after:");
  const std::size_t eq = f.find('=');
  if ((!before && !after) || eq == std::string_view::npos) {
    return TableError(path_, line, field,
                      "expected before:JAMO=LETTERS or after:JAMO=LETTERS");
  }
  const std::size_t name = before ? 7 : 6;
  const hangul::Letter context =
      hangul::LetterOf(SingleJamo(f.substr(name, eq - name)));
  using Kind = LetterTable::Override::Kind;
  LetterTable::Override o;
  o.text = LetterText(f.substr(eq + 1));
  auto set = [&](Kind kind, int self, int of) {
    o.kind = kind;
    o.self = static_cast<std::uint8_t>(self);
    o.context = static_cast<std::uint8_t>(of);
  };
  const bool vowel = context.kind == hangul::Letter::kVowel;
  const bool consonant = context.kind == hangul::Letter::kConsonant;
  if (section_ == Part::kInitials && before && vowel) {
    set(LetterTable::Override::kLeadBeforeVowel, letter.lead, context.vowel);
  } else if (section_ == Part::kInitials && after && consonant &&
             context.tail > 0) {
    set(LetterTable::Override::kLeadAfterTail, letter.lead, context.tail);
  } else if (section_ == Part::kFinals && before && consonant &&
             context.lead >= 0) {
    set(LetterTable::Override::kTailBeforeLead, letter.tail, context.lead);
  } else if (section_ == Part::kVowels && after && vowel) {
    set(LetterTable::Override::kVowelAfterVowel, letter.vowel, context.vowel);
  } else {
    return TableError(path_, line, field,
                      "this context does not fit this section (initials: "
                      "before:VOWEL, after:FINAL; finals: before:INITIAL; "
                      "vowels: after:VOWEL)");
  }
  table_.overrides.push_back(std::move(o));
  return Status::Ok();
}

Result<LetterTable> LetterTableParser::Finish(std::uint32_t last_number) {
  TableField nothing{"", 1};
  TableLine end_line{last_number, "", {}};
  auto lacks = [&](std::string_view section, char32_t jamo) {
    std::string message = std::string(section) + " lacks ";
    hangul::AppendUtf8(jamo, &message);
    return TableError(path_, end_line, nothing, std::move(message));
  };
  if (table_.id.empty()) {
    return TableError(path_, end_line, nothing, "the header has no 'scheme:'");
  }
  for (int v = 0; v < 21; ++v) {
    if (!have_vowel_[v]) {
      return lacks("[vowels]", hangul::CompatibilityOfVowel(v));
    }
  }
  for (int l = 0; l < 19; ++l) {
    if (!have_lead_[l]) {
      return lacks("[initials]", hangul::CompatibilityOfLead(l));
    }
  }
  static constexpr std::uint8_t kSounds[] = {
      hangul::kTailG, hangul::kTailN, hangul::kTailD, hangul::kTailL,
      hangul::kTailM, hangul::kTailB, hangul::kTailNg};
  for (int t = 1; t < 28; ++t) {
    bool needed = !table_.sound_changes;
    for (std::uint8_t s : kSounds) needed = needed || s == t;
    if (needed && !have_tail_[t]) {
      return lacks("[finals]", hangul::CompatibilityOfTail(t));
    }
  }
  return std::move(table_);
}

}  // namespace

Result<LetterTable> ParseLetterTable(std::string_view contents,
                                     std::string_view path) {
  LetterTableParser parser(path);
  const std::vector<TableLine> lines = SplitTableLines(contents);
  for (const TableLine& line : lines) {
    ONOMA_RETURN_IF_ERROR(parser.Line(line));
  }
  return parser.Finish(lines.empty() ? 1 : lines.back().number);
}

}  // namespace onoma::romanize::internal
