// The Scheme interface: one official way of writing a script in Latin letters.
//
//   #include "lib/romanize/registry.h"
//
//   auto scheme = onoma::romanize::Registry::Default().Find("uk-kmu2010");
//   if (!scheme.ok()) return scheme.status();
//   std::string latin = (*scheme)->Romanize("Київ");          // "Kyiv"
//   auto back = (*scheme)->Deromanize("Kyïv");   // reversible schemes only
//
// A scheme is read-only once built: every method is const and safe to call
// from many threads at once. Schemes live as long as the registry that owns
// them (the default registry lives for the whole program).

#ifndef ONOMA_LIB_ROMANIZE_SCHEME_H_
#define ONOMA_LIB_ROMANIZE_SCHEME_H_

#include <string>
#include <string_view>

#include "lib/text/script.h"
#include "lib/text/utf8.h"
#include "lib/util/status.h"

namespace onoma::romanize {

struct RomanizeOptions {
  // The text is a personal name (Korean: family name, space, given name
  // with a hyphen between its syllables, per the scheme's rules for names).
  // Default: false.
  bool name = false;
  // The text is a place name (Korean: administrative units hyphenated,
  // capitalized as a proper noun). Default: false.
  bool place = false;
  // Write the scheme's ASCII fallback form where it has one (ALA-LC without
  // ties and diacritics). Default: false.
  bool ascii = false;

  // Korean options (ko-rr, ko-mr; ko-rr-translit ignores them, to stay
  // reversible). docs/korean.md describes each with examples.

  // Capitalize each romanized word as a proper noun (RR 3.3: 부산 Busan).
  // Implied by `name` and `place`. Default: false.
  bool capitalize = false;
  // Names: a hyphen between the syllables of the given name (RR 3.4
  // allows Min Yong-ha beside the principle Min Yongha). Default: true.
  bool name_hyphen = true;
  // Names: how the family name is spelled. kScheme: the scheme's letters
  // (김 Gim, 이 I, 박 Bak under RR); kCommon: the spelling most used, from
  // tables/korean/ko-surnames.txt (Kim, Lee, Park). Default: kScheme.
  enum class NameStyle { kScheme, kCommon };
  NameStyle name_style = NameStyle::kScheme;
  // Places: leave out the units -si, -gun, -eup, as RR 3.5 [붙임] allows
  // (청주시 Cheongju). Default: false.
  bool omit_unit_suffix = false;
  // Places: a name in -로 is a road of the road-name address, written as
  // the Ministry of the Interior writes it (종로 Jong-ro, 대학로
  // Daehak-ro), not as one word with its sound changes as the RR notice's
  // examples write roads (Jongno, Toegyero). Names in 대로 and 길 are
  // roads and take that form without it (세종대로 Sejong-daero), as does
  // a name in 로 before a numbered side street (테헤란로4길 Teheran-ro
  // 4-gil). Default: false.
  bool road = false;
  // Places: the reading of a number before a unit, in parentheses (RR 3.5:
  // 종로 2가 Jongno 2(i)-ga); false writes the number alone, as English
  // addresses do (Jongno 2-ga). Default: true.
  bool number_reading = true;
  // A hyphen between syllables that could be misread (RR 3.2: 중앙
  // Jung-ang, 반구대 Ban-gudae, 해운대 Hae-undae), in every mode.
  // Default: false.
  bool misreading_hyphen = false;
};

class Scheme {
 public:
  virtual ~Scheme() = default;

  // The stable id used on the command line, e.g. "uk-kmu2010".
  virtual std::string_view id() const = 0;
  // One line for `onoma romanize --list`.
  virtual std::string_view description() const = 0;
  // The script this scheme romanizes; other characters pass through.
  virtual text::Script script() const = 0;
  // Whether Deromanize() restores the original text exactly.
  virtual bool reversible() const = 0;

  // Writes `text` in Latin letters. REQUIRES: `text` is valid UTF-8 (the CLI
  // validates on entry). Characters outside the scheme's script, and
  // everything that is not a letter, are copied unchanged. NFC and NFD input
  // give the same output.
  virtual std::string Romanize(std::string_view text,
                               const RomanizeOptions& options = {}) const = 0;

  // Appends the romanization of `text` to `out`; the streaming path calls
  // this line after line. The default forwards to Romanize(); engines
  // override it to write without a temporary string.
  virtual void RomanizeTo(std::string_view text, const RomanizeOptions& options,
                          std::string& out) const {
    out += Romanize(text, options);
  }

  // As RomanizeTo, for text not yet validated: false when `text` is not
  // valid UTF-8, and then what was appended to `out` is to be dropped. An
  // engine that decodes the text anyway checks it there, in the same pass
  // (the streaming path then reads each byte once); the default validates
  // first.
  virtual bool RomanizeCheckedTo(std::string_view text,
                                 const RomanizeOptions& options,
                                 std::string& out) const {
    if (!text::ValidateUtf8(text).ok()) return false;
    RomanizeTo(text, options, out);
    return true;
  }

  // Restores the original script from this scheme's Latin output. Fails with
  // kBadArgument for a scheme that is not reversible.
  virtual Result<std::string> Deromanize(std::string_view text) const {
    (void)text;
    return Status::BadArgument("scheme '" + std::string(id()) +
                               "' is not reversible");
  }
};

}  // namespace onoma::romanize

#endif  // ONOMA_LIB_ROMANIZE_SCHEME_H_
