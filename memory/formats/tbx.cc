// TBX-Basic (ISO 30042): read the 2019 and 2008 serializations, write 2019.
//
// Read with libxml2's xmlTextReader, one node at a time, so that memory
// stays flat whatever the size of the file; a concept is handed to the
// sink when its entry closes. Data categories onoma keeps that TBX-Basic
// has no name for are written as extra types, which other tools ignore:
// descrip conceptType (person, place, ...), descrip negativeContext,
// termNote inflectionClass (a stated class) and termNote inflection (the
// class onoma infers; read back as nothing, since it is inferred again).
// The concept's kind is read from conceptType or subjectField
// (terms::MapConceptType). Tested by tests/terms/formats_test.cc.

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/utf8.h"
#include "memory/formats/term_files_internal.h"
#include "memory/terms/term.h"

namespace onoma::formats::internal {
namespace {

using terms::Concept;
using terms::Term;

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
struct XmlFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

// The first error libxml2 reports, with its position.
struct ErrorSink {
  std::string path;
  Status status;
};

void OnError(void* arg, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(arg);
  if (!sink->status.ok() || error == nullptr) return;
  std::string message = error->message ? error->message : "malformed XML";
  while (!message.empty() &&
         (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  sink->status = Status::BadInput(message).At(Location{
      sink->path, static_cast<std::uint64_t>(error->line),
      static_cast<std::uint64_t>(error->int2 > 0 ? error->int2 : 0), 0});
}

// libxml2 reports some faults without a parser context (an encoding it
// cannot convert, the I/O layer's "encoder error") through the thread's
// generic error handler, which prints them to stderr beside onoma's own
// message. While a TBX file is read, the first of them is kept for the
// Status instead; the previous handler comes back on the way out. Found
// by tests/fuzz/term_files_fuzzer.cc; tested by
// tests/terms/term_files_fuzz_test.cc.
class GenericErrors {
 public:
  GenericErrors()
      : saved_(xmlGenericError), saved_context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(this, &GenericErrors::On);
  }
  ~GenericErrors() { xmlSetGenericErrorFunc(saved_context_, saved_); }
  GenericErrors(const GenericErrors&) = delete;
  GenericErrors& operator=(const GenericErrors&) = delete;

  // The first message, without its line break; empty when none came.
  const std::string& first() const { return first_; }

 private:
  static void On(void* context, const char* format, ...) {
    auto* self = static_cast<GenericErrors*>(context);
    if (!self->first_.empty() || format == nullptr) return;
    char buf[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buf, sizeof buf, format, args);
    va_end(args);
    self->first_ = buf;
    while (!self->first_.empty() &&
           (self->first_.back() == '\n' || self->first_.back() == ' ')) {
      self->first_.pop_back();
    }
  }

  xmlGenericErrorFunc saved_;
  void* saved_context_;
  std::string first_;
};

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s))
           : std::string_view();
}

class TbxReader {
 public:
  TbxReader(const std::string& path, terms::TermSink& sink)
      : path_(path), sink_(sink) {
    errors_.path = path;
  }

  Status Run() {
    GenericErrors generic;
    std::unique_ptr<xmlTextReader, ReaderFree> reader(
        xmlReaderForFile(path_.c_str(), nullptr, XML_PARSE_NONET));
    if (!reader) return Status::Io("cannot open " + path_);
    reader_ = reader.get();
    xmlTextReaderSetStructuredErrorHandler(reader_, OnError, &errors_);
    bool saw_root = false;
    for (;;) {
      int rc = xmlTextReaderRead(reader_);
      if (!errors_.status.ok()) return errors_.status;
      if (rc < 0) {
        return Fault(generic.first().empty() ? "malformed XML"
                                             : generic.first());
      }
      if (rc == 0) break;
      int type = xmlTextReaderNodeType(reader_);
      std::string_view name = View(xmlTextReaderConstLocalName(reader_));
      if (type == XML_READER_TYPE_ELEMENT) {
        if (!saw_root) {
          saw_root = true;
          if (name != "tbx" && name != "martif") {
            return Fault("not a TBX file: the root element is <" +
                         std::string(name) + ">, not <tbx> or <martif>");
          }
        }
        bool empty = xmlTextReaderIsEmptyElement(reader_);
        ONOMA_RETURN_IF_ERROR(Open(name));
        if (empty) ONOMA_RETURN_IF_ERROR(Close(name));
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        ONOMA_RETURN_IF_ERROR(Close(name));
      }
    }
    if (!saw_root) return Fault("empty file");
    return Status::Ok();
  }

 private:
  Status Fault(std::string why) const {
    std::uint64_t line =
        reader_ ? xmlTextReaderGetParserLineNumber(reader_) : 0;
    std::uint64_t column =
        reader_ ? xmlTextReaderGetParserColumnNumber(reader_) : 0;
    return Status::BadInput(std::move(why))
        .At(Location{path_, line, column, 0});
  }

  // The line of the node the reader is on (the parser's own line is
  // ahead of it, by what it has read).
  std::uint64_t NodeLine() const {
    xmlNodePtr node = xmlTextReaderCurrentNode(reader_);
    long line = node != nullptr ? xmlGetLineNo(node) : -1;
    return line > 0 ? static_cast<std::uint64_t>(line)
                    : xmlTextReaderGetParserLineNumber(reader_);
  }

  std::string Attribute(const char* name) {
    std::unique_ptr<xmlChar, XmlFree> value(
        xmlTextReaderGetAttribute(reader_, BAD_CAST name));
    return std::string(View(value.get()));
  }

  std::string Text() {
    std::unique_ptr<xmlChar, XmlFree> value(xmlTextReaderReadString(reader_));
    return std::string(View(value.get()));
  }

  Status Open(std::string_view name) {
    if (name == "conceptEntry" || name == "termEntry") {
      if (in_concept_) return Fault("a concept entry inside another");
      in_concept_ = true;
      concept_ = Concept();
      // Unknown until a conceptType or subjectField says.
      concept_.type_known = false;
      type_from_concept_type_ = false;
      terms_.clear();
      term_lines_.clear();
      concept_.slug = Attribute("id");
      if (concept_.slug.empty()) {
        concept_.slug = "tbx-" + std::to_string(++unnamed_);
      }
      line_ = NodeLine();
      return Status::Ok();
    }
    if (!in_concept_) return Status::Ok();
    if (name == "langSec" || name == "langSet") {
      lang_ = std::string(View(xmlTextReaderConstXmlLang(reader_)));
      if (lang_.empty())
        return Fault("<" + std::string(name) + "> without xml:lang");
      return Status::Ok();
    }
    if (name == "termSec" || name == "tig" || name == "ntig") {
      if (lang_.empty())
        return Fault("<" + std::string(name) + "> outside a language section");
      in_term_ = true;
      term_ = Term();
      // Unknown until a termNote says.
      term_.status_known = false;
      term_.type_known = false;
      term_.lang = lang_;
      return Status::Ok();
    }
    if (name == "term") {
      if (!in_term_) return Fault("<term> outside <termSec> or <tig>");
      term_.form = Text();
      term_line_ = NodeLine();
      return Status::Ok();
    }
    std::string type = Attribute("type");
    if (name == "termNote" && in_term_) {
      std::string value = Text();
      if (type == "termType") {
        auto t = terms::ParseTermType(value);
        if (!t) return Fault("unknown termType '" + value + "'");
        term_.type = *t;
        term_.type_known = true;
      } else if (type == "administrativeStatus") {
        term_.status_known = true;
        if (value.starts_with("preferredTerm")) {
          term_.status = terms::TermStatus::kPreferred;
        } else if (value.starts_with("admittedTerm")) {
          term_.status = terms::TermStatus::kAdmitted;
        } else if (value.starts_with("deprecatedTerm") ||
                   value.starts_with("supersededTerm")) {
          term_.status = terms::TermStatus::kDeprecated;
        } else {
          return Fault("unknown administrativeStatus '" + value + "'");
        }
      } else if (type == "inflectionClass") {
        term_.inflection = value;
      }
      return Status::Ok();
    }
    if (name == "descrip") {
      std::string value = Text();
      if (type == "definition" && !in_term_) concept_.definition = value;
      if (type == "negativeContext")
        concept_.negative_contexts.push_back(value);
      // The concept's kind, from conceptType or, as other tools write it,
      // subjectField (TBX 2008 inside a <descripGrp> too); conceptType
      // wins. A value that names no kind is kept as the subject.
      if (type == "subjectField" || type == "conceptType") {
        auto t = terms::MapConceptType(value);
        bool stated = type == "conceptType";
        if (type == "subjectField") {
          concept_.subject = value;
        } else if (!t && concept_.subject.empty()) {
          concept_.subject = value;
        }
        if (t && (stated || !type_from_concept_type_)) {
          concept_.type = *t;
          concept_.type_known = true;
          type_from_concept_type_ = stated;
        }
      }
      return Status::Ok();
    }
    if (name == "note") {
      (in_term_ ? term_.note : concept_.note) = Text();
      return Status::Ok();
    }
    if (name == "admin" && type == "source") {
      (in_term_ ? term_.source : concept_.source) = Text();
    }
    return Status::Ok();
  }

  Status Close(std::string_view name) {
    if (!in_concept_) return Status::Ok();
    if (name == "termSec" || name == "tig" || name == "ntig") {
      in_term_ = false;
      if (term_.form.empty()) return Fault("a term section without <term>");
      terms_.push_back(std::move(term_));
      term_lines_.push_back(term_line_);
    } else if (name == "langSec" || name == "langSet") {
      lang_.clear();
    } else if (name == "conceptEntry" || name == "termEntry") {
      in_concept_ = false;
      return Flush();
    }
    return Status::Ok();
  }

  // Puts the finished concept; a refusal is the file's fault, at the line
  // where the entry began.
  // A term's refusal is at its <term>'s line.
  Status Flush() {
    auto at = [this](Status s, std::uint64_t line) {
      if (s.ok() || s.code() == StatusCode::kDatabase) return s;
      return Status(StatusCode::kBadInput, s.message())
          .At(Location{path_, line, 0, 0});
    };
    ONOMA_RETURN_IF_ERROR(at(sink_.PutConcept(concept_), line_));
    for (std::size_t i = 0; i < terms_.size(); ++i) {
      ONOMA_RETURN_IF_ERROR(at(sink_.PutTerm(concept_.slug, terms_[i]),
                               term_lines_[i] != 0 ? term_lines_[i] : line_));
    }
    for (const std::string& phrase : concept_.negative_contexts) {
      ONOMA_RETURN_IF_ERROR(
          at(sink_.PutNegative(concept_.slug, phrase), line_));
    }
    return Status::Ok();
  }

  std::string path_;
  terms::TermSink& sink_;
  ErrorSink errors_;
  xmlTextReader* reader_ = nullptr;
  bool in_concept_ = false;
  bool in_term_ = false;
  Concept concept_;
  bool type_from_concept_type_ = false;
  std::vector<Term> terms_;
  std::vector<std::uint64_t> term_lines_;  // of each of terms_
  std::uint64_t term_line_ = 0;
  std::string lang_;
  Term term_;
  std::uint64_t line_ = 0;
  int unnamed_ = 0;
};

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void Element(std::ostream& out, int indent, std::string_view name,
             std::string_view type, std::string_view value) {
  if (value.empty()) return;
  out << std::string(indent, ' ') << '<' << name;
  if (!type.empty()) out << " type=\"" << type << '"';
  out << '>' << Escape(value) << "</" << name << ">\n";
}

// XML 1.0 cannot carry a control character other than tab, line feed and
// carriage return, not even as a reference. The store refuses them on the
// way in; a database written before it did may hold one, and then the
// export fails here, naming the concept, instead of writing a file that
// no XML parser (onoma's included) reads back.
Status CheckWritable(const Concept& c) {
  auto check = [&](std::string_view value, std::string_view what) {
    if (text::FindNonXmlChar(value) == std::string_view::npos) {
      return Status::Ok();
    }
    return Status::BadInput(
        "concept '" + c.slug + "': " + std::string(what) +
        " holds a control character that XML cannot carry; fix it (onoma "
        "term edit) or export to .tsv or .csv");
  };
  for (std::string_view v :
       {std::string_view(c.slug), std::string_view(c.note),
        std::string_view(c.source), std::string_view(c.definition),
        std::string_view(c.subject)}) {
    ONOMA_RETURN_IF_ERROR(check(v, "the concept's text"));
  }
  for (const std::string& phrase : c.negative_contexts) {
    ONOMA_RETURN_IF_ERROR(check(phrase, "a negative context"));
  }
  for (const Term& t : c.terms) {
    // The form as a message can show it: the control characters named.
    std::string shown;
    for (char ch : t.form) {
      const auto byte = static_cast<unsigned char>(ch);
      if (byte >= 0x20) {
        shown += ch;
        continue;
      }
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", byte);
      shown += code;
    }
    const std::string what = "the " + t.lang + " term '" + shown + "'";
    for (std::string_view v :
         {std::string_view(t.lang), std::string_view(t.form),
          std::string_view(t.note), std::string_view(t.source),
          std::string_view(t.inflection)}) {
      ONOMA_RETURN_IF_ERROR(check(v, what));
    }
  }
  return Status::Ok();
}

}  // namespace

Status ReadTbx(const std::string& path, terms::TermSink& sink) {
  return TbxReader(path, sink).Run();
}

Status WriteTbx(std::ostream& out, terms::TermStore& store) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" "
         "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
         "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
         "        <p>onoma term store export</p>\n"
         "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n"
         "  <text>\n    <body>\n";
  Status s = store.List([&](const Concept& c) {
    ONOMA_RETURN_IF_ERROR(CheckWritable(c));
    out << "      <conceptEntry id=\"" << Escape(c.slug) << "\">\n";
    Element(out, 8, "descrip", "conceptType", terms::Name(c.type));
    Element(out, 8, "descrip", "subjectField", c.subject);
    Element(out, 8, "descrip", "definition", c.definition);
    for (const std::string& phrase : c.negative_contexts) {
      Element(out, 8, "descrip", "negativeContext", phrase);
    }
    Element(out, 8, "note", "", c.note);
    Element(out, 8, "admin", "source", c.source);
    std::string lang;
    for (const Term& t : c.terms) {
      if (t.lang != lang) {
        if (!lang.empty()) out << "        </langSec>\n";
        lang = t.lang;
        out << "        <langSec xml:lang=\"" << Escape(lang) << "\">\n";
      }
      out << "          <termSec>\n";
      Element(out, 12, "term", "", t.form);
      Element(out, 12, "termNote", "termType", terms::Name(t.type));
      Element(out, 12, "termNote", "administrativeStatus",
              std::string(terms::Name(t.status)) + "Term-admn-sts");
      // The class the term names; or the one the store infers, under a
      // type that an import does not take for a stated class (it infers
      // the same again).
      Element(out, 12, "termNote", "inflectionClass", t.inflection);
      Element(out, 12, "termNote", "inflection", t.inferred_inflection);
      Element(out, 12, "note", "", t.note);
      Element(out, 12, "admin", "source", t.source);
      out << "          </termSec>\n";
    }
    if (!lang.empty()) out << "        </langSec>\n";
    out << "      </conceptEntry>\n";
    return out ? Status::Ok() : Status::Io("write failed");
  });
  ONOMA_RETURN_IF_ERROR(s);
  out << "    </body>\n  </text>\n</tbx>\n";
  return out ? Status::Ok() : Status::Io("write failed");
}

}  // namespace onoma::formats::internal
