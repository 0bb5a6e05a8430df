// UTF-8 to code points and back, for code that edits text a code point at
// a time: typo keys (memory/terms/), the case forms of table rules
// (lib/romanize/table_scheme.cc).
//
//   std::u32string word = onoma::text::DecodeUtf8("Київ");   // 4 letters
//   word.erase(1, 1);
//   std::string back = onoma::text::EncodeUtf8(word);        // "Кїв"
//
// Pure functions; thread-safe.

#ifndef ONOMA_LIB_TEXT_CODE_POINTS_H_
#define ONOMA_LIB_TEXT_CODE_POINTS_H_

#include <string>
#include <string_view>

namespace onoma::text {

// The code points of `s`, each invalid sequence one U+FFFD (as
// DecodeNext in lib/text/utf8.h).
std::u32string DecodeUtf8(std::string_view s);

// The UTF-8 form of `s`; a value that is not a Unicode scalar value as
// U+FFFD (as AppendUtf8 in lib/text/utf8.h).
std::string EncodeUtf8(std::u32string_view s);

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_CODE_POINTS_H_
