// ICU's sentence iterator (UAX #29 sentence rules) with onoma's exception
// lists on top. ICU proposes every place where a sentence may end; the
// tables from tables/segment/ take back the ones wire copy disproves:
// abbreviations, initials, quotations that go on after their closing mark,
// and datelines cut off as segments of their own. docs/segment.md lists the
// rules in the order Suppress() applies them.
//
// Tested by tests/segment/sentence_splitter_test.cc.

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "lib/segment/break_engine_internal.h"
#include "lib/text/icu_internal.h"

namespace onoma::segment::internal {
namespace {

// ICU builds a sentence iterator by parsing its compiled rules; a clone
// shares them. One prototype per locale, never iterated, never destroyed.
Result<std::unique_ptr<icu::BreakIterator>> CloneSentenceIterator(
    const std::string& lang) {
  static auto* mutex = new std::mutex;
  static auto* prototypes =
      new std::map<std::string, std::unique_ptr<icu::BreakIterator>>;
  std::lock_guard<std::mutex> lock(*mutex);
  auto it = prototypes->find(lang);
  if (it == prototypes->end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> prototype(
        icu::BreakIterator::createSentenceInstance(icu::Locale(lang.c_str()),
                                                   status));
    if (U_FAILURE(status) || prototype == nullptr) {
      return Status::Internal("cannot build ICU sentence iterator for '" +
                              lang + "': " + u_errorName(status));
    }
    it = prototypes->emplace(lang, std::move(prototype)).first;
  }
  std::unique_ptr<icu::BreakIterator> copy(it->second->clone());
  if (copy == nullptr) {
    return Status::Internal("cannot clone ICU sentence iterator");
  }
  return copy;
}

UChar32 At(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  auto length = static_cast<std::int32_t>(s.size());
  auto offset = static_cast<std::int32_t>(i);
  U8_NEXT(s.data(), offset, length, c);
  return c;
}

std::size_t Next(std::string_view s, std::size_t i) {
  auto length = static_cast<std::int32_t>(s.size());
  auto offset = static_cast<std::int32_t>(i);
  U8_FWD_1(s.data(), offset, length);
  return static_cast<std::size_t>(offset);
}

// The code point that ends at byte `i`, and where it starts.
UChar32 Before(std::string_view s, std::size_t i, std::size_t* start) {
  auto offset = static_cast<std::int32_t>(i);
  UChar32 c = 0;
  U8_PREV(s.data(), 0, offset, c);
  if (start != nullptr) *start = static_cast<std::size_t>(offset);
  return c;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) != 0; }
bool IsLetter(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_ALPHABETIC); }
bool IsWordChar(UChar32 c) { return IsLetter(c) || u_isdigit(c) != 0; }
bool IsLower(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_LOWERCASE); }
bool IsUpper(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_UPPERCASE); }
bool IsDash(UChar32 c) {
  return c == '-' || u_charType(c) == U_DASH_PUNCTUATION;
}
bool IsOpening(UChar32 c) {
  int8_t type = u_charType(c);
  return c == '"' || c == '\'' || type == U_START_PUNCTUATION ||
         type == U_INITIAL_PUNCTUATION;
}

bool IsClosing(UChar32 c) {
  int8_t type = u_charType(c);
  return c == '"' || c == '\'' || type == U_END_PUNCTUATION ||
         type == U_FINAL_PUNCTUATION;
}

// Whether a sentence that begins with a number may begin at `i`: a digit
// after spaces, after a full stop, question or exclamation mark and any
// closing marks. ICU's rules (UAX #29, SB8) never end a sentence there
// when a lower-case word follows the number ("у Telegram. 37-річний Усик",
// "in 2023. 15 people died").
bool NumberStartsAt(std::string_view p, std::size_t i) {
  if (i == 0 || i >= p.size() || u_isdigit(At(p, i)) == 0) return false;
  std::size_t at = i;
  std::size_t before = 0;
  if (!IsSpace(Before(p, at, &before))) return false;
  while (at > 0 && IsSpace(Before(p, at, &before))) at = before;
  while (at > 0 && IsClosing(Before(p, at, &before))) at = before;
  if (at == 0) return false;
  const UChar32 end = Before(p, at, &before);
  return end == '.' || end == '!' || end == '?';
}

// Whether `text` ends with `entry` and the entry starts a word there (a
// letter or digit just before it would make "Gen." out of "Ogen.").
bool EndsWithEntry(std::string_view text, std::string_view entry) {
  if (text.size() < entry.size() ||
      text.substr(text.size() - entry.size()) != entry) {
    return false;
  }
  std::size_t at = text.size() - entry.size();
  return at == 0 || !IsWordChar(Before(text, at, nullptr));
}

// How an abbreviation in the table treats a period after it.
enum class EntryKind { kTitle, kAbbrev, kFinal, kTime };

struct Entry {
  std::string text;
  EntryKind kind;
};

// `entry` with its first letter in upper case ("проф." -> "Проф."), or
// empty when that changes nothing.
std::string Capitalized(std::string_view entry) {
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(entry.data(), i, static_cast<std::int32_t>(entry.size()), c);
  const UChar32 upper = u_toupper(c);
  if (upper == c) return {};
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, upper, error);
  if (error) return {};
  return std::string(buffer, static_cast<std::size_t>(length)) +
         std::string(entry.substr(static_cast<std::size_t>(i)));
}

// Whether `text` starts with one of the words in `list`, followed by a
// character that is not a letter (so that "고" does not match "고려").
bool StartsWithWord(std::string_view text,
                    const std::vector<std::string>& list) {
  for (const std::string& word : list) {
    if (text.substr(0, word.size()) != word) continue;
    if (word.size() == text.size() || !IsLetter(At(text, word.size()))) {
      return true;
    }
  }
  return false;
}

// Whether a number comes before `entry`, which `text` ends with, after
// at most one space: "10 p.m.", "1:13a.m.".
bool AfterNumber(std::string_view text, std::string_view entry) {
  std::string_view before = text.substr(0, text.size() - entry.size());
  if (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return !before.empty() && before.back() >= '0' && before.back() <= '9';
}

// "K." in "K. Budanov": one capital letter that starts a word, then a
// period.
bool EndsWithInitial(std::string_view text) {
  if (text.size() < 2 || text.back() != '.') return false;
  std::size_t start = 0;
  UChar32 letter = Before(text, text.size() - 1, &start);
  if (!IsUpper(letter)) return false;
  return start == 0 || !IsLetter(Before(text, start, nullptr));
}

class TableEngine : public BreakEngine {
 public:
  TableEngine(SegmentRules rules, std::unique_ptr<icu::BreakIterator> it)
      : rules_(std::move(rules)), iterator_(std::move(it)) {
    // Tables list abbreviations as written mid-sentence; at the start of
    // one they are capitalized ("Проф. Петров"), so both forms count.
    auto add = [this](const std::vector<std::string>& list, EntryKind kind) {
      for (const std::string& entry : list) {
        entries_.push_back({entry, kind});
        std::string capital = Capitalized(entry);
        if (!capital.empty()) entries_.push_back({std::move(capital), kind});
      }
    };
    add(rules_.titles, EntryKind::kTitle);
    add(rules_.abbrevs, EntryKind::kAbbrev);
    add(rules_.finals, EntryKind::kFinal);
    add(rules_.times, EntryKind::kTime);
  }

  Status CompileDatelines() {
    for (const std::string& source : rules_.datelines) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error{};
      std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
          text::ToUnicodeString(source), 0, parse_error, status));
      std::unique_ptr<icu::RegexMatcher> matcher;
      if (U_SUCCESS(status)) matcher.reset(pattern->matcher(status));
      if (U_FAILURE(status)) {
        return Status::BadInput(std::string("bad dateline pattern: ") +
                                u_errorName(status))
            .At({rules_.path, 0, 0, 0})
            .WithSnippet(source);
      }
      patterns_.push_back(std::move(pattern));
      matchers_.push_back(std::move(matcher));
    }
    return Status::Ok();
  }

  void Breaks(std::string_view paragraph,
              std::vector<std::size_t>& out) override {
    if (paragraph.empty()) return;
    const text::Utf8Text opened(paragraph);
    UText* utext = opened.get();
    if (utext == nullptr) return;
    UErrorCode status = U_ZERO_ERROR;

    std::size_t start = DatelineEnd(utext);
    if (start > 0 && start < paragraph.size()) out.push_back(start);

    // The iterator runs over the whole paragraph (so that its rules see
    // the context); breaks inside the dateline are ignored.
    icu::BreakIterator& iterator = *iterator_;
    iterator.setText(utext, status);
    if (U_FAILURE(status)) return;
    std::size_t scanned = 0;
    for (std::int32_t b = iterator.following(static_cast<std::int32_t>(start));
         b != icu::BreakIterator::DONE; b = iterator.next()) {
      auto at = static_cast<std::size_t>(b);
      // Sentences that begin with a number, which ICU does not propose
      // (each byte looked at once, though breaks are suppressed).
      for (std::size_t x = std::max(start + 1, scanned);
           x < std::min(at, paragraph.size()); ++x) {
        if (paragraph[x] >= '0' && paragraph[x] <= '9' &&
            NumberStartsAt(paragraph, x) && !Suppress(paragraph, start, x)) {
          out.push_back(x);
          start = x;
        }
      }
      scanned = std::max(scanned, at);
      if (at >= paragraph.size()) break;
      if (Suppress(paragraph, start, at)) continue;
      out.push_back(at);
      start = at;
    }
  }

 private:
  // The end of the dateline that opens the paragraph; 0 when none does.
  std::size_t DatelineEnd(UText* utext) {
    for (auto& matcher : matchers_) {
      UErrorCode status = U_ZERO_ERROR;
      matcher->reset(utext);
      if (matcher->lookingAt(status) && U_SUCCESS(status)) {
        std::int64_t end = matcher->end64(status);
        if (U_SUCCESS(status) && end > 0) return static_cast<std::size_t>(end);
      }
    }
    return 0;
  }

  // Whether the break ICU proposes at `b` (the segment began at `start`)
  // is one of the exceptions. The order is docs/segment.md's.
  bool Suppress(std::string_view p, std::size_t start, std::size_t b) const {
    std::size_t end = b;  // the segment without its trailing spaces
    std::size_t prev_start = 0;
    while (end > start && IsSpace(Before(p, end, &prev_start))) {
      end = prev_start;
    }
    if (end == start) return true;
    const bool spaced = end != b;
    const std::string_view prev = p.substr(start, end - start);

    // 1. No space, and a letter or digit follows: `…했다."라고`, `"Go!"—`
    //    never starts a sentence glued to the last one.
    if (!spaced && IsWordChar(At(p, b))) return true;

    // The next word: after spaces; for rules 2 and 3 also after dashes
    // (`!» — сказав він`).
    std::size_t next = b;
    while (next < p.size() && IsSpace(At(p, next))) next = Next(p, next);
    std::size_t word = next;
    while (word < p.size() && (IsSpace(At(p, word)) || IsDash(At(p, word)))) {
      word = Next(p, word);
    }
    // 2. A lower-case word goes on the same sentence (`"Ready?" he asked`).
    if (word < p.size() && IsLower(At(p, word))) return true;
    // 3. A continuation word (Korean quotative particles).
    if (StartsWithWord(p.substr(word), rules_.continuations)) return true;

    // 4-6. The longest table entry the segment ends with decides ("и т. д."
    // is final though "д." alone is a title).
    const Entry* entry = nullptr;
    for (const Entry& e : entries_) {
      if ((entry == nullptr || e.text.size() > entry->text.size()) &&
          EndsWithEntry(prev, e.text)) {
        entry = &e;
      }
    }
    std::size_t opener = next;
    while (opener < p.size() && IsOpening(At(p, opener))) {
      opener = Next(p, opener);
    }
    const bool starter = StartsWithWord(p.substr(opener), rules_.starters);
    const UChar32 first = opener < p.size() ? At(p, opener) : 0;
    if (entry != nullptr) {
      switch (entry->kind) {
        case EntryKind::kTitle:  // 4. Titles never end a sentence.
          return true;
        case EntryKind::kAbbrev:  // 5. Others only before an opener.
          return !starter;
        case EntryKind::kFinal:  // 6. Final ones unless a number follows.
          return u_isdigit(first) != 0;
        case EntryKind::kTime:  // 5a. "10 p.m." before a capital ends one
                                // unless the capital says when ("Monday").
          if (AfterNumber(prev, entry->text)) {
            return !IsUpper(first) ||
                   StartsWithWord(p.substr(opener), rules_.when);
          }
          return !starter;
      }
    }
    // 7. An initial before a capitalized word: "K. Budanov"; not before
    //    a quotation mark or bracket ("у групі H. «Барселона» очолює").
    if (!starter && opener == next && IsUpper(first) && EndsWithInitial(prev)) {
      return true;
    }
    return false;
  }

  SegmentRules rules_;
  std::vector<Entry> entries_;
  std::unique_ptr<icu::BreakIterator> iterator_;
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
};

}  // namespace

Result<std::unique_ptr<BreakEngine>> MakeTableEngine(
    const SegmentRules& rules) {
  auto iterator = CloneSentenceIterator(rules.lang);
  if (!iterator.ok()) return iterator.status();
  auto engine = std::make_unique<TableEngine>(rules, std::move(*iterator));
  ONOMA_RETURN_IF_ERROR(engine->CompileDatelines());
  return std::unique_ptr<BreakEngine>(std::move(engine));
}

}  // namespace onoma::segment::internal
