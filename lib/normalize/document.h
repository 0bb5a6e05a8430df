// DocumentNormalizer: rewrites the variant names of one document, line by
// line, and says what it changed.
//
//   auto matcher = normalize::Matcher::Compile(input);   // once
//   normalize::DocumentOptions options;
//   options.lang = "uk";                                 // the copy's language
//   auto doc = normalize::DocumentNormalizer::Create(*matcher, options);
//   if (!doc.ok()) return doc.status();
//   std::string out;
//   std::vector<normalize::Change> changes;
//   for (std::string line; std::getline(in, line);) {
//     out.clear();
//     doc->NormalizeLine(line, out, changes);   // "у Киеве" -> "у Києві"
//     std::cout << out << '\n';
//   }
//
// A caller that writes each finding somewhere (a report) and keeps only
// counts passes a ChangeSink instead of the vector: the findings then flow
// out as they are made, so that memory does not grow with the number of
// names a line holds (a one-line article may hold millions).
//
// What is rewritten (docs/normalize.md): a deprecated form, or an admitted
// form of type variant (any admitted form with `admitted`, but an acronym
// or abbreviation only into a preferred one of its kind: NATO stays NATO),
// becomes the preferred form of its concept in the same language, in the
// same grammatical case (Ukrainian), with the Korean particle adjusted to
// the new final consonant and the English possessive kept, in the case
// pattern the text adds to the form as stored (KIEV -> KYIV; an acronym's
// own capitals carry none). A Ukrainian acronym, which shows no case, is
// not expanded into a form that declines (reported as case-unknown); a
// Latin name is not rewritten into another script. A short form is rewritten
// only once the document has named its concept in full, and is reported as
// ambiguous when two named concepts share it. Entries of the document's
// language judge a form; a form that language lacks is judged by the languages
// that have it. In a quotation or sentence in another language (Russian
// quoted in Ukrainian copy) that language's entries judge instead, and a
// form it prefers is kept (docs/normalize.md, "Runs in another language").
//
// Nothing is rewritten inside a longer word, a longer term (which shields
// what it contains), a negative context, a URL, e-mail address or path, or
// where the text cites the name as a former one. Where nothing matches, the
// line comes out byte for byte as it went in.
//
// Thread safety: a DocumentNormalizer keeps the document's state (names
// mentioned, line count) and is used by one thread. It holds a copy of
// the Matcher (which shares its compiled data), so nothing must outlive it.

#ifndef ONOMA_LIB_NORMALIZE_DOCUMENT_H_
#define ONOMA_LIB_NORMALIZE_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/util/status.h"

namespace onoma::normalize {

// One variant found. Kept (not applied) findings are reported too, with
// the reason they were kept.
struct Change {
  std::uint64_t line = 0;         // 1-based
  std::uint64_t column = 0;       // 1-based, in code points
  std::uint64_t byte_offset = 0;  // 0-based, from the document's start
  std::string found;              // as written, with particle or 's
  std::string replacement;        // empty when ambiguous
  std::string concept_slug;       // "a,b" when ambiguous
  // Applied: "deprecated", "variant", "admitted", "shortForm".
  // Kept: "ambiguous", "former-name", "no-inflection", "case-unknown" (a
  // Ukrainian acronym, whose case does not show, would become a form that
  // declines; replacement is the nominative), "other-language" (preferred
  // in the language of its quotation or sentence).
  std::string reason;
  bool applied = false;
};

struct DocumentOptions {
  // The document's language ("en", "uk", "ko"). Default: none, so that
  // every form is judged by the languages that have it.
  std::string lang;
  // Rewrite every admitted form, not only variants; an admitted acronym or
  // abbreviation only into a preferred acronym or abbreviation, never into
  // a full form. Default: false.
  bool admitted = false;
};

// Receives the findings of DocumentNormalizer::NormalizeLine one at a time,
// as they are made.
class ChangeSink {
 public:
  virtual ~ChangeSink() = default;
  // One finding; those of a line come leftmost first, each before
  // NormalizeLine returns. `change` lives only for the call: copy what is
  // kept. Called on the thread that called NormalizeLine.
  virtual void OnChange(const Change& change) = 0;
};

// One line made ready for DocumentNormalizer::NormalizeLine by a
// LineScanner: the half of the work that does not depend on the
// document's earlier lines (folding, finding the names and the language
// runs of the line). Reused from line to line; movable.
class PreparedLine {
 public:
  PreparedLine();
  PreparedLine(PreparedLine&&) noexcept;
  PreparedLine& operator=(PreparedLine&&) noexcept;
  ~PreparedLine();

 private:
  friend class LineScanner;
  friend class DocumentNormalizer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Prepares lines on a thread of its own, so that a long document is
// scanned on one core while another rewrites what was scanned before:
//
//   auto scanner = LineScanner::Create(matcher, options);    // per thread
//   scanner->Prepare(line, prepared);                         // worker
//   doc->NormalizeLine(line, prepared, out, sink);   // in order, elsewhere
//
// The result is the same as NormalizeLine(line, out, sink). A LineScanner
// is used by one thread at a time, and must outlive the lines it
// prepared; it shares the Matcher's compiled data.
class LineScanner {
 public:
  // Fails as DocumentNormalizer::Create does.
  [[nodiscard]] static Result<LineScanner> Create(
      const Matcher& matcher, const DocumentOptions& options);

  LineScanner(LineScanner&&) noexcept;
  LineScanner& operator=(LineScanner&&) noexcept;
  ~LineScanner();

  // Prepares `line` (valid UTF-8) into `out`; `line` must stay where it is
  // until `out` has been used.
  void Prepare(std::string_view line, PreparedLine& out);

 private:
  struct Impl;
  explicit LineScanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class DocumentNormalizer {
 public:
  // Fails with kInternal when a compiled-in table or ICU's word rules are
  // missing.
  [[nodiscard]] static Result<DocumentNormalizer> Create(
      const Matcher& matcher, const DocumentOptions& options);

  DocumentNormalizer(DocumentNormalizer&&) noexcept;
  DocumentNormalizer& operator=(DocumentNormalizer&&) noexcept;
  ~DocumentNormalizer();

  // Appends the normalized `line` (one line of the document without its
  // '\n'; valid UTF-8) to `out`, and passes what was found to `sink`, which
  // the caller owns. Lines and byte offsets count from the first call, each
  // line taken to have had a '\n' after it. Memory: of the order of the
  // line's length, whatever the number of findings.
  void NormalizeLine(std::string_view line, std::string& out, ChangeSink& sink);
  // The same, with what was found appended to `changes` (which grows with
  // the number of findings).
  void NormalizeLine(std::string_view line, std::string& out,
                     std::vector<Change>& changes);
  // The same for a line that a LineScanner made of the same Matcher and
  // options has prepared: `line` is the line it prepared.
  void NormalizeLine(std::string_view line, const PreparedLine& prepared,
                     std::string& out, ChangeSink& sink);

 private:
  struct Impl;
  explicit DocumentNormalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct NormalizedText {
  std::string text;
  std::vector<Change> changes;
};

// A whole document at once, lines split at '\n' (kept as they were).
// kBadInput, located, for invalid UTF-8.
[[nodiscard]] Result<NormalizedText> NormalizeText(
    const Matcher& matcher, std::string_view text,
    const DocumentOptions& options);

}  // namespace onoma::normalize

#endif  // ONOMA_LIB_NORMALIZE_DOCUMENT_H_
