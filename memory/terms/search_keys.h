// The search keys the term store keeps for every term, and the query
// variants a lookup tries. Pure functions of their arguments: the store
// (memory/terms/term_store.cc) writes what they return into the `term`
// table, and the lookup (term_lookup.cc) computes the same keys from the
// query, so that one function decides both sides of every match.
//
//   FoldKey("Kyiv’s")             "kyiv's"   (case, Latin diacritics, ’)
//   StemKey("києві")              "киів"     (= StemKey("київ"))
//   StemKey("курської області")   "курськ област"
//   ParticleCandidates("키예프에서")  {"키예프"}
//   LatinKey("Київ", "uk")         "kap"      (= LatinKey("Kiev", "en"),
//                                             LatinKey("키예프", "ko"), ...)
//
// docs/terms.md explains the phonetic skeleton behind LatinKey and why it
// is shaped so.
//
// REQUIRES: valid UTF-8 (the store validates on entry). Thread-safe: the
// romanization schemes come from romanize::Registry::Default(), which is
// immutable once built.

#ifndef ONOMA_MEMORY_TERMS_SEARCH_KEYS_H_
#define ONOMA_MEMORY_TERMS_SEARCH_KEYS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::terms {

// Case-folded NFC with diacritics on Latin letters removed (Cyrillic й and
// ї keep theirs: they are letters of their own), typographic apostrophes
// made ASCII, white space collapsed to one space and trimmed. The "folded"
// match compares these.
std::string FoldKey(std::string_view text);

// `fold_key` (FoldKey's output) with inflection taken off each word:
// Cyrillic words lose one case ending (longest first, keeping a stem of at
// least three letters) and have the last vowel of the stem brought to і,
// so that the Ukrainian alternation Київ/Києва, Харків/Харкова, and the
// Russian Киев, give one key; Latin words lose a possessive 's. Hangul is
// left alone (see ParticleCandidates). The "inflected" match compares these.
std::string StemKey(std::string_view fold_key);

// For Korean: `fold_key` with one particle (or particle pair, 에서는)
// stripped from the end of its last word, for every particle that fits and
// leaves at least one syllable. Empty when the last word is not Hangul.
std::vector<std::string> ParticleCandidates(std::string_view fold_key);

// The phonetic skeleton of `text` romanized under the default scheme for its
// script and `lang` (Cyrillic: uk-kmu2010, or ru-bgn when lang is ru;
// Hangul: ko-rr when the registry has it). ASCII only; empty when the text
// has no letter that can be romanized (Han, Arabic, or Hangul without
// ko-rr). The "romanized" match compares these; "fuzzy" measures the edit
// distance between them.
std::string LatinKey(std::string_view text, std::string_view lang);

// `text` romanized as LatinKey does it, then lower-cased, with diacritics
// and everything but letters and digits dropped, and no skeleton: "Kyiv"
// stays "kyiv", "Київ" is "kyiv", "Kiev" "kiev". Ranks matches that share a
// skeleton by how close their spelling is to the query's.
std::string PlainLatin(std::string_view text, std::string_view lang);

// Latin text respelled as English-based romanizations would write it, for
// the spellings of German, Polish and Czech: j is the glide y (Kyjiw,
// Kijów, Mykolajiw), ch after anything but s or t is kh (Charkiw), Polish
// cz, rz, sz are zh, zh, sh, and ł is l. Lower-case ASCII words joined by
// spaces: CentralEuropeanReading("Charków") is "kharkow".
std::string CentralEuropeanReading(std::string_view latin);

// The keys a query may have: for Cyrillic, under both the Ukrainian and the
// Russian scheme (the query's language is not known); for Latin, LatinKey's
// and the skeleton of CentralEuropeanReading when that is another of 3
// letters or more (the query's language is not known either); otherwise
// LatinKey's one. No empty strings, no duplicates. The store keys forms
// with LatinKey only, so each extra key is a reading of the query alone.
std::vector<std::string> QueryLatinKeys(std::string_view text);

// The skeleton of text already in Latin letters. `from_hangul` applies the
// rules that undo Korean loanword spelling (epenthetic "eu", final "u" for
// a /w/). Exposed for tests and docs/terms.md.
std::string Skeleton(std::string_view latin, bool from_hangul);

// The most edits a fuzzy match may make to a key of `length` bytes: 0 below
// 4 (too short for a typo to be told from another name), 1 up to 7, 2 from 8.
int FuzzyThreshold(std::size_t length);

// The longest skeleton the fuzzy index holds deletion variants for. A
// key of n bytes has n variants of n - 1 bytes, so the index of one key
// grows with the square of its length: an 80,000-letter form would write
// gigabytes. Names are far shorter: the longest skeleton of the bundled
// termbase (tables/termbase/news.tsv, an organization's full name) has 46
// letters. A longer form is still found by every other stage (exact,
// folded, inflected, romanized); only a typo in it is not.
inline constexpr std::size_t kMaxFuzzyKeyBytes = 64;

// `key` and every string made by deleting one of its characters, without
// duplicates: two keys within one edit share at least one of these.
// Empty for keys shorter than 3, which fuzzy lookup never reaches, and for
// keys longer than `max_length`, so that the result holds at most
// max_length + 1 strings. The store indexes keys up to kMaxFuzzyKeyBytes;
// a lookup passes kMaxFuzzyKeyBytes + 1, the longest query key one
// deletion away from an indexed one.
std::vector<std::string> DeletionNeighbourhood(
    std::string_view key, std::size_t max_length = kMaxFuzzyKeyBytes);

// Edit distance between two ASCII keys, counting an insertion, a deletion,
// a substitution and a swap of two neighbouring letters (the commonest
// typo: Kharkvi, Zelenksy) as one edit each (optimal string alignment), or
// limit + 1 as soon as it is known to exceed `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

// Typing distance: how a typist's slips change a name in its own script.
// The "typo" match compares folded forms (FoldKey) code point by code
// point, each Hangul syllable one unit: most slips on a two-set Korean
// keyboard (a wrong vowel or initial, a final left out or added) change
// one syllable, and a syllable doubled or left out is one unit too.

// Letters of a folded form: code points that are letters or digits, a
// Hangul syllable counting as its jamo (2 or 3).
std::size_t TypingLetters(std::string_view fold);

// The most slips a typo match allows on the folded form `fold`: 0 below 4
// letters (two Hangul syllables have 4 or more), 1 up to 7, 2 from 8 — in
// any script.
int TypoThreshold(std::string_view fold);

// What term_fuzzy keys a folded form's typing rows by (their latin_key
// column): the form behind a tab, which no skeleton and no folded form
// holds, so the rows never meet a skeleton's.
std::string TypingOwner(std::string_view fold);
// `owner` (TypingOwner's) back to its folded form.
std::string_view TypingOwnerFold(std::string_view owner);

// The term_fuzzy keys of the folded form `fold` (all tab-prefixed):
// its deletion neighbourhood over code points, and, when TypoThreshold
// allows two slips, the deletion neighbourhoods of its two halves tagged
// with the form's length and the half. Two forms within one slip share a
// key of the first kind; within two, one half is within one slip of the
// query's start or end, which shares a key of the second kind (docs/
// terms.md, "Typos"). Empty for forms below 2 code points or over
// kMaxFuzzyKeyBytes of them.
std::vector<std::string> TypingNeighbourhood(std::string_view fold);

// The keys a lookup of the folded query `fold` tries in term_fuzzy: without
// `two_slips`, those that find every stored folded form within one slip of
// it; with it, those that find every form within two that allows two
// (the halves' keys). The union finds every form within its
// TypoThreshold.
std::vector<std::string> TypingQueryKeys(std::string_view fold, bool two_slips);

// Optimal-string-alignment distance between two folded forms over code
// points, or limit + 1 once it is known to exceed `limit`.
int TypingDistance(std::string_view a, std::string_view b, int limit);

}  // namespace onoma::terms

#endif  // ONOMA_MEMORY_TERMS_SEARCH_KEYS_H_
