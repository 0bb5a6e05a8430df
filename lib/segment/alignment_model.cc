#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "lib/segment/alignment_model_internal.h"
#include "lib/text/utf8.h"

// Tested by tests/segment/aligner_test.cc.

namespace onoma::segment::internal {
namespace {

using KeyIds = std::map<std::string, std::uint32_t, std::less<>>;

std::vector<std::vector<std::uint32_t>> KeysOf(const Document& doc,
                                               const AnchorSource& anchors,
                                               const std::string& lang,
                                               KeyIds& ids) {
  std::vector<std::vector<std::uint32_t>> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    for (const std::string& key : anchors.ConceptKeys(doc.sentences[i], lang)) {
      auto it = ids.try_emplace(key, static_cast<std::uint32_t>(ids.size()));
      out[i].push_back(it.first->second);
    }
    std::sort(out[i].begin(), out[i].end());
  }
  return out;
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Calls `f(word, has_capital)` for each word of Latin letters and digits
// (two characters or more, one of them a letter) in `s`, lower-cased:
// "SK" and "hynix" in "SK하이닉스 (SK hynix)".
template <typename F>
void ForEachLatinWord(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsAsciiLetter(s[i]) && !(s[i] >= '0' && s[i] <= '9')) {
      ++i;
      continue;
    }
    std::string word;
    bool letter = false;
    bool capital = false;
    for (;
         i < s.size() && (IsAsciiLetter(s[i]) || (s[i] >= '0' && s[i] <= '9'));
         ++i) {
      letter = letter || IsAsciiLetter(s[i]);
      capital = capital || (s[i] >= 'A' && s[i] <= 'Z');
      word += static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a'
                                                           : s[i]);
    }
    if (letter && word.size() >= 2) f(word, capital);
  }
}

// Whether most letters of `doc` are Latin (ASCII and Latin-1 to Latin
// Extended-B) rather than Hangul, Cyrillic or another script.
bool WrittenInLatin(const Document& doc) {
  std::size_t latin = 0;
  std::size_t other = 0;
  for (const std::string& sentence : doc.sentences) {
    for (std::size_t i = 0; i < sentence.size();) {
      char32_t c = 0;
      text::DecodeNext(sentence, i, c);
      if (c < 0x80) {
        latin += IsAsciiLetter(static_cast<char>(c)) ? 1 : 0;
      } else if (c >= 0xC0 && c < 0x250) {
        ++latin;
      } else if (c >= 0x370) {
        ++other;  // letters of other scripts, and some signs
      }
    }
  }
  return latin >= other;
}

// Words in Latin letters that a document in another script keeps as the
// English has them ("ICBM", "SK하이닉스", "Telegram") link the sentences
// that have them: keys "lat:<word>", for words with a capital letter in
// the document of the other script that the Latin one has too (in any
// case). Nothing when both documents, or neither, are written in Latin.
void AddLatinWords(const Document& source, const Document& target, KeyIds& ids,
                   std::vector<std::vector<std::uint32_t>>& source_keys,
                   std::vector<std::vector<std::uint32_t>>& target_keys) {
  const bool source_latin = WrittenInLatin(source);
  if (source_latin == WrittenInLatin(target)) return;
  const Document& latin = source_latin ? source : target;
  const Document& other = source_latin ? target : source;
  auto& latin_keys = source_latin ? source_keys : target_keys;
  auto& other_keys = source_latin ? target_keys : source_keys;
  std::set<std::string, std::less<>> kept;
  for (const std::string& sentence : other.sentences) {
    ForEachLatinWord(sentence, [&](std::string& word, bool capital) {
      if (capital) kept.insert(std::move(word));
    });
  }
  std::set<std::string, std::less<>> both;
  for (const std::string& sentence : latin.sentences) {
    ForEachLatinWord(sentence, [&](std::string& word, bool) {
      if (kept.count(word) != 0) both.insert(std::move(word));
    });
  }
  if (both.empty()) return;
  auto add = [&](const Document& doc, bool need_capital,
                 std::vector<std::vector<std::uint32_t>>& keys) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const std::size_t before = keys[i].size();
      ForEachLatinWord(doc.sentences[i], [&](std::string& word, bool capital) {
        if ((capital || !need_capital) && both.count(word) != 0) {
          auto it = ids.try_emplace("lat:" + word,
                                    static_cast<std::uint32_t>(ids.size()));
          keys[i].push_back(it.first->second);
        }
      });
      if (keys[i].size() != before) std::sort(keys[i].begin(), keys[i].end());
    }
  };
  add(other, true, other_keys);
  add(latin, false, latin_keys);
}

std::vector<double> LengthsOf(const Document& doc, double& total) {
  std::vector<double> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    out[i] = static_cast<double>(text::CountCodePoints(doc.sentences[i]));
    total += out[i];
  }
  return out;
}

// Keys of up to two sentences, merged and sorted, into a small buffer.
std::size_t Gather(const std::vector<std::vector<std::uint32_t>>& keys,
                   std::uint32_t i, std::uint32_t n,
                   std::vector<std::uint32_t>& out) {
  out.clear();
  for (std::uint32_t k = 0; k < n; ++k) {
    out.insert(out.end(), keys[i + k].begin(), keys[i + k].end());
  }
  if (n > 1) std::sort(out.begin(), out.end());
  return out.size();
}

std::vector<QuoteCut> QuoteCutsOf(const Document& doc) {
  std::vector<QuoteCut> out;
  out.reserve(doc.size());
  for (const std::string& s : doc.sentences) out.push_back(FindQuoteCut(s));
  return out;
}

bool IsSpaceOrOpen(char32_t c) {
  return c == 0 || c == U' ' || c == U'\t' || c == U'(' || c == U'[' ||
         c == U'\u00A0' || c == U'\u2014' || c == U'\u2013' || c == U'-';
}

}  // namespace

QuoteCut FindQuoteCut(std::string_view sentence) {
  // A straight mark opens where a space or the start is before it and
  // something else after it; it closes otherwise. “ closes „ (Ukrainian
  // and German „…“), and closes after a letter; it opens otherwise.
  QuoteCut cut;
  struct Open {
    double at;         // code points before the mark
    std::size_t byte;  // bytes before it
    char32_t mark;
  };
  std::vector<Open> open;
  double at = 0;
  char32_t before = 0;
  std::size_t i = 0;
  while (i < sentence.size()) {
    const std::size_t byte = i;
    char32_t c = 0;
    text::DecodeNext(sentence, i, c);
    char32_t after = 0;
    if (i < sentence.size()) {
      std::size_t k = i;
      text::DecodeNext(sentence, k, after);
    }
    int kind = 0;  // 1 opens, -1 closes
    if (c == U'\u00AB' || c == U'\u201E') kind = 1;
    if (c == U'\u201D' || c == U'\u00BB') kind = -1;
    if (c == U'\u201C') {
      const bool closes_low = !open.empty() && open.back().mark == U'\u201E';
      kind = !closes_low && IsSpaceOrOpen(before) ? 1 : -1;
    }
    if (c == U'"') {
      kind = IsSpaceOrOpen(before) && after != 0 && after != U' ' ? 1 : -1;
    }
    if (kind == 1) open.push_back({at, byte, c});
    if (kind == -1) {
      if (!open.empty()) {
        open.pop_back();
      } else if (!cut.starts_inside) {
        cut.starts_inside = true;
        cut.head = at;
        cut.head_bytes = byte;
      }
    }
    before = c;
    at += 1;
  }
  if (!open.empty()) {
    cut.ends_inside = true;
    cut.tail = at - open.front().at;
    cut.tail_from = open.front().byte;
  }
  return cut;
}

AlignmentModel::AlignmentModel(const Document& source, const Document& target,
                               const AlignOptions& options)
    : source_paragraph_(source.paragraph),
      target_paragraph_(target.paragraph),
      soft_paragraphs_(options.paragraphs) {
  NumberAnchors numbers;
  const AnchorSource& anchors =
      options.anchors != nullptr ? *options.anchors : numbers;
  KeyIds ids;
  source_keys_ = KeysOf(source, anchors, options.source_lang, ids);
  target_keys_ = KeysOf(target, anchors, options.target_lang, ids);
  AddLatinWords(source, target, ids, source_keys_, target_keys_);
  key_text_.resize(ids.size());
  for (const auto& [key, id] : ids) key_text_[id] = key;
  Weigh();
  double source_total = 0;
  double target_total = 0;
  source_quote_ = QuoteCutsOf(source);
  target_quote_ = QuoteCutsOf(target);
  for (auto [doc, cuts, keys, lang] :
       {std::tuple{&source, &source_quote_, &source_quoted_keys_,
                   &options.source_lang},
        std::tuple{&target, &target_quote_, &target_quoted_keys_,
                   &options.target_lang}}) {
    keys->resize(doc->size());
    for (std::size_t k = 0; k < doc->size(); ++k) {
      const QuoteCut& cut = (*cuts)[k];
      if (cut.starts_inside == cut.ends_inside) continue;
      std::string_view text = doc->sentences[k];
      text = cut.starts_inside ? text.substr(0, cut.head_bytes)
                               : text.substr(cut.tail_from);
      for (const std::string& key : anchors.ConceptKeys(text, *lang)) {
        auto it = ids.find(key);
        if (it != ids.end()) (*keys)[k].push_back(it->second);
      }
      std::sort((*keys)[k].begin(), (*keys)[k].end());
    }
  }
  source_length_ = LengthsOf(source, source_total);
  target_length_ = LengthsOf(target, target_total);
  if (source_total > 0 && target_total > 0) {
    ratio_ = std::clamp(target_total / source_total, 0.1, 10.0);
  }
}

void AlignmentModel::Weigh() {
  // Sentences of each side that mention each key.
  const std::size_t n = key_text_.size();
  std::vector<double> source_count(n, 0), target_count(n, 0);
  for (const auto& [keys, count] : {std::pair{&source_keys_, &source_count},
                                    std::pair{&target_keys_, &target_count}}) {
    for (const std::vector<std::uint32_t>& sentence : *keys) {
      for (std::size_t k = 0; k < sentence.size(); ++k) {
        if (k == 0 || sentence[k] != sentence[k - 1]) {
          (*count)[sentence[k]] += 1;
        }
      }
    }
  }
  key_weight_.assign(n, 1.0);
  key_missing_weight_.assign(n, 1.0);
  for (std::size_t k = 0; k < n; ++k) {
    double most = std::max(source_count[k], target_count[k]);
    if (most > kRareAnchorSentences) {
      const double share = kRareAnchorSentences / most;
      key_weight_[k] = std::pow(share, kSharedRecurrencePower);
      key_missing_weight_[k] = std::pow(share, kMissingRecurrencePower);
    }
  }
}

namespace {

// 1 to 7 for the key of a weekday ("day:4"), else 0.
int WeekdayOf(const std::string& key) {
  return key.size() == 5 && key.starts_with("day:") && key[4] >= '1' &&
                 key[4] <= '7'
             ? key[4] - '0'
             : 0;
}

// 1 to 31 for the key of a whole number in that range ("num:27"), else 0.
int DayOfMonthOf(const std::string& key) {
  if (!key.starts_with("num:") || key.size() < 5 || key.size() > 6) return 0;
  int n = 0;
  for (std::size_t i = 4; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return 0;
    n = n * 10 + (key[i] - '0');
  }
  return n >= 1 && n <= 31 ? n : 0;
}

}  // namespace

bool AlignmentModel::LinkWeekdays(const std::vector<Bead>& beads) {
  auto names_weekdays = [&](const std::vector<std::vector<std::uint32_t>>& d) {
    for (const auto& sentence : d) {
      for (std::uint32_t id : sentence) {
        if (WeekdayOf(key_text_[id]) != 0) return true;
      }
    }
    return false;
  };
  const bool source_named = names_weekdays(source_keys_);
  if (source_named == names_weekdays(target_keys_)) return false;
  auto& named = source_named ? source_keys_ : target_keys_;
  const auto& dated = source_named ? target_keys_ : source_keys_;

  // Votes of the first pass: (day - weekday) mod 7, and the days seen.
  std::array<int, 7> votes{};
  std::vector<std::pair<int, int>> seen;  // (class, day)
  std::vector<std::uint32_t> a, b;
  for (const Bead& bead : beads) {
    if (bead.source_count == 0 || bead.target_count == 0 ||
        bead.confidence < 0.5) {
      continue;
    }
    const std::uint32_t ni =
        source_named ? bead.source_begin : bead.target_begin;
    const std::uint32_t nn =
        source_named ? bead.source_count : bead.target_count;
    const std::uint32_t di =
        source_named ? bead.target_begin : bead.source_begin;
    const std::uint32_t dn =
        source_named ? bead.target_count : bead.source_count;
    Gather(named, ni, nn, a);
    Gather(dated, di, dn, b);
    for (std::uint32_t w : a) {
      const int weekday = WeekdayOf(key_text_[w]);
      if (weekday == 0) continue;
      for (std::uint32_t d : b) {
        const int day = DayOfMonthOf(key_text_[d]);
        if (day == 0 || std::binary_search(a.begin(), a.end(), d)) continue;
        const int c = ((day - weekday) % 7 + 7) % 7;
        ++votes[static_cast<std::size_t>(c)];
        seen.emplace_back(c, day);
      }
    }
  }
  const auto best = std::max_element(votes.begin(), votes.end());
  if (*best == 0) return false;
  const int c = static_cast<int>(best - votes.begin());
  int lo = 31;
  int hi = 1;
  for (const auto& [k, day] : seen) {
    if (k == c) lo = std::min(lo, day), hi = std::max(hi, day);
  }
  // The days the other document names, with their key ids.
  std::map<int, std::uint32_t> days;
  for (const auto& sentence : dated) {
    for (std::uint32_t id : sentence) {
      if (int day = DayOfMonthOf(key_text_[id]); day != 0) days[day] = id;
    }
  }
  // Each weekday: the day of its class within a week of those seen.
  std::array<std::int64_t, 8> link;
  link.fill(-1);
  for (int weekday = 1; weekday <= 7; ++weekday) {
    int nearest = 99;
    for (const auto& [day, id] : days) {
      const int off = std::abs(2 * day - lo - hi);
      if (((day - weekday) % 7 + 7) % 7 == c && day >= hi - 6 &&
          day <= lo + 6 && off < nearest) {
        link[static_cast<std::size_t>(weekday)] = id;
        nearest = off;
      }
    }
  }
  bool added = false;
  for (auto& sentence : named) {
    const std::size_t before = sentence.size();
    for (std::size_t k = 0; k < before; ++k) {
      const int weekday = WeekdayOf(key_text_[sentence[k]]);
      const std::int64_t id = link[static_cast<std::size_t>(weekday)];
      if (weekday == 0 || id < 0) continue;
      const auto day = static_cast<std::uint32_t>(id);
      if (std::find(sentence.begin(), sentence.end(), day) != sentence.end()) {
        continue;
      }
      sentence.push_back(day);
      added = true;
    }
    if (sentence.size() != before) std::sort(sentence.begin(), sentence.end());
  }
  if (added) Weigh();
  return added;
}

void AlignmentModel::Compare(std::size_t na,
                             const std::vector<std::uint32_t>& a,
                             std::size_t nb,
                             const std::vector<std::uint32_t>& b,
                             double& shared, double& missing) const {
  std::size_t x = 0;
  std::size_t y = 0;
  while (x < na && y < nb) {
    if (a[x] == b[y]) {
      shared += key_weight_[a[x]];
      ++x, ++y;
    } else if (a[x] < b[y]) {
      missing += key_missing_weight_[a[x++]];
    } else {
      missing += key_missing_weight_[b[y++]];
    }
  }
  for (; x < na; ++x) missing += key_missing_weight_[a[x]];
  for (; y < nb; ++y) missing += key_missing_weight_[b[y]];
}

bool AlignmentModel::SameLength(double l1, double l2) const {
  l2 /= ratio_;
  const double mean = std::max((l1 + l2) / 2, 1.0);
  return std::fabs(l2 - l1) / std::sqrt(kVariance * mean) <= kSameLength;
}

bool AlignmentModel::SplitsInTwo(std::uint32_t i, std::uint32_t j) const {
  // Both sides cut inside a quotation, and its pieces agree in length.
  const QuoteCut& s0 = source_quote_[i];
  const QuoteCut& s1 = source_quote_[i + 1];
  const QuoteCut& t0 = target_quote_[j];
  const QuoteCut& t1 = target_quote_[j + 1];
  if (s0.ends_inside && t0.ends_inside && s1.starts_inside &&
      t1.starts_inside && SameLength(s0.tail, t0.tail) &&
      SameLength(s1.head, t1.head)) {
    return true;
  }
  // Each sentence shares a rare anchor with the one in its place, and
  // their lengths agree.
  for (std::uint32_t k = 0; k < 2; ++k) {
    double shared = 0;
    double missing = 0;
    Compare(source_keys_[i + k].size(), source_keys_[i + k],
            target_keys_[j + k].size(), target_keys_[j + k], shared, missing);
    if (shared < kRareShared ||
        !SameLength(source_length_[i + k], target_length_[j + k])) {
      return false;
    }
  }
  return true;
}

double AlignmentModel::Cost(std::uint32_t i, std::uint32_t di, std::uint32_t j,
                            std::uint32_t dj) const {
  if (di == 0 || dj == 0) return -std::log(kPriorNull);
  if (di == 2 && dj == 2 && SplitsInTwo(i, j)) {
    return std::numeric_limits<double>::infinity();
  }

  double prior = kPrior11;
  if (di + dj == 3) prior = kPriorMerge;
  if (di + dj == 4) prior = kPrior22;

  // Length: target characters in source units, then Gale and Church's
  // delta and the two-sided tail of the standard normal.
  double l1 = 0;
  double l2 = 0;
  for (std::uint32_t k = 0; k < di; ++k) l1 += source_length_[i + k];
  for (std::uint32_t k = 0; k < dj; ++k) l2 += target_length_[j + k];
  // Quotations: both sides start (end) inside one, or neither; a piece
  // of a quotation against a piece of the same is scored on what is
  // quoted.
  const QuoteCut& s_first = source_quote_[i];
  const QuoteCut& s_last = source_quote_[i + di - 1];
  const QuoteCut& t_first = target_quote_[j];
  const QuoteCut& t_last = target_quote_[j + dj - 1];
  double quote_cost = 0;
  if (s_first.starts_inside != t_first.starts_inside) {
    quote_cost += kQuoteMismatch;
  }
  if (s_last.ends_inside != t_last.ends_inside) quote_cost += kQuoteMismatch;
  bool quoted_only = false;
  if (di == 1 && dj == 1 && s_first.starts_inside != s_first.ends_inside &&
      s_first.starts_inside == t_first.starts_inside &&
      s_first.ends_inside == t_first.ends_inside) {
    quoted_only = true;
    l1 = s_first.starts_inside ? s_first.head : s_first.tail;
    l2 = t_first.starts_inside ? t_first.head : t_first.tail;
  }
  l2 /= ratio_;
  const double mean = std::max((l1 + l2) / 2, 1.0);
  const double delta = (l2 - l1) / std::sqrt(kVariance * mean);
  const double tail =
      std::max(std::erfc(std::fabs(delta) / std::sqrt(2.0)), 1e-12);
  double cost = -std::log(prior) - std::log(tail) + quote_cost;

  // Anchors: shared keys (multiset intersection) and the rest. Pieces of
  // a quotation count what both sides share anywhere (the speaker's name
  // where both name him) but miss only what is quoted.
  thread_local std::vector<std::uint32_t> a;
  thread_local std::vector<std::uint32_t> b;
  double shared = 0;
  double missing = 0;
  const std::size_t na = Gather(source_keys_, i, di, a);
  const std::size_t nb = Gather(target_keys_, j, dj, b);
  Compare(na, a, nb, b, shared, missing);
  if (quoted_only) {
    double unused = 0;
    missing = 0;
    Compare(Gather(source_quoted_keys_, i, di, a), a,
            Gather(target_quoted_keys_, j, dj, b), b, unused, missing);
  }
  cost += -kSharedAnchor * shared + kMissingAnchor * missing;
  // A sentence with an anchor beside one that shares none of it, or only
  // names the story repeats: rather a sentence left out next to one added
  // in its place than a translation, the more so when both have anchors.
  if (di == 1 && dj == 1 && shared < kRareShared && missing > 0) {
    cost += na == 0 || nb == 0 ? kOneSideAnchored : kNothingShared;
  }

  if (soft_paragraphs_) {
    if (di == 2 && source_paragraph_[i] != source_paragraph_[i + 1]) {
      cost += kCrossParagraph;
    }
    if (dj == 2 && target_paragraph_[j] != target_paragraph_[j + 1]) {
      cost += kCrossParagraph;
    }
  }
  return cost;
}

}  // namespace onoma::segment::internal
