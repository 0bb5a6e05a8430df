// Tested by tests/romanize/korean_rr_test.cc, korean_mr_test.cc and
// korean_input_test.cc (jamo, NFD, pass-through).

#include <utility>

#include "lib/romanize/hangul_sound_internal.h"
#include "lib/romanize/korean_engine_internal.h"
#include "lib/text/utf8.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

bool Capitalizes(const RomanizeOptions& options) {
  return options.capitalize || options.name || options.place;
}

// The two consonants of a final cluster (ㄳ -> ㄱ ㅅ), for writing a
// cluster that stands alone letter by letter.
std::pair<int, int> ClusterParts(int tail) {
  using namespace hangul;
  switch (tail) {
    case kTailGs:
      return {kLeadG, kLeadS};
    case kTailNj:
      return {kLeadN, kLeadJ};
    case kTailNh:
      return {kLeadN, kLeadH};
    case kTailLg:
      return {kLeadR, kLeadG};
    case kTailLm:
      return {kLeadR, kLeadM};
    case kTailLb:
      return {kLeadR, kLeadB};
    case kTailLs:
      return {kLeadR, kLeadS};
    case kTailLt:
      return {kLeadR, kLeadT};
    case kTailLp:
      return {kLeadR, kLeadP};
    case kTailLh:
      return {kLeadR, kLeadH};
    case kTailBs:
      return {kLeadB, kLeadS};
    default:
      return {-1, -1};
  }
}

// Streams ScanHangul's pieces into the output (the plain mode's hot path).
struct PlainVisitor {
  const KoreanEngine& engine;
  const RomanizeOptions& options;
  std::string_view text;
  std::string* out;
  bool capitalize;

  void Run(std::span<Syllable> run, std::size_t begin, std::size_t) {
    const std::size_t start = out->size();
    engine.AppendWord(run, options, out);
    if (capitalize && StartsWord(text, begin)) CapitalizeAt(out, start);
  }
  void Letter(hangul::Letter letter, std::size_t begin, std::size_t) {
    const std::size_t start = out->size();
    engine.AppendLetter(letter, options, out);
    if (capitalize && StartsWord(text, begin)) CapitalizeAt(out, start);
  }
  void Other(std::string_view other) { out->append(other); }
};

struct SplitVisitor {
  std::vector<TextItem>* items;
  std::string_view text;
  void Run(std::span<Syllable> run, std::size_t begin, std::size_t end) {
    items->push_back(TextItem{TextItem::kRun,
                              begin,
                              end,
                              std::vector<Syllable>(run.begin(), run.end()),
                              {}});
  }
  void Letter(hangul::Letter letter, std::size_t begin, std::size_t end) {
    items->push_back(TextItem{TextItem::kLetter, begin, end, {}, letter});
  }
  void Other(std::string_view other) {
    std::size_t begin = static_cast<std::size_t>(other.data() - text.data());
    items->push_back(
        TextItem{TextItem::kOther, begin, begin + other.size(), {}, {}});
  }
};

}  // namespace

std::vector<TextItem> SplitText(std::string_view text) {
  std::vector<TextItem> items;
  std::vector<Syllable> buffer;
  SplitVisitor visitor{&items, text};
  hangul::ScanHangul(text, &buffer, visitor);
  return items;
}

bool StartsWord(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  std::size_t start = pos - 1;
  while (start > 0 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t length = 0;
  char32_t c = hangul::DecodeUtf8(text, start, &length);
  const bool ascii_alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9');
  // Latin and Cyrillic letters, and Hangul (a lone jamo before a run).
  const bool letter = (c >= 0xC0 && c <= 0x24F) || (c >= 0x400 && c <= 0x4FF) ||
                      (c >= 0x1100 && c <= 0x11FF) ||
                      (c >= 0x3131 && c <= 0x318E) || hangul::IsSyllable(c);
  return !ascii_alnum && !letter;
}

KoreanEngine::KoreanEngine(LetterWriter writer,
                           std::optional<LetterWriter> ascii_writer,
                           std::shared_ptr<const KoreanData> data)
    : writer_(std::move(writer)),
      ascii_writer_(std::move(ascii_writer)),
      data_(std::move(data)) {
  if (transliterates()) {
    transliterator_ = std::make_shared<const Transliterator>(writer_);
  }
}

void KoreanEngine::Romanize(std::string_view text,
                            const RomanizeOptions& options,
                            std::string* out) const {
  if (transliterates()) {
    // Names, places and hyphens for misreading would break the exact
    // reverse (RR 3.8 is for restoring the spelling); only capitals apply.
    transliterator_->Write(text, options.capitalize, out);
  } else if (options.name) {
    RomanizeName(*this, text, options, out);
  } else if (options.place) {
    RomanizePlace(*this, text, options, out);
  } else {
    RomanizePlain<false>(text, options, out);
  }
}

bool KoreanEngine::RomanizeChecked(std::string_view text,
                                   const RomanizeOptions& options,
                                   std::string* out) const {
  if (transliterates() || options.name || options.place) {
    if (!text::ValidateUtf8(text).ok()) return false;
    Romanize(text, options, out);
    return true;
  }
  return RomanizePlain<true>(text, options, out);
}

template <bool kCheck>
bool KoreanEngine::RomanizePlain(std::string_view text,
                                 const RomanizeOptions& options,
                                 std::string* out) const {
  // Hangul takes 3 bytes a syllable and 2 to 5 letters in Latin.
  out->reserve(out->size() + text.size() + text.size() / 4);
  thread_local std::vector<Syllable> buffer;
  PlainVisitor visitor{*this, options, text, out, Capitalizes(options)};
  return hangul::ScanHangul<kCheck>(text, &buffer, visitor);
}

void KoreanEngine::AppendWord(std::span<Syllable> run,
                              const RomanizeOptions& options, std::string* out,
                              int before) const {
  data_->exceptions.Apply(run);
  hangul::ApplySoundChanges(run, writer_.table().dental_h_aspirated,
                            options.place);
  writer(options).AppendRun(run, options.misreading_hyphen, out, before);
}

void KoreanEngine::AppendSyllables(std::span<const Syllable> syllables,
                                   char separator,
                                   const RomanizeOptions& options,
                                   std::string* out) const {
  const bool hyphen = separator != 0;
  const LetterWriter& w = writer(options);
  // RR 3.4: no sound change between the syllables of a name; each ends in
  // its own final sound, and only the letters' own contexts (voicing for
  // McCune–Reischauer, ㄹㄹ) look across.
  std::uint8_t last_tail = 0;
  std::string_view last_vowel;
  std::string_view last_tail_text;
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    Syllable s = syllables[i];
    s.tail = hangul::FinalSound(s.tail);
    int before = LetterWriter::kAtStart;
    int vowel_before = LetterWriter::kNoVowel;
    if (i > 0) {
      before = last_tail == 0 ? LetterWriter::kAfterOpen
                              : LetterWriter::AfterTail(last_tail);
      if (!hyphen && last_tail == 0 && s.lead == hangul::kLeadNone) {
        vowel_before = syllables[i - 1].vowel;
      }
    }
    int next = LetterWriter::kAtEnd;
    if (!hyphen && i + 1 < syllables.size()) next = syllables[i + 1].lead;
    std::string_view lead = w.Lead(before, s.lead, s.vowel).view();
    std::string_view vowel = w.Vowel(s.vowel, vowel_before).view();
    if (i > 0 &&
        (hyphen || (options.misreading_hyphen &&
                    w.Misreadable(last_vowel, last_tail_text, lead, vowel)))) {
      out->push_back(hyphen ? separator : '-');
    }
    const std::size_t start = out->size();
    std::string_view tail = w.Tail(s.tail, next).view();
    out->append(lead);
    out->append(vowel);
    out->append(tail);
    if (separator == ' ') CapitalizeAt(out, start);
    last_tail = s.tail;
    last_vowel = vowel;
    last_tail_text = tail;
  }
}

void KoreanEngine::AppendLetter(hangul::Letter letter,
                                const RomanizeOptions& options,
                                std::string* out) const {
  const LetterWriter& w = writer(options);
  if (letter.kind == hangul::Letter::kVowel) {
    out->append(w.Vowel(letter.vowel, LetterWriter::kNoVowel).view());
    return;
  }
  if (letter.lead == hangul::kLeadNone) {  // ㅇ alone: its final sound, ng
    out->append(w.Tail(hangul::kTailNg, LetterWriter::kAtEnd).view());
    return;
  }
  if (letter.lead >= 0) {
    out->append(w.Lead(LetterWriter::kAtStart, letter.lead, hangul::kA).view());
    return;
  }
  auto [first, second] = ClusterParts(letter.tail);
  if (first < 0) return;
  out->append(w.Lead(LetterWriter::kAtStart, first, hangul::kA).view());
  out->append(w.Lead(LetterWriter::kAtStart, second, hangul::kA).view());
}

}  // namespace onoma::romanize::internal
