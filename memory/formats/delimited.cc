// onoma's TSV and CSV glossaries, and OmegaT's tab-separated one.
// Columns: docs/terms.md. Tested by tests/terms/formats_test.cc.

#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/text.h"
#include "lib/util/limits.h"
#include "memory/formats/term_files_internal.h"
#include "memory/terms/term.h"

namespace onoma::formats::internal {
namespace {

using terms::Concept;
using terms::Term;

constexpr const char* kColumns[] = {"concept",    "type",      "lang", "form",
                                    "status",     "term_type", "note", "source",
                                    "inflection", "subject"};

struct Field {
  std::string text;
  std::uint64_t column = 1;  // code points, 1-based, on the record's line
  bool quoted = false;       // in quotes (CSV): its text starts one further
};

struct Record {
  std::vector<Field> fields;
  std::uint64_t line = 0;
};

// Reads records one at a time: a line for TSV, a line or more for CSV (a
// quoted field may hold newlines; "" is a quote).
class RecordReader {
 public:
  RecordReader(std::istream& in, std::string path, char delimiter)
      : in_(in), path_(std::move(path)), delimiter_(delimiter) {}

  // Next record that is neither empty nor a # comment; nullopt at the end.
  Result<std::optional<Record>> Next() {
    std::string line;
    while (GetLine(line)) {
      if (line.empty() || line[0] == '#') continue;
      Record record;
      record.line = line_;
      if (delimiter_ == '\t') {
        std::size_t start = 0;
        for (;;) {
          std::size_t end = line.find('\t', start);
          record.fields.push_back(
              {line.substr(start, end - start), Column(line, start)});
          if (end == std::string::npos) break;
          start = end + 1;
        }
        return std::optional<Record>(std::move(record));
      }
      ONOMA_RETURN_IF_ERROR(SplitCsv(line, record));
      return std::optional<Record>(std::move(record));
    }
    if (!status_.ok()) return status_;
    return std::optional<Record>();
  }

  Location At(std::uint64_t line, std::uint64_t column) const {
    return Location{path_, line, column, 0};
  }
  const std::string& path() const { return path_; }

 private:
  bool GetLine(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    Status s = validator_.ValidateLine(line);
    if (!s.ok()) {
      status_ = s;
      return false;
    }
    return true;
  }

  static std::uint64_t Column(std::string_view line, std::size_t byte) {
    return text::CountCodePoints(line.substr(0, byte)) + 1;
  }

  Status SplitCsv(std::string line, Record& record) {
    std::size_t i = 0;
    for (;;) {
      Field field;
      field.column = Column(line, i);
      if (i < line.size() && line[i] == '"') {
        field.quoted = true;
        std::uint64_t open_line = line_;
        std::uint64_t open_column = field.column;
        ++i;
        for (;;) {
          if (i >= line.size()) {
            std::string more;
            if (!GetLine(more)) {
              if (!status_.ok()) return status_;
              return Status::BadInput("unterminated quoted field")
                  .At(At(open_line, open_column));
            }
            field.text += '\n';
            line = std::move(more);
            i = 0;
            continue;
          }
          if (line[i] == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') {
              field.text += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          field.text += line[i++];
        }
        if (i < line.size() && line[i] != ',') {
          return Status::BadInput("text after a closing quote")
              .At(At(line_, Column(line, i)));
        }
      } else {
        std::size_t end = line.find(',', i);
        field.text = line.substr(i, end == std::string::npos ? end : end - i);
        i = end == std::string::npos ? line.size() : end;
      }
      record.fields.push_back(std::move(field));
      if (i >= line.size()) return Status::Ok();
      ++i;  // the comma
      if (i == line.size()) {
        record.fields.push_back({"", Column(line, i)});
        return Status::Ok();
      }
    }
  }

  std::istream& in_;
  std::string path_;
  char delimiter_;
  std::uint64_t line_ = 0;
  text::Utf8Validator validator_{path_};
  Status status_;
};

// A failure of the store while putting a record becomes a fault of the
// file at that record, except a database failure, which stays one.
Status AtRecord(Status s, const RecordReader& reader, const Record& record,
                std::uint64_t column) {
  if (s.ok()) return s;
  StatusCode code =
      s.code() == StatusCode::kDatabase || s.code() == StatusCode::kInternal
          ? s.code()
          : StatusCode::kBadInput;
  return Status(code, s.message()).At(reader.At(record.line, column));
}

// Checks a field's text as the store will (terms::CheckTermText), here so
// that a fault names the field's column, and the character's within it.
Status CheckField(const RecordReader& reader, std::uint64_t line,
                  const Field& field, const char* what, std::size_t max_bytes) {
  Status s = terms::CheckTermText(field.text, what, max_bytes);
  if (s.ok()) return s;
  std::uint64_t column = field.column;
  const std::uint64_t within = s.location() ? s.location()->column : 0;
  // A quoted field starts after its quote; one that spans lines has no
  // single column for what is inside it.
  if (within > 0 && field.text.find('\n') == std::string::npos) {
    column += within - 1 + (field.quoted ? 1 : 0);
  }
  return Status::BadInput(s.message()).At(reader.At(line, column));
}

// A stable ASCII id for an OmegaT entry, which has none: the form's
// letters when it has Latin ones, else an FNV-1a hash of it.
std::string SlugFor(std::string_view form) {
  std::string slug;
  for (char c : form) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (!slug.empty() && text::IsAscii(form)) return slug;
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : form) hash = (hash ^ c) * 1099511628211ull;
  char buf[32];
  std::snprintf(buf, sizeof buf, "omegat-%016llx",
                static_cast<unsigned long long>(hash));
  return buf;
}

Status ReadOmegaT(RecordReader& reader, std::optional<Record> record,
                  const ReadOptions& options, terms::TermSink& sink) {
  std::map<std::string, bool> seen;
  while (record) {
    const auto& f = record->fields;
    if (f.size() < 2 || f[0].text.empty() || f[1].text.empty()) {
      return Status::BadInput(
                 "an OmegaT glossary line needs a source term, a tab and a "
                 "target term")
          .At(reader.At(record->line, 1));
    }
    for (std::size_t i = 0; i < f.size() && i < 3; ++i) {
      ONOMA_RETURN_IF_ERROR(CheckField(
          reader, record->line, f[i], i < 2 ? "the form" : "the note",
          i < 2 ? limits::kMaxTermBytes : limits::kMaxTermNoteBytes));
    }
    // OmegaT states no concept type, status or term type: an import never
    // lets these defaults overwrite what the store holds.
    Concept c;
    c.slug = SlugFor(f[0].text);
    c.type_known = false;
    // A comment that names a kind (place, person, ORG) types the concept.
    auto kind = f.size() > 2 ? terms::MapConceptType(f[2].text)
                             : std::optional<terms::ConceptType>();
    if (kind) {
      c.type = *kind;
      c.type_known = true;
      c.subject = f[2].text;
    }
    bool first = seen.emplace(c.slug, true).second;
    if (first) {
      ONOMA_RETURN_IF_ERROR(AtRecord(sink.PutConcept(c), reader, *record, 1));
      Term source;
      source.status_known = false;
      source.type_known = false;
      source.lang = options.source_lang;
      source.form = f[0].text;
      ONOMA_RETURN_IF_ERROR(
          AtRecord(sink.PutTerm(c.slug, source), reader, *record, 1));
    }
    Term target;
    target.status_known = false;
    target.type_known = false;
    target.lang = options.target_lang;
    target.form = f[1].text;
    if (!first) target.status = terms::TermStatus::kAdmitted;
    if (!kind && f.size() > 2) target.note = f[2].text;
    ONOMA_RETURN_IF_ERROR(
        AtRecord(sink.PutTerm(c.slug, target), reader, *record, f[1].column));
    auto next = reader.Next();
    if (!next.ok()) return next.status();
    record = std::move(*next);
  }
  return Status::Ok();
}

}  // namespace

Status ReadDelimited(const std::string& path, char delimiter,
                     bool omegat_fallback, const ReadOptions& options,
                     terms::TermSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open " + path);
  RecordReader reader(in, path, delimiter);
  auto header = reader.Next();
  if (!header.ok()) return header.status();
  if (!*header) return Status::Ok();  // nothing but comments

  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < (*header)->fields.size(); ++i) {
    index.emplace((*header)->fields[i].text, i);
  }
  bool ours =
      index.count("concept") && index.count("lang") && index.count("form");
  if (!ours) {
    if (omegat_fallback) {
      return ReadOmegaT(reader, std::move(*header), options, sink);
    }
    return Status::BadInput(
               "the first line must be the header: concept, type, lang, "
               "form, status, term_type, note, source")
        .At(reader.At((*header)->line, 1));
  }
  for (const Field& f : (*header)->fields) {
    bool known = false;
    for (const char* name : kColumns) known = known || f.text == name;
    if (!known) {
      return Status::BadInput("unknown column '" + f.text + "'")
          .At(reader.At((*header)->line, f.column));
    }
  }

  std::map<std::string, terms::ConceptType> types;
  for (;;) {
    auto next = reader.Next();
    if (!next.ok()) return next.status();
    if (!*next) return Status::Ok();
    const Record& r = **next;
    if (r.fields.size() > (*header)->fields.size()) {
      return Status::BadInput("more fields than the header has")
          .At(reader.At(r.line, r.fields[(*header)->fields.size()].column));
    }
    auto get = [&](const char* name) -> const Field* {
      auto it = index.find(name);
      if (it == index.end() || it->second >= r.fields.size()) return nullptr;
      return &r.fields[it->second];
    };
    auto text = [&](const char* name) {
      const Field* f = get(name);
      return f ? f->text : std::string();
    };
    auto fault = [&](const char* name, std::string why) {
      const Field* f = get(name);
      return Status::BadInput(std::move(why))
          .At(reader.At(r.line, f ? f->column : 1));
    };
    Concept c;
    c.slug = text("concept");
    if (c.slug.empty()) return fault("concept", "empty concept id");
    struct Limit {
      const char* column;
      const char* what;
      std::size_t max_bytes;
    };
    for (const Limit& limit :
         {Limit{"form", "the form", limits::kMaxTermBytes},
          Limit{"note", "the note", limits::kMaxTermNoteBytes},
          Limit{"source", "the source", limits::kMaxTermNoteBytes},
          Limit{"inflection", "the inflection class", limits::kMaxTermBytes}}) {
      const Field* f = get(limit.column);
      if (f == nullptr) continue;
      ONOMA_RETURN_IF_ERROR(
          CheckField(reader, r.line, *f, limit.what, limit.max_bytes));
    }
    // The type as onoma writes it or as other tools do (city, PER, ORG);
    // a `subject` column says the same where `type` is empty. A value
    // that names no type is kept as the concept's subject.
    std::string stated = text("type");
    c.subject = text("subject");
    auto type = terms::MapConceptType(stated);
    if (!type && !stated.empty() && c.subject.empty()) c.subject = stated;
    if (!type && stated.empty()) type = terms::MapConceptType(c.subject);
    c.type = type.value_or(terms::ConceptType::kOther);
    // No type column, an empty cell or an unknown value: the file does
    // not say.
    c.type_known = type.has_value();
    auto it = types.find(c.slug);
    if (it == types.end()) {
      types.emplace(c.slug, c.type);
      c.source = text("source");
      ONOMA_RETURN_IF_ERROR(AtRecord(sink.PutConcept(c), reader, r, 1));
    } else if (c.type_known && it->second != c.type) {
      return fault("type", "concept '" + c.slug + "' is a " +
                               std::string(terms::Name(it->second)) +
                               " on an earlier line");
    }
    std::string lang = text("lang");
    std::string status = text("status");
    std::string form = text("form");
    if (form.empty()) return fault("form", "empty form");
    if (lang == "*" || status == "negative") {
      if (lang != "*" || status != "negative") {
        return fault("status",
                     "a negative context has lang '*' and status "
                     "'negative'");
      }
      ONOMA_RETURN_IF_ERROR(AtRecord(sink.PutNegative(c.slug, form), reader, r,
                                     get("form")->column));
      continue;
    }
    Term t;
    t.lang = lang;
    t.form = form;
    auto st = terms::ParseTermStatus(status.empty() ? "preferred" : status);
    if (!st) return fault("status", "unknown status '" + status + "'");
    t.status = *st;
    t.status_known = !status.empty();
    auto tt = terms::ParseTermType(text("term_type"));
    if (!tt)
      return fault("term_type",
                   "unknown term type '" + text("term_type") + "'");
    t.type = *tt;
    t.type_known = !text("term_type").empty();
    t.note = text("note");
    t.source = text("source");
    t.inflection = text("inflection");
    ONOMA_RETURN_IF_ERROR(
        AtRecord(sink.PutTerm(c.slug, t), reader, r, get("form")->column));
  }
}

namespace {

void WriteField(std::ostream& out, char delimiter, std::string_view value) {
  if (delimiter == '\t') {
    // TSV has no quoting: a tab or newline inside a value becomes a space.
    for (char c : value) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    return;
  }
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void WriteRow(std::ostream& out, char delimiter,
              std::initializer_list<std::string_view> values, bool with_last,
              std::string_view last) {
  bool first = true;
  for (std::string_view v : values) {
    if (!first) out << delimiter;
    first = false;
    WriteField(out, delimiter, v);
  }
  if (with_last) {
    out << delimiter;
    WriteField(out, delimiter, last);
  }
  out << '\n';
}

}  // namespace

Status WriteDelimited(std::ostream& out, char delimiter,
                      terms::TermStore& store) {
  auto inflection = store.AnyInflection();
  if (!inflection.ok()) return inflection.status();
  // The bundled termbase's 8 columns, and `inflection` only when a term has
  // one, so that an export of news.tsv reads like news.tsv.
  auto row = [&](std::initializer_list<std::string_view> values,
                 std::string_view last) {
    WriteRow(out, delimiter, values, *inflection, last);
  };
  out << "# onoma term store export; columns: docs/terms.md\n";
  row({"concept", "type", "lang", "form", "status", "term_type", "note",
       "source"},
      "inflection");
  return store.List([&](const Concept& c) {
    std::string_view type = terms::Name(c.type);
    for (const Term& t : c.terms) {
      row({c.slug, type, t.lang, t.form, terms::Name(t.status),
           terms::Name(t.type), t.note, t.source},
          t.inflection);
    }
    for (const std::string& phrase : c.negative_contexts) {
      row({c.slug, type, "*", phrase, "negative", "", "", ""}, "");
    }
    if (!out) return Status::Io("write failed");
    return Status::Ok();
  });
}

}  // namespace onoma::formats::internal
