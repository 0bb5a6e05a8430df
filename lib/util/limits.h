// The largest inputs onoma accepts, in one place, so that every reader
// refuses the same things and the documentation (docs/tm.md, "Limits", and
// docs/terms.md) quotes one set of numbers.
//
// Why limits at all: the store's derived data (fuzzy keys, trigram and
// token indexes) grows with the size of what it indexes, and a single
// pathological record (an 80,000-character "term" from a broken CSV, a
// megabyte "query" line) must not cost gigabytes of memory or disk. Every
// limit is far above anything a name, a sentence or a paragraph of news
// reaches; an input over it is refused with a clear error that names the
// file and line, never truncated silently.
//
// Sizes are bytes of UTF-8: exact, cheap to check before any decoding, and
// the same in every script (1 KiB is about 1,000 Latin letters, 500
// Cyrillic letters or 340 Hangul syllables).

#ifndef ONOMA_LIB_UTIL_LIMITS_H_
#define ONOMA_LIB_UTIL_LIMITS_H_

#include <cstddef>

namespace onoma::limits {

// One form of a term (a name: a person, a place, an organization), and a
// `term lookup` query, which is matched against such forms.
inline constexpr std::size_t kMaxTermBytes = 1024;

// One note or other free text attached to a concept or term.
inline constexpr std::size_t kMaxTermNoteBytes = 64 * 1024;

// One segment of the translation memory (a <seg> of a TMX, a side of
// `tm add`, a sentence of an alignment): a paragraph is a few KiB.
inline constexpr std::size_t kMaxSegmentBytes = 1024 * 1024;

// Entity expansion in a TMX file. onoma substitutes internal entities
// whose replacement text is plain (no markup, no further references: no
// nesting), and every substitution is counted: all of them together may
// come to at most kMaxEntityExpansionBytes plus kEntityAmplification
// times the file's size. A file of 131 kB that referenced a 64 kB entity
// 17,000 times once became a gigabyte database; the budget refuses it at
// 2.3 MB. The factor is libxml2's for its own amplification check
// (XML_PARSER_NON_LINEAR in its parser.c); onoma substitutes entities
// itself (to keep their positions and refuse external ones), which that
// check does not see.
inline constexpr std::size_t kMaxEntityExpansionBytes = 1024 * 1024;
inline constexpr std::size_t kEntityAmplification = 10;

// A `tm lookup` or `tm concordance` query.
inline constexpr std::size_t kMaxTmQueryBytes = 64 * 1024;

}  // namespace onoma::limits

#endif  // ONOMA_LIB_UTIL_LIMITS_H_
