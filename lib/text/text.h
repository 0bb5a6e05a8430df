// onoma text: the Unicode layer under every other component.
//
// Text crosses every onoma boundary as UTF-8 in std::string and
// std::string_view. This component checks that it is UTF-8, brings it to one
// normal form, folds its case, tells its scripts apart and finds its words;
// ICU does the Unicode work inside, and no ICU type appears in these
// headers (lib/text/icu_internal.h converts for .cc files that need ICU).
//
//   #include "lib/text/text.h"
//   namespace text = onoma::text;
//
// 1. Validate once, on entry (lib/text/utf8.h). Everything below REQUIRES
//    valid UTF-8; the failure names the line, column and byte offset.
//
//   onoma::Status s = text::ValidateUtf8(contents, "news.txt");
//   if (!s.ok()) return s;  // "news.txt:2:3: invalid UTF-8: truncated
//                           //  sequence (near: \xc3)"
//
//   text::Utf8Validator validator("<stdin>");     // streaming, per line
//   for (std::string line; std::getline(std::cin, line);) {
//     ONOMA_RETURN_IF_ERROR(validator.ValidateLine(line));
//   }
//
// 2. Walk code points (lib/text/utf8.h), never bytes:
//
//   for (size_t i = 0; i < word.size();) {
//     char32_t c;
//     text::DecodeNext(word, i, c);
//     text::AppendUtf8(out, Map(c));
//   }
//   size_t column = text::CountCodePoints(line.substr(0, byte_offset)) + 1;
//
//    or, to edit a word a letter at a time (lib/text/code_points.h):
//
//   std::u32string letters = text::DecodeUtf8(word);
//   letters.erase(0, 1);
//   std::string rest = text::EncodeUtf8(letters);
//
// 3. Normalize and fold (lib/text/unicode.h). Store and compare NFC; match
//    caselessly on folded forms.
//
//   std::string nfc = text::IsNfc(s) ? std::string(s) : text::ToNfc(s);
//   text::ToNfc("\u0418\u0306");         // "Й" (И + combining breve)
//   text::FoldCase("KYIV");              // "kyiv"
//   text::FoldCase("Straße");            // "strasse"
//   text::ToUpper("київ", "uk");         // "КИЇВ"
//
// 4. Tell scripts apart (lib/text/script.h), e.g. to pick a romanization
//    scheme per word:
//
//   text::DominantScript("Київ-2");      // Script::kCyrillic
//   text::DominantScript("키이우");      // Script::kHangul
//   text::ScriptOf(U'7');                // Script::kCommon
//
// 5. Find words (lib/text/word_break.h). A breaker is not thread-safe:
//    one per thread.
//
//   auto breaker = text::WordBreaker::Create();   // root rules
//   if (!breaker.ok()) return breaker.status();
//   for (const text::WordSpan& w : breaker->Words("Київ, Kyiv's 2024")) {
//     if (w.is_word()) ...;  // "Київ", "Kyiv's", "2024" (kNumber)
//   }
//
// Failures are onoma::Status values (lib/util/status.h); nothing here
// throws.

#ifndef ONOMA_LIB_TEXT_TEXT_H_
#define ONOMA_LIB_TEXT_TEXT_H_

#include "lib/text/code_points.h"
#include "lib/text/script.h"
#include "lib/text/unicode.h"
#include "lib/text/utf8.h"
#include "lib/text/word_break.h"

#endif  // ONOMA_LIB_TEXT_TEXT_H_
