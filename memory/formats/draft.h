// A pretranslated report (a "draft"): the report's segments with the
// translation memory's proposals, and the writers that give it to a
// translator as XLIFF 2.0, XLIFF 1.2, TMX, TSV or plain text
// (docs/pretranslate.md). memory/tm/pretranslate.h fills a Draft; these
// functions only format it.
//
//   formats::Draft draft;
//   draft.original = "report.txt";
//   draft.source_lang = "en";
//   draft.target_lang = "uk";
//   formats::DraftSegment& s = draft.segments.emplace_back();
//   s.paragraph = 0;
//   s.source = "Kyiv said on Monday.";
//   s.target = "Київ заявив у понеділок.";  // nullopt: nothing proposed
//   s.score = 100;
//   std::string xlf = formats::WriteXliff20(draft);
//
// Every writer returns the whole file as a string (a report is small);
// the caller writes it through an AtomicFile (lib/util/atomic_file.h).
// What each format holds is docs/pretranslate.md's "Output formats". The
// XLIFF files validate against the OASIS schemas (2.0 core with the
// Translation Candidates and Glossary modules; 1.2 strict): tested by
// tests/formats/draft_writer_test.cc with xmllint.
//
// Values only; thread safety as std::string.

#ifndef ONOMA_MEMORY_FORMATS_DRAFT_H_
#define ONOMA_MEMORY_FORMATS_DRAFT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::formats {

// A translation candidate from the memory.
struct DraftMatch {
  int score = 0;       // onoma's score (memory/tm/lookup.h), 0-100
  int similarity = 0;  // the score before its penalties, 0-100
  std::string origin;  // the memory's source: the file imported, or "add"
  std::string tuid;    // "" when the unit has none
  // The stored segments as canonical TMX markup (memory/schema/0003_tm.sql:
  // text escaped, inline codes bpt, ept, it, ph, ut, hi as elements).
  std::string source_markup;
  std::string target_markup;
  std::string proposed;  // the target with substitutions applied, plain
};

// A term of the store found in the segment.
struct DraftTerm {
  std::string term;         // as the source writes it
  std::string translation;  // the store's preferred target form; "" if none
  std::string concept_id;   // the concept's slug
};

struct DraftSegment {
  std::uint32_t paragraph = 0;  // counting from 0, non-decreasing
  std::string source;           // plain text
  // The proposal (best match, substitutions applied, normalized), when the
  // best match scored at least the threshold.
  std::optional<std::string> target;
  int score = -1;            // the best match's score; -1: no match at all
  bool substituted = false;  // the target carries substitutions
  // Candidates scoring at least the threshold, best first.
  std::vector<DraftMatch> matches;
  std::vector<DraftTerm> terms;
  // Notes for the translator: what was substituted and normalized.
  std::vector<std::string> notes;
};

struct Draft {
  std::string original;  // the report's file name ("-": standard input)
  std::string source_lang;
  std::string target_lang;
  std::vector<DraftSegment> segments;
};

// XLIFF 2.0: a <group> per paragraph, a <unit> per segment with
// <mtc:matches>, <gls:glossary>, <notes> and one <segment>; state
// "translated" for a 100 match, "initial" otherwise.
std::string WriteXliff20(const Draft& draft);

// XLIFF 1.2 (strict): a <group> per paragraph, a <trans-unit> per segment
// with <target state state-qualifier>, <note>s and an <alt-trans> per
// candidate.
std::string WriteXliff12(const Draft& draft);

// TMX 1.4b: a unit per segment with a proposal (report source, proposed
// target), its score as prop x-onoma-score; fuzzy ones with a note.
std::string WriteDraftTmx(const Draft& draft);

// TSV with a header line: source, target, score, origin. Tabs, newlines
// and backslashes in the text are written \t, \n, \\.
std::string WriteDraftTsv(const Draft& draft);

// The draft as text, a line per paragraph: each segment's proposal, or the
// source between kUntranslatedOpen and kUntranslatedClose.
std::string WriteDraftText(const Draft& draft);
inline constexpr std::string_view kUntranslatedOpen = "[[";
inline constexpr std::string_view kUntranslatedClose = "]]";

// --- Inline codes -----------------------------------------------------------

// One piece of a stored segment: text, or an inline code with the native
// code it stands for.
struct InlinePiece {
  enum class Kind : std::uint8_t {
    kText,
    kBpt,            // begins a paired code
    kEpt,            // ends it (same `pair`)
    kIsolatedBegin,  // <it pos="begin">
    kIsolatedEnd,    // <it pos="end">
    kPlaceholder,    // <ph>, <ut>
    kHiStart,        // <hi>: formatting around text, no native code
    kHiEnd,
  };
  Kind kind = Kind::kText;
  std::string text;  // the text, or the native code (unescaped)
  std::string pair;  // bpt/ept's i attribute
};

// The pieces of a canonical TMX segment (comments and processing
// instructions dropped; a <sub>'s text kept in its code's native text).
// Never fails: anything it does not recognise is kept as text.
std::vector<InlinePiece> ParseTmxInline(std::string_view markup);

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_DRAFT_H_
