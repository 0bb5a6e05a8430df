// Term lookup of typed names with one typo: a generated list of typos of
// the bundled termbase's names (tables/termbase/news.tsv), looked up in
// that termbase. Each typo is one slip of a typist, on the keyboard of the
// name's script: two neighbouring letters swapped, a letter left out, a
// letter added (a neighbouring key, or the same key twice), a letter
// replaced by a neighbouring key's. Korean names are edited as a typist
// of the two-set (dubeolsik) layout slips: a syllable's initial consonant
// or vowel replaced by a neighbouring key's, a final consonant left out or
// added, a syllable doubled, left out, or swapped with the next one.
// The generator is seeded, so the list is the same on every run.
// Holds the share of typos whose first answer is the right concept to the
// floor of docs/terms.md ("Typos").

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "lib/romanize/registry.h"
#include "lib/text/text.h"
#include "memory/terms/search_keys.h"
#include "tests/terms/terms_fixture.h"

namespace onoma::terms {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c;
    text::DecodeNext(s, i, c);
    out += c;
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(out, c);
  return out;
}

// Rows of a keyboard, for the keys next to a letter.
constexpr std::u32string_view kLatinRows[] = {U"qwertyuiop", U"asdfghjkl",
                                              U"zxcvbnm"};
constexpr std::u32string_view kUkrainianRows[] = {U"йцукенгшщзхї",
                                                  U"фівапролджє", U"ячсмитьбю"};
// Dubeolsik: consonants on the left, vowels on the right.
constexpr std::u32string_view kKoreanConsonantRows[] = {
    U"ㅂㅈㄷㄱㅅ", U"ㅁㄴㅇㄹㅎ", U"ㅋㅌㅊㅍ"};
constexpr std::u32string_view kKoreanVowelRows[] = {U"ㅛㅕㅑㅐㅔ", U"ㅗㅓㅏㅣ",
                                                    U"ㅠㅜㅡ"};

template <std::size_t N>
std::u32string Neighbours(char32_t c, const std::u32string_view (&rows)[N]) {
  std::u32string out;
  for (std::size_t r = 0; r < N; ++r) {
    std::size_t at = rows[r].find(c);
    if (at == std::u32string_view::npos) continue;
    if (at > 0) out += rows[r][at - 1];
    if (at + 1 < rows[r].size()) out += rows[r][at + 1];
    for (std::size_t other : {r - 1, r + 1}) {
      if (other < N && at < rows[other].size()) out += rows[other][at];
    }
  }
  return out;
}

bool IsLetter(char32_t c) {
  return text::ScriptOf(c) == text::Script::kLatin ||
         text::ScriptOf(c) == text::Script::kCyrillic;
}

// Compatibility jamo of the 19 initials, 21 vowels and 27 finals.
constexpr std::u32string_view kInitials =
    U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
constexpr std::u32string_view kVowels =
    U"ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
constexpr std::u32string_view kFinals =
    U"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

bool IsSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

struct Syllable {
  int initial, vowel, final;  // final 0 = none, else index + 1
};
Syllable Split(char32_t c) {
  int s = static_cast<int>(c - 0xAC00);
  return {s / 588, (s % 588) / 28, s % 28};
}
char32_t Join(const Syllable& s) {
  return static_cast<char32_t>(0xAC00 + s.initial * 588 + s.vowel * 28 +
                               s.final);
}

enum class Slip { kSwap, kDrop, kAdd, kReplace };
constexpr const char* kSlipNames[] = {"swap", "drop", "add", "replace"};

class TypoMaker {
 public:
  explicit TypoMaker(std::uint32_t seed) : rng_(seed) {}

  // One slip of `kind` in `form`, or empty when none fits.
  std::string Make(const std::string& form, Slip kind) {
    std::u32string s = Decode(form);
    bool hangul = false;
    for (char32_t c : s) hangul = hangul || IsSyllable(c);
    return hangul ? Korean(s, kind) : Alphabetic(s, kind);
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::vector<std::size_t> Where(const std::u32string& s, bool (*ok)(char32_t),
                                 bool with_next) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!ok(s[i])) continue;
      if (with_next && (i + 1 >= s.size() || !ok(s[i + 1]) ||
                        text::FoldCase(Encode(s.substr(i, 1))) ==
                            text::FoldCase(Encode(s.substr(i + 1, 1))))) {
        continue;
      }
      at.push_back(i);
    }
    return at;
  }

  std::u32string KeyNeighbours(char32_t c) {
    std::u32string lower = Decode(text::FoldCase(Encode(std::u32string(1, c))));
    char32_t l = lower.empty() ? c : lower[0];
    if (text::ScriptOf(l) == text::Script::kCyrillic) {
      return Neighbours(l, kUkrainianRows);
    }
    return Neighbours(l, kLatinRows);
  }

  std::string Alphabetic(std::u32string s, Slip kind) {
    std::vector<std::size_t> at = Where(s, IsLetter, kind == Slip::kSwap);
    if (at.empty()) return {};
    std::size_t i = at[Pick(static_cast<int>(at.size()))];
    switch (kind) {
      case Slip::kSwap:
        std::swap(s[i], s[i + 1]);
        break;
      case Slip::kDrop:
        s.erase(i, 1);
        break;
      case Slip::kAdd: {
        std::u32string near = KeyNeighbours(s[i]);
        near += s[i];  // the same key twice
        s.insert(s.begin() + i + 1, near[Pick(static_cast<int>(near.size()))]);
        break;
      }
      case Slip::kReplace: {
        std::u32string near = KeyNeighbours(s[i]);
        if (near.empty()) return {};
        s[i] = near[Pick(static_cast<int>(near.size()))];
        break;
      }
    }
    return Encode(s);
  }

  std::string Korean(std::u32string s, Slip kind) {
    std::vector<std::size_t> at = Where(s, IsSyllable, kind == Slip::kSwap);
    if (at.empty()) return {};
    std::size_t i = at[Pick(static_cast<int>(at.size()))];
    Syllable syl = Split(s[i]);
    switch (kind) {
      case Slip::kSwap:
        std::swap(s[i], s[i + 1]);
        break;
      case Slip::kDrop:
        // The final consonant when there is one, else the whole syllable
        // (a name keeps at least two).
        if (syl.final != 0) {
          syl.final = 0;
          s[i] = Join(syl);
        } else if (at.size() >= 3) {
          s.erase(i, 1);
        } else {
          return {};
        }
        break;
      case Slip::kAdd:
        if (syl.final == 0 && Pick(2) == 0) {
          std::u32string near = U"ㄴㅇㄹㅁ";  // the commonest stray finals
          syl.final = static_cast<int>(kFinals.find(
                          near[Pick(static_cast<int>(near.size()))])) +
                      1;
          s[i] = Join(syl);
        } else {
          s.insert(s.begin() + i, s[i]);
        }
        break;
      case Slip::kReplace: {
        bool vowel = Pick(2) == 0;
        char32_t jamo = vowel ? kVowels[syl.vowel] : kInitials[syl.initial];
        std::u32string near = vowel ? Neighbours(jamo, kKoreanVowelRows)
                                    : Neighbours(jamo, kKoreanConsonantRows);
        if (near.empty()) return {};
        char32_t other = near[Pick(static_cast<int>(near.size()))];
        if (vowel) {
          syl.vowel = static_cast<int>(kVowels.find(other));
        } else {
          syl.initial = static_cast<int>(kInitials.find(other));
        }
        s[i] = Join(syl);
        break;
      }
    }
    return Encode(s);
  }

  std::mt19937 rng_;
};

struct Typo {
  std::string lang, form, typo, slug;
  Slip kind;
};

class TypoEvalTest : public TermStoreTest {
 protected:
  void SetUp() override {
    TermStoreTest::SetUp();
    LoadBundled();
  }

  // Typos of the preferred en, uk and ko forms of every concept, each of
  // the four slips in turn. A typo that is some stored form (folded) is
  // left out: it is then no typo but another name.
  std::vector<Typo> Generate() {
    std::vector<Concept> concepts;
    std::set<std::string> stored;
    EXPECT_TRUE(store_
                    ->List([&](const Concept& c) {
                      concepts.push_back(c);
                      for (const Term& t : c.terms)
                        stored.insert(FoldKey(t.form));
                      return Status::Ok();
                    })
                    .ok());
    TypoMaker maker(20261207);
    std::vector<Typo> out;
    int turn = 0;
    for (const Concept& c : concepts) {
      for (const Term& t : c.terms) {
        if (t.status != TermStatus::kPreferred) continue;
        if (t.lang != "en" && t.lang != "uk" && t.lang != "ko") continue;
        // Too short for a typo to be told from another name: two Hangul
        // syllables or four letters.
        std::size_t letters = Decode(t.form).size();
        if (letters < (t.lang == "ko" ? 2u : 4u)) continue;
        Slip kind = static_cast<Slip>(turn++ % 4);
        std::string typo = maker.Make(t.form, kind);
        if (typo.empty() || stored.count(FoldKey(typo))) continue;
        out.push_back(Typo{t.lang, t.form, typo, c.slug, kind});
      }
    }
    return out;
  }
};

TEST_F(TypoEvalTest, OneTypoFindsTheNameFirst) {
  if (!romanize::Registry::Default().Find("ko-rr").ok()) {
    GTEST_SKIP() << "built without ko-rr";
  }
  std::vector<Typo> typos = Generate();
  ASSERT_GE(typos.size(), 1000u);
  std::map<std::string, std::pair<int, int>> by_group;  // lang/slip: ok, all
  int first = 0;
  for (const Typo& t : typos) {
    auto hits = store_->Lookup(t.typo);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    bool ok = !hits->empty() && hits->front().entry.slug == t.slug;
    first += ok ? 1 : 0;
    auto& group = by_group[t.lang + " " + kSlipNames[static_cast<int>(t.kind)]];
    group.first += ok ? 1 : 0;
    ++group.second;
    if (!ok) {
      std::printf("MISS %s %s (%s) -> %s\n", t.lang.c_str(), t.typo.c_str(),
                  t.form.c_str(),
                  hits->empty() ? "nothing" : hits->front().entry.slug.c_str());
    }
  }
  for (const auto& [group, counts] : by_group) {
    std::printf("%-11s %4d/%4d\n", group.c_str(), counts.first, counts.second);
  }
  double share = static_cast<double>(first) / typos.size();
  std::printf("typos found first: %d/%zu = %.1f%%\n", first, typos.size(),
              100 * share);
  EXPECT_GE(share, 0.95);
}

}  // namespace
}  // namespace onoma::terms
