#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <unordered_map>
#include <utility>

#include "lib/romanize/table_matcher_internal.h"
#include "lib/text/unicode.h"

namespace onoma::romanize::internal {
namespace {

enum Form { kLower = 0, kTitle = 1, kUpper = 2 };

std::uint32_t GcMask(char32_t c) {
  return U_GET_GC_MASK(static_cast<UChar32>(c));
}

constexpr std::uint32_t kUpperMask = U_GC_LU_MASK | U_GC_LT_MASK;

}  // namespace

bool IsLetterOrMark(char32_t c) {
  return (GcMask(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

char32_t FastLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А..Я
  if (c >= 0x430 && c <= 0x45F) return c;         // а..я, ѐ..џ
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
// The matcher proper: rules indexed by first letter, direct entries for
// the common letters, one classification per character.
class TableMatcher::Impl {
 public:
  struct Rule : MatcherRule {
    explicit Rule(MatcherRule rule) : MatcherRule(std::move(rule)) {}
    // Where forms[f] (and ascii[f] at 3 + f) lie in pool_.
    std::array<std::pair<std::uint32_t, std::uint32_t>, 6> packed{};
    // The one condition is "initial" (Є Ї Й Ю Я in uk-kmu2010): checked
    // inline, without walking the conditions.
    bool only_initial = false;
  };

  Impl(std::vector<MatcherRule> rules, std::u32string word_chars,
       bool trailing_word_chars)
      : rules_(std::make_move_iterator(rules.begin()),
               std::make_move_iterator(rules.end())),
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
    // All outputs in one buffer, padded so that a fixed 8-byte copy never
    // reads past its end: the writer copies 8 bytes and advances by the
    // length, which compiles to one load and one store.
    for (Rule& rule : rules_) {
      rule.only_initial =
          rule.conditions.size() == 1 &&
          rule.conditions[0].kind == TableCondition::Kind::kInitial;
      for (int f = 0; f < 6; ++f) {
        const std::string& form = f < 3 ? rule.forms[f] : rule.ascii[f - 3];
        rule.packed[f] = {static_cast<std::uint32_t>(pool_.size()),
                          static_cast<std::uint32_t>(form.size())};
        pool_ += form;
        max_output_ = std::max<std::size_t>(max_output_, form.size());
      }
    }
    pool_.append(kCopy, '\0');
    for (char32_t c = 0; c < kDense; ++c) {
      Cell cell = ClassifySlow(c);
      lower_[c] = cell.lower;
      flags_[c] = cell.flags;
    }
    for (char32_t c = 0; c < punctuation_flags_.size(); ++c) {
      punctuation_flags_[c] = ClassifySlow(kPunctuation + c).flags;
    }
    dense_.fill({0, 0});
    fast_index_.fill(0);
    fast_.emplace_back();  // index 0: no direct entry
    for (std::uint32_t i = 0; i < rules_.size();) {
      char32_t first = rules_[i].source[0];
      std::uint32_t j = i;
      while (j < rules_.size() && rules_[j].source[0] == first) ++j;
      if (first < kDense) {
        dense_[first] = {i, j};
        // The common cases get a direct entry: one rule of one letter with
        // no conditions, as for most letters of every table; and the
        // positional letters, one form at the start of a word and another
        // elsewhere (Є Ї Й Ю Я in uk-kmu2010).
        if (j == i + 1 && rules_[i].source.size() == 1 &&
            rules_[i].conditions.empty()) {
          fast_index_[first] = AddFast(rules_[i]);
        } else if (j == i + 2 && rules_[i].source.size() == 1 &&
                   rules_[i + 1].source.size() == 1 && rules_[i].only_initial &&
                   rules_[i + 1].conditions.empty()) {
          fast_index_[first] = AddFast(rules_[i]) | kInitialPair;
          AddFast(rules_[i + 1]);
        }
      } else {
        sparse_[first] = {i, j};
      }
      i = j;
    }
  }

  void Apply(std::string_view text, bool ascii, std::string& out,
             bool* valid) const;

 private:
  // What the matcher needs to know of one character, looked up once per
  // character: a table for the common blocks, ICU for the rest. ICU's
  // property functions are not inlined, and calling them several times per
  // character cost half the throughput.
  enum : std::uint8_t {
    kLetter = 1,     // general category L*
    kMark = 2,       // general category M*
    kCapital = 4,    // Lu or Lt
    kSmall = 8,      // Ll
    kWordChar = 16,  // one of the table's word-chars
    kNfcSafe = 32,   // NFC_Quick_Check=Yes and combining class 0: text made
                     // of such characters only is NFC as it stands
  };
  struct Cell {
    char32_t cp;
    char32_t lower;
    std::uint8_t flags;
  };

  Cell ClassifySlow(char32_t c) const {
    std::uint32_t gc = GcMask(c);
    std::uint8_t flags = 0;
    if (gc & U_GC_L_MASK) flags |= kLetter;
    if (gc & U_GC_M_MASK) flags |= kMark;
    if (gc & kUpperMask) flags |= kCapital;
    if (gc & U_GC_LL_MASK) flags |= kSmall;
    if (word_chars_.find(c) != std::u32string::npos) flags |= kWordChar;
    if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) ==
            UNORM_YES &&
        u_getCombiningClass(static_cast<UChar32>(c)) == 0) {
      flags |= kNfcSafe;
    }
    return {c, FastLower(c), flags};
  }

  Cell Classify(char32_t c) const {
    if (c < kDense) return {c, lower_[c], flags_[c]};
    // General punctuation: the Ukrainian apostrophe ’, dashes, quotes.
    if (c - kPunctuation < punctuation_flags_.size()) {
      return {c, c, punctuation_flags_[c - kPunctuation]};
    }
    return ClassifySlow(c);
  }

  static constexpr char32_t kDense = 0x530;         // ASCII, Latin, Cyrillic
  static constexpr char32_t kPunctuation = 0x2000;  // General Punctuation
  using Range = std::pair<std::uint32_t, std::uint32_t>;

  Range RulesFor(char32_t first) const {
    if (first < kDense) return dense_[first];
    auto it = sparse_.find(first);
    return it == sparse_.end() ? Range{0, 0} : it->second;
  }

  bool Holds(const Rule& rule, const Cell* cells, std::size_t at,
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
              cond.chars.find(cells[at - 1].lower) == std::u32string::npos) {
            return false;
          }
          break;
        case TableCondition::Kind::kBefore:
          if (after >= word_end ||
              cond.chars.find(cells[after].lower) == std::u32string::npos) {
            return false;
          }
          break;
      }
    }
    return true;
  }

  // Whether a word starts here: at a letter; in the reverse direction also
  // at a mark of the scheme's own (GOST 7.79's `` for ъ).
  bool StartsWord(const Cell& cell) const {
    return (cell.flags & kLetter) ||
           (trailing_word_chars_ && (cell.flags & kWordChar));
  }

  // The extent of the word starting at `begin` and its case.
  struct Word {
    std::size_t end;
    bool all_caps;  // no small letter
    int capitals;
  };
  Word ScanWord(const std::vector<Cell>& cells, std::size_t n,
                std::size_t begin) const {
    Word w{begin, true, 0};
    while (w.end < n) {
      std::uint8_t f = cells[w.end].flags;
      if (f & (kLetter | kMark)) {
        if (f & kCapital) ++w.capitals;
        if (f & kSmall) w.all_caps = false;
        ++w.end;
      } else if ((f & kWordChar) &&
                 (trailing_word_chars_ ||
                  (w.end + 1 < n && (cells[w.end + 1].flags & kLetter)))) {
        ++w.end;
      } else {
        break;
      }
    }
    return w;
  }

  static constexpr std::size_t kCopy = 8;

  // Decodes `text` into `cells`, sets `count`, and returns whether every
  // character is kNfcSafe. Malformed bytes become U+FFFD and set
  // `malformed`. The vector only grows, so that a line does not pay for
  // zeroing it.
  bool Decode(std::string_view text, std::vector<Cell>& cells,
              std::size_t& count, bool& malformed) const {
    if (cells.size() < text.size()) cells.resize(text.size());
    count = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0;
    const std::size_t n = text.size();
    std::uint8_t all = kNfcSafe;
    while (i < n) {
      char32_t cp;
      unsigned char b = p[i];
      if (b < 0x80) {
        cp = b;
        ++i;
      } else if (b >= 0xC2 && b < 0xE0 && i + 1 < n &&
                 (p[i + 1] & 0xC0) == 0x80) {
        // Two-byte sequences (all of Cyrillic) decoded inline; the rest by
        // ICU's macro, which also turns malformed bytes into U+FFFD.
        cp = (static_cast<char32_t>(b & 0x1F) << 6) | (p[i + 1] & 0x3F);
        i += 2;
      } else {
        auto at = static_cast<std::int32_t>(i);
        UChar32 c;
        U8_NEXT(text.data(), at, static_cast<std::int32_t>(n), c);
        i = static_cast<std::size_t>(at);
        if (c < 0) malformed = true;
        cp = c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
      }
      Cell cell = Classify(cp);
      all &= cell.flags;
      cells[count++] = cell;
    }
    return all != 0;
  }

  // Writes `len` bytes from `src` at `w` and returns the new end. REQUIRES:
  // kCopy bytes are readable at src and writable at w.
  static char* Put(char* w, const char* src, std::size_t len) {
    if (len <= kCopy) {
      std::memcpy(w, src, kCopy);
    } else {
      std::memcpy(w, src, len);
    }
    return w + len;
  }

  static char* PutUtf8(char* w, char32_t c) {
    if (c < 0x80) {
      *w = static_cast<char>(c);
      return w + 1;
    }
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(w, len, static_cast<UChar32>(c));
    return w + len;
  }

  std::vector<Rule> rules_;
  std::string pool_;
  std::size_t max_output_ = 4;  // bytes of the longest output, or a code point
  std::u32string word_chars_;
  bool trailing_word_chars_;
  std::array<Range, kDense> dense_;

  // Direct entries for the common letters, kept small and together: the
  // rules themselves are large, and reaching into them per letter cost a
  // fifth of the time in cache misses.
  struct Fast {
    std::array<std::uint32_t, 6> offset;  // in pool_: 3 forms, 3 ASCII forms
    std::array<std::uint8_t, 6> length;
  };
  static constexpr std::uint16_t kInitialPair = 0x8000;
  std::uint16_t AddFast(const Rule& rule) {
    Fast fast{};
    for (int f = 0; f < 6; ++f) {
      fast.offset[f] = rule.packed[f].first;
      fast.length[f] = static_cast<std::uint8_t>(rule.packed[f].second);
    }
    fast_.push_back(fast);
    return static_cast<std::uint16_t>(fast_.size() - 1);
  }
  std::vector<Fast> fast_;
  // Per letter: 0, or an index into fast_; with kInitialPair, the entry is
  // the word-initial form and the next entry the form elsewhere.
  std::array<std::uint16_t, kDense> fast_index_;
  std::array<char32_t, kDense> lower_;
  std::array<std::uint8_t, kDense> flags_;
  std::array<std::uint8_t, 0x70> punctuation_flags_;  // U+2000..U+206F
  std::unordered_map<char32_t, Range> sparse_;
};

void TableMatcher::Impl::Apply(std::string_view text, bool ascii,
                               std::string& out, bool* valid) const {
  // Reused across calls on one thread: the streaming path romanizes line
  // after line without allocating.
  thread_local std::vector<Cell> cells;
  thread_local std::string normalized;
  std::size_t n = 0;
  bool malformed = false;
  const bool nfc_safe = Decode(text, cells, n, malformed);
  if (valid != nullptr) *valid = !malformed;
  if (!nfc_safe) {
    // Some character may not be in NFC (a combining mark, a singleton):
    // ask ICU, and normalize only when it says so. NFD input of Й (И +
    // U+0306) then gives the same output as NFC.
    if (!text::IsNfc(text)) {
      normalized = text::ToNfc(text);
      Decode(normalized, cells, n, malformed);
    }
  }
  // Written into a scratch buffer with room for the longest output per
  // character plus the copy's slack, then appended: growing `out` by that
  // room would zero four times the text's size for every line.
  thread_local std::unique_ptr<char[]> scratch;
  thread_local std::size_t scratch_size = 0;
  const std::size_t room = n * max_output_ + kCopy;
  if (scratch_size < room) {
    scratch_size = std::max(room, 2 * scratch_size);
    scratch = std::make_unique_for_overwrite<char[]>(scratch_size);
  }
  char* const start = scratch.get();
  char* w = start;
  bool previous_word_caps = false;  // the last word had 2+ capitals, no small
  std::size_t i = 0;
  while (i < n) {
    if (!StartsWord(cells[i])) {
      w = PutUtf8(w, cells[i].cp);
      ++i;
      continue;
    }
    Word word = ScanWord(cells, n, i);
    bool caps = word.all_caps && word.capitals >= 2;
    if (word.end - i == 1 && word.capitals == 1) {
      // A lone capital ("Я", an initial) is in capitals when a neighbouring
      // word is: "Я ЛЮБЛЮ" → "YA LIUBLIU", but "Ю. Тимошенко" → "Yu.".
      // A capital beside uncased letters or signs ("Dʺ", "N`") stays a
      // title: the prime cannot tell "Дъ" from "ДЪ"; the title is likelier.
      caps = previous_word_caps;
      if (!caps) {
        std::size_t k = word.end;
        while (k < n && !StartsWord(cells[k]) && cells[k].cp != '\n') ++k;
        if (k < n && cells[k].cp != '\n') {
          Word next = ScanWord(cells, n, k);
          caps = next.all_caps && next.capitals >= 2;
        }
      }
    }
    previous_word_caps = word.all_caps && word.capitals >= 2;

    std::size_t k = i;
    while (k < word.end) {
      const Cell& cell = cells[k];
      // Branch-free: the case of letters and the position in the word are
      // data the branch predictor cannot learn.
      static_assert(kCapital == 4 && kTitle == 1);
      int form = caps ? kUpper : (cell.flags >> 2) & 1;
      if (cell.lower < kDense && fast_index_[cell.lower] != 0) {
        std::uint16_t raw = fast_index_[cell.lower];
        auto index = static_cast<std::uint16_t>(
            (raw & ~kInitialPair) + ((raw >> 15) & (k != i ? 1 : 0)));
        const Fast& fast = fast_[index];
        int f = ascii ? 3 + form : form;
        w = Put(w, pool_.data() + fast.offset[f], fast.length[f]);
        ++k;
        continue;
      }
      auto [begin, end] = RulesFor(cell.lower);
      const Rule* chosen = nullptr;
      for (std::uint32_t r = begin; r < end; ++r) {
        const Rule& rule = rules_[r];
        std::size_t len = rule.source.size();
        if (len > 1) {
          if (k + len > word.end) continue;
          bool same = true;
          for (std::size_t m = 1; m < len && same; ++m) {
            same = cells[k + m].lower == rule.source[m];
          }
          if (!same) continue;
        }
        if (rule.only_initial) {
          if (k != i) continue;
        } else if (!rule.conditions.empty() &&
                   !Holds(rule, cells.data(), k, i, word.end)) {
          continue;
        }
        chosen = &rule;
        break;
      }
      if (chosen == nullptr) {
        w = PutUtf8(w, cells[k].cp);
        ++k;
        continue;
      }
      auto [offset, length] = chosen->packed[ascii ? 3 + form : form];
      w = Put(w, pool_.data() + offset, length);
      k += chosen->source.size();
    }
    i = word.end;
  }
  out.append(start, static_cast<std::size_t>(w - start));
}

TableMatcher::TableMatcher(std::vector<MatcherRule> rules,
                           std::u32string word_chars, bool trailing_word_chars)
    : impl_(std::make_unique<const Impl>(
          std::move(rules), std::move(word_chars), trailing_word_chars)) {}

TableMatcher::~TableMatcher() = default;

void TableMatcher::Apply(std::string_view text, bool ascii, std::string& out,
                         bool* valid) const {
  impl_->Apply(text, ascii, out, valid);
}

}  // namespace onoma::romanize::internal
