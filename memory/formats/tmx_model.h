// What a TMX file holds, as plain values: the header, and translation units
// with their variants, notes and props. TmxReader fills these; TmxWriter
// writes them; memory/tm/ stores them. See memory/formats/tmx.h for the
// component.
//
// Nothing is dropped between file and struct: every attribute TMX defines
// has a slot (TmxAttributes); any other attribute goes, escaped, into
// `extra`; a segment's content is kept as canonical markup beside its plain
// text and tag skeleton (docs/tm.md, "What is kept").
//
// The structs reuse their buffers: Clear() empties them but keeps their
// capacity, so that reading a million units allocates about as often as
// reading ten.
//
// Thread safety: plain values, as std::string.

#ifndef ONOMA_MEMORY_FORMATS_TMX_MODEL_H_
#define ONOMA_MEMORY_FORMATS_TMX_MODEL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::formats {

// The attributes TMX 1.4b defines on <header>, <tu> and <tuv>, apart from a
// variant's language. Which element may carry which is AttributeAllowed().
enum class TmxAttr : std::uint8_t {
  kTuid,
  kSrclang,
  kSegtype,
  kOTmf,
  kOEncoding,
  kDatatype,
  kUsagecount,
  kLastusagedate,
  kCreationtool,
  kCreationtoolversion,
  kCreationdate,
  kCreationid,
  kChangedate,
  kChangeid,
  kAdminlang,
};
inline constexpr std::size_t kTmxAttrCount = 15;

// The elements that carry TmxAttributes.
enum class TmxOwner : std::uint8_t { kHeader, kUnit, kVariant };

// The attribute's name in TMX ("o-tmf", "creationdate").
std::string_view AttributeName(TmxAttr attr);
// Whether TMX 1.4b's DTD declares `attr` on `owner`.
bool AttributeAllowed(TmxOwner owner, TmxAttr attr);
// The attribute named `name` if TMX declares it on `owner`; false otherwise.
bool LookUpAttribute(TmxOwner owner, std::string_view name, TmxAttr& attr);
// The date attributes (creationdate, changedate, lastusagedate).
bool IsDateAttribute(TmxAttr attr);

// One element's TMX attributes, each present or absent. Dates are held in
// TMX form (YYYYMMDDThhmmssZ) once read.
class TmxAttributes {
 public:
  bool has(TmxAttr attr) const { return (present_ >> Index(attr)) & 1u; }
  // The value; "" when absent.
  const std::string& get(TmxAttr attr) const { return values_[Index(attr)]; }
  void set(TmxAttr attr, std::string_view value) {
    values_[Index(attr)].assign(value);
    present_ |= 1u << Index(attr);
  }
  void erase(TmxAttr attr) {
    values_[Index(attr)].clear();
    present_ &= ~(1u << Index(attr));
  }
  bool empty() const { return present_ == 0; }
  void Clear() {
    for (std::size_t i = 0; i < kTmxAttrCount; ++i) {
      if ((present_ >> i) & 1u) values_[i].clear();
    }
    present_ = 0;
  }
  bool operator==(const TmxAttributes& other) const {
    return present_ == other.present_ && values_ == other.values_;
  }

 private:
  static std::size_t Index(TmxAttr attr) {
    return static_cast<std::size_t>(attr);
  }
  std::array<std::string, kTmxAttrCount> values_;
  std::uint32_t present_ = 0;
};

// A <note> or a <prop>.
struct TmxMeta {
  enum class Kind : std::uint8_t { kNote, kProp };
  Kind kind = Kind::kNote;
  // A prop's type attribute; "" for a prop without one (a fault that is
  // reported as a warning), and for notes.
  std::string type;
  // xml:lang, or TMX 1.1's lang; has_lang tells "" from absent.
  std::string lang;
  bool has_lang = false;
  std::string o_encoding;
  bool has_o_encoding = false;
  // Other attributes, as TmxUnit::extra.
  std::string extra;
  // The text content, exactly.
  std::string value;

  void Clear();
  bool operator==(const TmxMeta& other) const = default;
};

// A position in the file: 1-based line, and column counted in characters;
// 0 when unknown.
struct TmxPosition {
  std::uint64_t line = 0;
  std::uint64_t column = 0;
  bool operator==(const TmxPosition& other) const = default;
};

// A <tuv>: one language's version of the unit.
struct TmxVariant {
  // xml:lang, or TMX 1.1's lang, as written.
  std::string lang;
  TmxAttributes attrs;
  std::string extra;
  std::vector<TmxMeta> meta;  // notes and props, in document order

  // The <seg>'s content three times over:
  // canonical markup, exactly as export writes it back, when has_markup
  // (otherwise empty: the markup is then the escaped text);
  std::string markup;
  // the plain text: character data outside inline codes (hi's included,
  // sub's not);
  std::string text;
  // the text with each inline code as one private-use character
  // (kSkeletonBpt...), for matching with tags in place.
  std::string skeleton;
  // Whether the segment has inline codes (then skeleton != text).
  bool has_codes = false;
  // Whether the segment is more than text (codes, comments, processing
  // instructions); when false, its markup is AppendEscapedText(text).
  bool has_markup = false;

  TmxPosition position;  // of the <tuv> start tag

  void Clear();
  // Equality of content, positions aside.
  bool SameContent(const TmxVariant& other) const;
};

// The private-use characters of TmxVariant::skeleton.
inline constexpr char32_t kSkeletonBpt = 0xE101;
inline constexpr char32_t kSkeletonEpt = 0xE102;
inline constexpr char32_t kSkeletonItBegin = 0xE103;
inline constexpr char32_t kSkeletonItEnd = 0xE104;
inline constexpr char32_t kSkeletonPh = 0xE105;
inline constexpr char32_t kSkeletonUt = 0xE106;
inline constexpr char32_t kSkeletonHiStart = 0xE107;
inline constexpr char32_t kSkeletonHiEnd = 0xE108;

// A <tu>.
struct TmxUnit {
  TmxAttributes attrs;
  std::string extra;
  std::vector<TmxMeta> meta;
  std::vector<TmxVariant> variants;
  TmxPosition position;  // of the <tu> start tag

  void Clear();
  bool SameContent(const TmxUnit& other) const;
};

// The <tmx> root and its <header>.
struct TmxHeader {
  // <tmx version>, as written; "" when absent.
  std::string version;
  // Attributes of <tmx> other than version, as TmxUnit::extra.
  std::string root_extra;
  TmxAttributes attrs;
  std::string extra;
  // The header's children (<note>, <prop>, <ude> with <map>s) in document
  // order, as canonical TMX 1.4b markup.
  std::string body;
  // Whether the file had a <header> at all.
  bool present = false;
  TmxPosition position;

  void Clear();
};

// --- Values in TMX ----------------------------------------------------------

// Appends `text` escaped for character data: & < > as entities, and CR as
// &#13; (which XML would otherwise turn into LF on reading).
void AppendEscapedText(std::string_view text, std::string& out);
// Appends `value` escaped for a double-quoted attribute value: & < > " as
// entities, TAB LF CR as character references (which XML would otherwise
// turn into spaces).
void AppendEscapedAttribute(std::string_view value, std::string& out);

// Parses a TMX date. Accepts TMX's form YYYYMMDDThhmmssZ, and also ISO
// 8601's extended form YYYY-MM-DDThh:mm:ss with optional fraction and zone
// (Z or +hh:mm; none taken as UTC), which some tools write; fractions of a
// second are dropped. On success writes the date in TMX form to `out`, sets
// `was_tmx_form`, and returns true; returns false for anything else,
// including impossible dates (month 13, 30 February).
bool ParseTmxDate(std::string_view text, std::string& out, bool& was_tmx_form);

// The TMX form of a time given as seconds since 1970 (UTC).
std::string FormatTmxDate(std::int64_t unix_seconds);

// Whether `tag` is a BCP 47 tag as text::IsLanguageTag checks it
// (lib/text/language_tag.h): "english", en_US, empty tags and stray spaces
// are not. Registries are not consulted.
bool LooksLikeLanguageTag(std::string_view tag);

// ASCII case-insensitive equality, as BCP 47 compares tags (EN-US = en-US).
bool SameLanguage(std::string_view a, std::string_view b);

// RFC 4647 basic filtering: `tag` matches `range` when they are equal or
// tag starts with range followed by '-' (range "en" matches "en-US"),
// ignoring case; "*" matches everything.
bool LanguageMatches(std::string_view range, std::string_view tag);

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_TMX_MODEL_H_
