#include "lib/text/word_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "lib/text/icu_internal.h"

// Tested by tests/text/word_break_test.cc.

namespace onoma::text {

struct WordBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  // Where Start/Next stand: done, one kNone span of `size` bytes to give
  // (text ICU cannot take), or ICU's boundaries from `begin` on.
  enum class Mode { kDone, kWhole, kIcu } mode = Mode::kDone;
  std::size_t size = 0;
  std::int32_t begin = 0;
};

namespace {

WordKind KindOf(std::int32_t rule_status) {
  if (rule_status < UBRK_WORD_NONE_LIMIT) return WordKind::kNone;
  if (rule_status < UBRK_WORD_NUMBER_LIMIT) return WordKind::kNumber;
  if (rule_status < UBRK_WORD_LETTER_LIMIT) return WordKind::kLetter;
  if (rule_status < UBRK_WORD_KANA_LIMIT) return WordKind::kKana;
  return WordKind::kIdeographic;
}

Result<icu::Locale> ParseLocale(std::string_view id) {
  if (id.empty()) return icu::Locale::getRoot();
  const std::string id_string(id);
  if (id.find('-') != std::string_view::npos) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(id_string, status);
    if (U_FAILURE(status) || locale.isBogus()) {
      return Status::BadArgument("malformed locale id '" + id_string + "'");
    }
    return locale;
  }
  icu::Locale locale(id_string.c_str());
  if (locale.isBogus()) {
    return Status::BadArgument("malformed locale id '" + id_string + "'");
  }
  return locale;
}

// Building a word iterator parses ICU's compiled rules; cloning one is a
// copy that shares them. So each locale's iterator is built once, kept here
// as a prototype that is never iterated, and cloned for each WordBreaker.
// The cache holds one entry per distinct locale a process asks for, which
// is a handful.
class PrototypeCache {
 public:
  Result<std::unique_ptr<icu::BreakIterator>> Clone(const icu::Locale& locale) {
    const std::string key = locale.getName();
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = prototypes_.find(key);
    if (it == prototypes_.end()) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> prototype(
          icu::BreakIterator::createWordInstance(locale, status));
      if (U_FAILURE(status) || prototype == nullptr) {
        return Status::Internal(
            "cannot build ICU word break iterator for locale '" + key +
            "': " + u_errorName(status));
      }
      it = prototypes_.emplace(key, std::move(prototype)).first;
    }
    std::unique_ptr<icu::BreakIterator> copy(it->second->clone());
    if (copy == nullptr) {
      return Status::Internal("cannot clone ICU word break iterator");
    }
    return copy;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> prototypes_;
};

PrototypeCache& Prototypes() {
  // Never destroyed (leveldb's NoDestructor idiom), so that a breaker
  // created while other statics are torn down still finds it.
  static auto* cache = new PrototypeCache;
  return *cache;
}

}  // namespace

Result<WordBreaker> WordBreaker::Create(std::string_view locale) {
  Result<icu::Locale> parsed = ParseLocale(locale);
  if (!parsed.ok()) return parsed.status();
  Result<std::unique_ptr<icu::BreakIterator>> iterator =
      Prototypes().Clone(*parsed);
  if (!iterator.ok()) return iterator.status();
  auto impl = std::make_unique<Impl>();
  impl->iterator = std::move(*iterator);
  return WordBreaker(std::move(impl));
}

WordBreaker::WordBreaker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WordBreaker::WordBreaker(WordBreaker&& other) noexcept = default;
WordBreaker& WordBreaker::operator=(WordBreaker&& other) noexcept = default;
WordBreaker::~WordBreaker() = default;

std::vector<WordSpan> WordBreaker::Words(std::string_view text) {
  std::vector<WordSpan> out;
  Words(text, out);
  return out;
}

void WordBreaker::Words(std::string_view text, std::vector<WordSpan>& out) {
  out.clear();
  Start(text);
  for (WordSpan span; Next(span);) out.push_back(span);
}

void WordBreaker::Start(std::string_view text) {
  Impl& state = *impl_;
  state.mode = Impl::Mode::kDone;
  state.size = text.size();
  if (text.empty()) return;
  state.mode = Impl::Mode::kWhole;
  if (text.size() >
      static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    return;
  }

  // A UText over the UTF-8 bytes makes the iterator's native indices byte
  // offsets into `text`: no conversion to UTF-16 and no offset mapping back.
  const Utf8Text opened(text);
  UText* utext = opened.get();
  if (utext == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;

  // setText() takes a shallow clone of the UText, so the iterator points
  // into `text` until the next Start; it reads it in Next.
  icu::BreakIterator& iterator = *state.iterator;
  iterator.setText(utext, status);
  if (U_FAILURE(status)) return;
  state.begin = iterator.first();
  state.mode = Impl::Mode::kIcu;
}

bool WordBreaker::Next(WordSpan& span) {
  Impl& state = *impl_;
  switch (state.mode) {
    case Impl::Mode::kDone:
      return false;
    case Impl::Mode::kWhole:
      span = {0, state.size, WordKind::kNone};
      state.mode = Impl::Mode::kDone;
      return true;
    case Impl::Mode::kIcu:
      break;
  }
  icu::BreakIterator& iterator = *state.iterator;
  const std::int32_t end = iterator.next();
  if (end == icu::BreakIterator::DONE) {
    state.mode = Impl::Mode::kDone;
    return false;
  }
  span = {static_cast<std::size_t>(state.begin), static_cast<std::size_t>(end),
          KindOf(iterator.getRuleStatus())};
  state.begin = end;
  return true;
}

}  // namespace onoma::text
