#include "lib/segment/rules.h"

#include <unicode/parseerr.h>
#include <unicode/regex.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>

#include "lib/text/icu_internal.h"
#include "lib/text/utf8.h"
#include "lib/util/embedded_file.h"
#include "lib/util/text_lines.h"

// Tested by tests/segment/rules_test.cc.

namespace onoma::segment {
namespace internal {
// Generated from tables/segment/*.txt (lib/CMakeLists.txt).
std::span<const EmbeddedFile> SegmentTables();
}  // namespace internal

namespace {

struct Field {
  std::string text;
  std::size_t column = 0;  // 1-based, code points
};

std::size_t ColumnOf(std::string_view line, std::size_t byte) {
  return text::CountCodePoints(line.substr(0, byte)) + 1;
}

Status FaultAt(std::string_view path, std::size_t line, std::size_t column,
               std::string message) {
  return Status::BadInput(std::move(message))
      .At({std::string(path), line, column, 0});
}

// Splits the value part of a line into fields: bare words end at a space,
// quoted ones at the closing quote; `#` after whitespace ends the line.
Result<std::vector<Field>> SplitFields(std::string_view line, std::size_t from,
                                       std::string_view path,
                                       std::size_t number) {
  std::vector<Field> fields;
  std::size_t i = from;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '#') break;
    Field field;
    field.column = ColumnOf(line, i);
    if (c == '"') {
      std::size_t close = line.find('"', i + 1);
      if (close == std::string_view::npos) {
        return FaultAt(path, number, field.column, "unterminated quote");
      }
      field.text = std::string(line.substr(i + 1, close - i - 1));
      if (field.text.empty()) {
        return FaultAt(path, number, field.column, "empty value");
      }
      i = close + 1;
    } else {
      std::size_t end = line.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = line.size();
      field.text = std::string(line.substr(i, end - i));
      i = end;
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

Status CheckRegex(const Field& field, std::string_view path,
                  std::size_t number) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
      text::ToUnicodeString(field.text), 0, parse_error, status));
  if (U_FAILURE(status)) {
    // parse_error.offset counts UTF-16 units from the pattern's start; the
    // patterns are short, so code points are near enough for a column.
    std::size_t offset = parse_error.offset > 0
                             ? static_cast<std::size_t>(parse_error.offset)
                             : 0;
    return FaultAt(path, number, field.column + 1 + offset,
                   std::string("bad dateline pattern: ") + u_errorName(status))
        .WithSnippet(field.text);
  }
  return Status::Ok();
}

std::string_view LangOnly(std::string_view lang) {
  std::size_t cut = lang.find_first_of("-_");
  return cut == std::string_view::npos ? lang : lang.substr(0, cut);
}

}  // namespace

Result<SegmentRules> ParseSegmentRules(std::string_view text,
                                       std::string_view path) {
  SegmentRules rules;
  rules.path = std::string(path);
  for (TextLines lines(text); lines.Next();) {
    std::string_view line = lines.line();
    const std::size_t number = lines.number();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::size_t colon = line.find(':', first);
    if (colon == std::string_view::npos) {
      return FaultAt(path, number, ColumnOf(line, first),
                     "expected 'key: value ...'");
    }
    std::string_view key = line.substr(first, colon - first);
    auto fields = SplitFields(line, colon + 1, path, number);
    if (!fields.ok()) return fields.status();
    if (fields->empty()) {
      return FaultAt(path, number, ColumnOf(line, colon) + 1,
                     "'" + std::string(key) + ":' has no value");
    }
    if (key == "anchor") {
      if (fields->size() < 2) {
        return FaultAt(path, number, (*fields)[0].column,
                       "'anchor:' takes a key, then one or more words");
      }
      SegmentRules::Anchor anchor;
      anchor.key = std::move((*fields)[0].text);
      for (std::size_t i = 1; i < fields->size(); ++i) {
        anchor.words.push_back(std::move((*fields)[i].text));
      }
      rules.anchors.push_back(std::move(anchor));
      continue;
    }
    std::vector<std::string>* list = nullptr;
    if (key == "lang") {
      if (fields->size() != 1 || !rules.lang.empty()) {
        return FaultAt(path, number, (*fields)[0].column,
                       "'lang:' takes one value, once");
      }
      rules.lang = (*fields)[0].text;
      continue;
    }
    if (key == "title") list = &rules.titles;
    if (key == "abbrev") list = &rules.abbrevs;
    if (key == "final") list = &rules.finals;
    if (key == "starter") list = &rules.starters;
    if (key == "time") list = &rules.times;
    if (key == "when") list = &rules.when;
    if (key == "continuation") list = &rules.continuations;
    if (key == "dateline") list = &rules.datelines;
    if (list == nullptr) {
      return FaultAt(path, number, ColumnOf(line, first),
                     "unknown key '" + std::string(key) +
                         "' (lang, title, abbrev, final, time, when, "
                         "starter, continuation, dateline, anchor)");
    }
    for (Field& field : *fields) {
      if (list == &rules.datelines) {
        ONOMA_RETURN_IF_ERROR(CheckRegex(field, path, number));
      }
      list->push_back(std::move(field.text));
    }
  }
  if (rules.lang.empty()) {
    return FaultAt(path, 1, 1, "the table has no 'lang:' line");
  }
  return rules;
}

Result<SegmentRules> BuiltinSegmentRules(std::string_view lang) {
  std::string name = std::string(LangOnly(lang)) + ".txt";
  for (const EmbeddedFile& file : internal::SegmentTables()) {
    if (file.name == name) {
      return ParseSegmentRules(file.contents, "tables/segment/" + name);
    }
  }
  return Status::NotFound("no segmentation table for language '" +
                          std::string(lang) + "'");
}

std::vector<std::string> BuiltinSegmentLanguages() {
  std::vector<std::string> langs;
  for (const EmbeddedFile& file : internal::SegmentTables()) {
    std::string_view name = file.name;
    if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
      langs.emplace_back(name.substr(0, name.size() - 4));
    }
  }
  std::sort(langs.begin(), langs.end());
  return langs;
}

}  // namespace onoma::segment
