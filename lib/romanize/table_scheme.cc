#include "lib/romanize/table_scheme.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

namespace onoma::romanize {
namespace {

enum Form { kLower = 0, kTitle = 1, kUpper = 2 };

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char buf[U8_MAX_LENGTH];
  std::int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
  out.append(buf, static_cast<std::size_t>(len));
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

// The three case forms of a rule's output.
std::array<std::string, 3> CaseForms(std::string_view target) {
  std::u32string lower = Decode(target);
  std::u32string title = lower;
  std::u32string upper = lower;
  if (!title.empty()) title[0] = static_cast<char32_t>(u_totitle(title[0]));
  for (char32_t& c : upper) c = static_cast<char32_t>(u_toupper(c));
  return {Utf8(lower), Utf8(title), Utf8(upper)};
}

// The target without combining marks: ALA-LC's ties and diacritics dropped.
std::string StripMarks(std::string_view target) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(target);
  icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(
          target.data(), static_cast<std::int32_t>(target.size()))),
      status);
  if (U_FAILURE(status)) return std::string(target);
  icu::UnicodeString kept;
  for (std::int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::uint32_t GcMask(char32_t c) {
  return U_GET_GC_MASK(static_cast<UChar32>(c));
}

constexpr std::uint32_t kLetterOrMark = U_GC_L_MASK | U_GC_M_MASK;
constexpr std::uint32_t kUpperMask = U_GC_LU_MASK | U_GC_LT_MASK;

char32_t FastLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А..Я
  if (c >= 0x430 && c <= 0x45F) return c;          // а..я, ѐ..џ
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

// Whether text can be used as is, without NFC normalization. Text made only
// of ASCII and the basic Cyrillic block (lead bytes D0..D4) is NFC whatever
// its order; anything else is asked of ICU.
bool IsNfc(std::string_view text) {
  bool simple = true;
  for (unsigned char b : text) {
    if (b >= 0x80 && b < 0xC0) continue;  // continuation byte
    if (b < 0x80 || (b >= 0xD0 && b <= 0xD4)) continue;
    simple = false;
    break;
  }
  if (simple) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return true;
  UBool normalized = nfc->isNormalizedUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())),
      status);
  return U_SUCCESS(status) && normalized;
}

std::string ToNfc(std::string_view text) {
  std::string out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(
      0, icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())),
      sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

}  // namespace

// One direction of a table, compiled for matching.
class TableMatcher {
 public:
  struct Rule {
    std::u32string source;  // lower case
    std::array<std::string, 3> forms;
    std::array<std::string, 3> ascii;
    std::vector<TableCondition> conditions;
  };

  // `trailing_word_chars`: whether a word-char may end a word (GOST 7.79's
  // "y'" for ы reads back only if the apostrophe stays with its word) or
  // must stand between letters (an apostrophe after a Ukrainian word is a
  // closing quote, not part of the name).
  TableMatcher(std::vector<Rule> rules, std::u32string word_chars,
               bool trailing_word_chars)
      : rules_(std::move(rules)),
        word_chars_(std::move(word_chars)),
        trailing_word_chars_(trailing_word_chars) {
    // Longest source first within each first letter, file order otherwise.
    std::stable_sort(rules_.begin(), rules_.end(),
                     [](const Rule& a, const Rule& b) {
                       if (a.source[0] != b.source[0]) {
                         return a.source[0] < b.source[0];
                       }
                       return a.source.size() > b.source.size();
                     });
    dense_.fill({0, 0});
    for (std::uint32_t i = 0; i < rules_.size();) {
      char32_t first = rules_[i].source[0];
      std::uint32_t j = i;
      while (j < rules_.size() && rules_[j].source[0] == first) ++j;
      if (first < kDense) {
        dense_[first] = {i, j};
      } else {
        sparse_[first] = {i, j};
      }
      i = j;
    }
  }

  void Apply(std::string_view text, bool ascii, std::string& out) const;

 private:
  static constexpr char32_t kDense = 0x530;  // ASCII, Latin, Cyrillic
  using Range = std::pair<std::uint32_t, std::uint32_t>;

  Range RulesFor(char32_t first) const {
    if (first < kDense) return dense_[first];
    auto it = sparse_.find(first);
    return it == sparse_.end() ? Range{0, 0} : it->second;
  }

  bool IsWordChar(char32_t c) const {
    return word_chars_.find(c) != std::u32string::npos;
  }

  bool Holds(const Rule& rule, const char32_t* lower, std::size_t at,
             std::size_t word_begin, std::size_t word_end) const {
    std::size_t after = at + rule.source.size();
    for (const TableCondition& cond : rule.conditions) {
      switch (cond.kind) {
        case TableCondition::Kind::kInitial:
          if (at != word_begin) return false;
          break;
        case TableCondition::Kind::kFinal:
          if (after != word_end) return false;
          break;
        case TableCondition::Kind::kAfter:
          if (at == word_begin ||
              cond.chars.find(lower[at - 1]) == std::u32string::npos) {
            return false;
          }
          break;
        case TableCondition::Kind::kBefore:
          if (after >= word_end ||
              cond.chars.find(lower[after]) == std::u32string::npos) {
            return false;
          }
          break;
      }
    }
    return true;
  }

  // The extent of the word starting at `begin` (a letter) and its case.
  struct Word {
    std::size_t end;
    bool all_caps;  // every cased letter is a capital
    int capitals;
  };
  Word ScanWord(const std::vector<char32_t>& cps, std::size_t begin) const {
    Word w{begin, true, 0};
    const std::size_t n = cps.size();
    while (w.end < n) {
      char32_t c = cps[w.end];
      std::uint32_t gc = GcMask(c);
      if (gc & kLetterOrMark) {
        if (gc & kUpperMask) ++w.capitals;
        if (gc & U_GC_LL_MASK) w.all_caps = false;
        ++w.end;
      } else if (IsWordChar(c) &&
                 (trailing_word_chars_ ||
                  (w.end + 1 < n && (GcMask(cps[w.end + 1]) & U_GC_L_MASK)))) {
        ++w.end;
      } else {
        break;
      }
    }
    return w;
  }

  std::vector<Rule> rules_;
  std::u32string word_chars_;
  bool trailing_word_chars_;
  std::array<Range, kDense> dense_;
  std::unordered_map<char32_t, Range> sparse_;
};

void TableMatcher::Apply(std::string_view text, bool ascii,
                         std::string& out) const {
  // Buffers reused across calls on one thread: the streaming path romanizes
  // line after line without allocating.
  thread_local std::vector<char32_t> cps;
  thread_local std::vector<char32_t> lower;
  cps.clear();
  lower.clear();
  {
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(text.size());
    while (i < n) {
      UChar32 c;
      U8_NEXT(text.data(), i, n, c);
      char32_t cp = c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
      cps.push_back(cp);
      lower.push_back(FastLower(cp));
    }
  }
  out.reserve(out.size() + text.size() + text.size() / 4);
  const std::size_t n = cps.size();
  bool previous_word_caps = false;  // the last word had 2+ capitals, no small
  std::size_t i = 0;
  while (i < n) {
    // A word starts at a letter; in the reverse direction also at a mark
    // of the scheme's own (GOST 7.79's `` for ъ).
    bool starts_word = (GcMask(cps[i]) & U_GC_L_MASK) != 0 ||
                       (trailing_word_chars_ && IsWordChar(cps[i]));
    if (!starts_word) {
      AppendUtf8(out, cps[i]);
      ++i;
      continue;
    }
    Word word = ScanWord(cps, i);
    bool caps = word.all_caps && word.capitals >= 2;
    if (word.end - i == 1 && word.capitals == 1) {
      // A lone capital ("Я", an initial) is in capitals when a neighbouring
      // word is: "Я ЛЮБЛЮ" → "YA LIUBLIU", but "Ю. Тимошенко" → "Yu.".
      // A capital beside uncased letters or signs ("Dʺ", "N`") stays a
      // title: the prime cannot tell "Дъ" from "ДЪ"; the title is likelier.
      caps = previous_word_caps;
      if (!caps) {
        std::size_t k = word.end;
        while (k < n && (GcMask(cps[k]) & U_GC_L_MASK) == 0 && cps[k] != '\n')
          ++k;
        if (k < n && cps[k] != '\n') {
          Word next = ScanWord(cps, k);
          caps = next.all_caps && next.capitals >= 2;
        }
      }
    }
    previous_word_caps = word.all_caps && word.capitals >= 2;

    std::size_t k = i;
    while (k < word.end) {
      auto [begin, end] = RulesFor(lower[k]);
      const Rule* chosen = nullptr;
      for (std::uint32_t r = begin; r < end; ++r) {
        const Rule& rule = rules_[r];
        std::size_t len = rule.source.size();
        if (k + len > word.end) continue;
        if (len > 1 &&
            !std::equal(rule.source.begin() + 1, rule.source.end(),
                        lower.begin() + static_cast<std::ptrdiff_t>(k + 1))) {
          continue;
        }
        if (!Holds(rule, lower.data(), k, i, word.end)) continue;
        chosen = &rule;
        break;
      }
      if (chosen == nullptr) {
        AppendUtf8(out, cps[k]);
        ++k;
        continue;
      }
      Form form = caps                           ? kUpper
                  : (GcMask(cps[k]) & kUpperMask) ? kTitle
                                                  : kLower;
      out += ascii ? chosen->ascii[form] : chosen->forms[form];
      k += chosen->source.size();
    }
    i = word.end;
  }
}

TableScheme::TableScheme(TableSpec spec) : spec_(std::move(spec)) {}
TableScheme::~TableScheme() = default;

Result<std::unique_ptr<TableScheme>> TableScheme::Create(TableSpec spec) {
  auto fault = [&](std::uint32_t line, std::string message) {
    return Status::BadInput(std::move(message)).At({spec.path, line, 0, 0});
  };

  std::vector<TableMatcher::Rule> forward;
  std::vector<TableMatcher::Rule> reverse;
  std::u32string reverse_word_chars;
  for (const TableRule& r : spec.rules) {
    if (r.reverse_only) continue;
    for (char32_t c : r.source) {
      if ((GcMask(c) & kLetterOrMark) == 0 &&
          spec.word_chars.find(c) == std::u32string::npos) {
        return fault(r.line, "rule can never apply: '" + Utf8({c}) +
                                 "' is neither a letter nor in word-chars");
      }
    }
    TableMatcher::Rule rule;
    rule.source = r.source;
    rule.forms = CaseForms(r.target);
    if (r.has_title) rule.forms[kTitle] = r.title;
    rule.ascii = CaseForms(r.has_ascii ? r.ascii : StripMarks(r.target));
    rule.conditions = r.conditions;
    forward.push_back(std::move(rule));
  }

  if (spec.reversible) {
    auto add_reverse = [&](std::u32string source, std::string target,
                           std::vector<TableCondition> conditions) {
      for (char32_t c : source) {
        if ((GcMask(c) & kLetterOrMark) == 0 &&
            reverse_word_chars.find(c) == std::u32string::npos) {
          reverse_word_chars.push_back(c);
        }
      }
      TableMatcher::Rule rule;
      rule.source = std::move(source);
      rule.forms = CaseForms(target);
      rule.ascii = rule.forms;
      rule.conditions = std::move(conditions);
      reverse.push_back(std::move(rule));
    };
    // Explicit ← rules first: they carry the conditions of the Latin side.
    for (const TableRule& r : spec.rules) {
      if (r.reverse_only) add_reverse(r.source, r.target, r.conditions);
    }
    for (const TableRule& r : spec.rules) {
      if (r.reverse_only || r.noreverse || r.target.empty()) continue;
      std::u32string source = Decode(r.target);
      for (char32_t& c : source) c = FastLower(c);
      bool seen = std::any_of(reverse.begin(), reverse.end(), [&](auto& x) {
        return x.source == source && x.conditions.empty();
      });
      if (!seen) add_reverse(std::move(source), Utf8(r.source), {});
    }
  }

  std::unique_ptr<TableScheme> scheme(new TableScheme(std::move(spec)));
  scheme->forward_ = std::make_unique<TableMatcher>(
      std::move(forward), scheme->spec_.word_chars, false);
  if (scheme->spec_.reversible) {
    scheme->reverse_ = std::make_unique<TableMatcher>(
        std::move(reverse), std::move(reverse_word_chars), true);
  }
  return scheme;
}

void TableScheme::RomanizeTo(std::string_view text,
                             const RomanizeOptions& options,
                             std::string& out) const {
  if (IsNfc(text)) {
    forward_->Apply(text, options.ascii, out);
  } else {
    forward_->Apply(ToNfc(text), options.ascii, out);
  }
}

std::string TableScheme::Romanize(std::string_view text,
                                  const RomanizeOptions& options) const {
  std::string out;
  RomanizeTo(text, options, out);
  return out;
}

Result<std::string> TableScheme::Deromanize(std::string_view text) const {
  if (!reverse_) return Scheme::Deromanize(text);
  std::string out;
  if (IsNfc(text)) {
    reverse_->Apply(text, false, out);
  } else {
    reverse_->Apply(ToNfc(text), false, out);
  }
  return out;
}

}  // namespace onoma::romanize
