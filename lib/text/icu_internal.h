// UTF-8 <-> icu::UnicodeString, for .cc files that work inside ICU.
//
//   #include "lib/text/icu_internal.h"   // in a .cc file, never a header
//
//   icu::UnicodeString u = onoma::text::ToUnicodeString("Київ");
//   ... transliterate, collate, iterate ...
//   std::string back = onoma::text::FromUnicodeString(u);
//
// This header pulls in <unicode/unistr.h>, which is large; that is why it is
// an *_internal.h that public headers must not include, so that widely
// included headers stay cheap to compile. Public APIs take and return UTF-8
// std::string / std::string_view and convert at the boundary with these.
//
// Pure functions; thread-safe. Invalid UTF-8 becomes U+FFFD, and unpaired
// surrogates in a UnicodeString become U+FFFD in UTF-8: validate on entry
// (lib/text/utf8.h) so that neither happens silently.

#ifndef ONOMA_LIB_TEXT_ICU_INTERNAL_H_
#define ONOMA_LIB_TEXT_ICU_INTERNAL_H_

#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace onoma::text {

// The UTF-16 form of `utf8`. REQUIRES: utf8.size() < 2^31 (ICU lengths are
// int32_t; onoma converts lines, segments and words, never whole files);
// longer input gives a bogus string (isBogus()).
icu::UnicodeString ToUnicodeString(std::string_view utf8);

// The UTF-8 form of `s`.
std::string FromUnicodeString(const icu::UnicodeString& s);

// Appends the UTF-8 form of `s` to `out`, reusing its capacity.
void AppendUnicodeString(std::string& out, const icu::UnicodeString& s);

// A UText over UTF-8 bytes in place (utext_openUTF8), so that an ICU
// iterator's or matcher's native indices are byte offsets into the text;
// closed when this goes. get() is null when ICU refused to open it.
// `utf8` must outlive it; neither copied nor moved (it holds its storage).
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(&storage_, utf8.data(),
                           static_cast<std::int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) text_ = nullptr;
  }
  ~Utf8Text() {
    if (text_ != nullptr) utext_close(text_);
  }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;

  UText* get() const { return text_; }

 private:
  UText storage_ = UTEXT_INITIALIZER;
  UText* text_ = nullptr;
};

}  // namespace onoma::text

#endif  // ONOMA_LIB_TEXT_ICU_INTERNAL_H_
