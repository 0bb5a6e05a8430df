// Tested by tests/romanize/korean_tables_test.cc (every built-in table
// loads; malformed tables fail with file:line:column).

#include <cstddef>
#include <utility>

#include "lib/romanize/hangul.h"
#include "lib/romanize/korean_table_internal.h"

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
  std::uint32_t number = 0;
  while (!contents.empty()) {
    ++number;
    std::size_t end = contents.find('\n');
    std::string_view line = contents.substr(0, end);
    contents.remove_prefix(end == std::string_view::npos ? contents.size()
                                                         : end + 1);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    TableLine out;
    out.number = number;
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

Result<LetterTable> ParseLetterTable(std::string_view contents,
                                     std::string_view path) {
  LetterTable table;
  enum class Section {
    kHeader,
    kVowels,
    kInitials,
    kFinals
  } section = Section::kHeader;
  std::array<bool, 21> have_vowel{};
  std::array<bool, 19> have_lead{};
  std::array<bool, 28> have_tail{};
  const TableLine* last = nullptr;
  const std::vector<TableLine> lines = SplitTableLines(contents);
  for (const TableLine& line : lines) {
    last = &line;
    const TableField& first = line.fields[0];
    if (first.text.front() == '[') {
      if (first.text == "[vowels]") {
        section = Section::kVowels;
      } else if (first.text == "[initials]") {
        section = Section::kInitials;
      } else if (first.text == "[finals]") {
        section = Section::kFinals;
      } else {
        return TableError(path, line, first,
                          "unknown section (expected [vowels], [initials] "
                          "or [finals])");
      }
      continue;
    }
    if (section == Section::kHeader) {
      std::string_view key = first.text;
      if (key.size() < 2 || key.back() != ':' || line.fields.size() < 2) {
        return TableError(path, line, first,
                          "expected a header line 'key: value' or a section");
      }
      key.remove_suffix(1);
      std::string_view value = Trim(line.text.substr(first.text.size()));
      const TableField& second = line.fields[1];
      if (key == "scheme") {
        table.id = std::string(value);
      } else if (key == "title") {
        table.title = std::string(value);
      } else if (key == "sound-changes") {
        if (value != "standard" && value != "none") {
          return TableError(path, line, second,
                            "sound-changes is 'standard' or 'none'");
        }
        table.sound_changes = value == "standard";
      } else if (key == "voicing") {
        if (value != "yes" && value != "no") {
          return TableError(path, line, second, "voicing is 'yes' or 'no'");
        }
        table.voicing = value == "yes";
      } else if (key == "given-name") {
        if (value != "joined" && value != "apart") {
          return TableError(path, line, second,
                            "given-name is 'joined' or 'apart'");
        }
        table.given_name_apart = value == "apart";
      } else if (key == "final-h") {
        if (value != "aspirated" && value != "written") {
          return TableError(path, line, second,
                            "final-h is 'aspirated' or 'written'");
        }
        table.dental_h_aspirated = value == "aspirated";
      } else {
        return TableError(path, line, first, "unknown header key");
      }
      continue;
    }
    char32_t jamo = SingleJamo(first.text);
    hangul::Letter letter = hangul::LetterOf(jamo);
    std::size_t letter_fields = 2;
    if (section == Section::kVowels) {
      if (letter.kind != hangul::Letter::kVowel) {
        return TableError(path, line, first, "expected a vowel jamo (ㅏ..ㅣ)");
      }
      if (have_vowel[letter.vowel]) {
        return TableError(path, line, first, "vowel given twice");
      }
      have_vowel[letter.vowel] = true;
    } else if (section == Section::kInitials) {
      if (letter.kind != hangul::Letter::kConsonant || letter.lead < 0) {
        return TableError(path, line, first,
                          "expected a consonant that can begin a syllable");
      }
      if (have_lead[letter.lead]) {
        return TableError(path, line, first, "initial given twice");
      }
      have_lead[letter.lead] = true;
      if (table.voicing) letter_fields = 3;
    } else {
      if (letter.kind != hangul::Letter::kConsonant || letter.tail < 0) {
        return TableError(path, line, first,
                          "expected a consonant that can end a syllable");
      }
      if (have_tail[letter.tail]) {
        return TableError(path, line, first, "final given twice");
      }
      have_tail[letter.tail] = true;
    }
    if (line.fields.size() < letter_fields) {
      return TableError(path, line, first,
                        letter_fields == 3
                            ? "expected the jamo, its voiceless and its "
                              "voiced letters"
                            : "expected the jamo and its letters");
    }
    std::string text = LetterText(line.fields[1].text);
    if (section == Section::kVowels) {
      table.vowel[letter.vowel] = text;
    } else if (section == Section::kInitials) {
      table.lead[letter.lead] = text;
      table.lead_voiced[letter.lead] =
          table.voicing ? LetterText(line.fields[2].text) : text;
    } else {
      table.tail[letter.tail] = text;
    }
    // Context attributes: before:JAMO=TEXT, after:JAMO=TEXT.
    for (std::size_t i = letter_fields; i < line.fields.size(); ++i) {
      const TableField& field = line.fields[i];
      std::string_view f = field.text;
      bool before = f.starts_with("before:");
      bool after = f.starts_with("after:");
      std::size_t eq = f.find('=');
      if ((!before && !after) || eq == std::string_view::npos) {
        return TableError(path, line, field,
                          "expected before:JAMO=LETTERS or after:JAMO=LETTERS");
      }
      std::string_view context_text =
          f.substr(before ? 7 : 6, eq - (before ? 7 : 6));
      hangul::Letter context = hangul::LetterOf(SingleJamo(context_text));
      LetterTable::Override o;
      o.text = LetterText(f.substr(eq + 1));
      if (section == Section::kInitials && before &&
          context.kind == hangul::Letter::kVowel) {
        o.kind = LetterTable::Override::kLeadBeforeVowel;
        o.self = static_cast<std::uint8_t>(letter.lead);
        o.context = static_cast<std::uint8_t>(context.vowel);
      } else if (section == Section::kInitials && after &&
                 context.kind == hangul::Letter::kConsonant &&
                 context.tail > 0) {
        o.kind = LetterTable::Override::kLeadAfterTail;
        o.self = static_cast<std::uint8_t>(letter.lead);
        o.context = static_cast<std::uint8_t>(context.tail);
      } else if (section == Section::kFinals && before &&
                 context.kind == hangul::Letter::kConsonant &&
                 context.lead >= 0) {
        o.kind = LetterTable::Override::kTailBeforeLead;
        o.self = static_cast<std::uint8_t>(letter.tail);
        o.context = static_cast<std::uint8_t>(context.lead);
      } else if (section == Section::kVowels && after &&
                 context.kind == hangul::Letter::kVowel) {
        o.kind = LetterTable::Override::kVowelAfterVowel;
        o.self = static_cast<std::uint8_t>(letter.vowel);
        o.context = static_cast<std::uint8_t>(context.vowel);
      } else {
        return TableError(path, line, field,
                          "this context does not fit this section (initials: "
                          "before:VOWEL, after:FINAL; finals: before:INITIAL; "
                          "vowels: after:VOWEL)");
      }
      table.overrides.push_back(std::move(o));
    }
  }
  TableField nothing{"", 1};
  TableLine end_line{last != nullptr ? last->number : 1, "", {}};
  if (table.id.empty()) {
    return TableError(path, end_line, nothing, "the header has no 'scheme:'");
  }
  for (int v = 0; v < 21; ++v) {
    if (!have_vowel[v]) {
      std::string name;
      hangul::AppendUtf8(hangul::CompatibilityOfVowel(v), &name);
      return TableError(path, end_line, nothing, "[vowels] lacks " + name);
    }
  }
  for (int l = 0; l < 19; ++l) {
    if (!have_lead[l]) {
      std::string name;
      hangul::AppendUtf8(hangul::CompatibilityOfLead(l), &name);
      return TableError(path, end_line, nothing, "[initials] lacks " + name);
    }
  }
  static constexpr std::uint8_t kSounds[] = {
      hangul::kTailG, hangul::kTailN, hangul::kTailD, hangul::kTailL,
      hangul::kTailM, hangul::kTailB, hangul::kTailNg};
  for (int t = 1; t < 28; ++t) {
    bool needed = !table.sound_changes;
    for (std::uint8_t s : kSounds) needed = needed || s == t;
    if (needed && !have_tail[t]) {
      std::string name;
      hangul::AppendUtf8(hangul::CompatibilityOfTail(t), &name);
      return TableError(path, end_line, nothing, "[finals] lacks " + name);
    }
  }
  return table;
}

}  // namespace onoma::romanize::internal
