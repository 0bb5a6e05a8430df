// Tested by tests/romanize/korean_rr_test.cc (every example of RR notice
// 2000-8, chapter 3 clause 1, and tests/data/romanize/ko-rr-rules.tsv).

#include <cstddef>

#include "lib/romanize/hangul_sound_internal.h"

namespace onoma::romanize::hangul {
namespace {

// The -히-/-혀- of passive and causative verbs and of adverbs (잡히다,
// 잡혀, 굳히다, 급히): the ㅎ syllables after which ㄱ ㄷ ㅂ ㅈ + ㅎ are
// written aspirated. RR 3.1.4 writes the ㅎ only "in nouns" (체언); these
// shapes are not Sino-Korean readings (those are 혁 현 혈 혐 협 형 and 희,
// all with a final or another vowel), so they do not start a noun syllable.
// 힘 is left out: it is the noun "strength" (국힘 gukhim) as often as the
// nominalized passive (막힘), and both are nouns.
bool IsVerbalH(const Syllable& s) {
  if (s.lead != kLeadH) return false;
  if (s.vowel == kI) {
    return s.tail == kTailNone || s.tail == kTailN || s.tail == kTailL ||
           s.tail == kTailB;
  }
  if (s.vowel == kYeo) return s.tail == kTailNone || s.tail == kTailSs;
  return false;
}

bool IsSyllable(const Syllable* s, char32_t c) {
  return s != nullptr && *s == Decompose(c);
}

// -하다 with an ending after it (착하다, 답답하고, 급해서, 착했다,
// 생각합니다): the verb or adjective, which RR 3.1.4 writes aspirated
// (chakada, dapdapago), unlike the noun before it alone (축하 chukha,
// 낙하산 nakhasan, 북한 Bukhan). `after` is the syllable after the ㅎ one,
// or nullptr at the end of the word.
bool IsHadaForm(const Syllable& s, const Syllable* after) {
  if (s.lead != kLeadH) return false;
  const Syllable ha = Decompose(U'하');
  if (s == ha) {
    for (char32_t c : U"다고지게여면니는며자세시도던겠기였") {
      if (c != 0 && IsSyllable(after, c)) return true;
    }
    return false;
  }
  if (s == Decompose(U'해')) {
    for (char32_t c : U"서요도야라지졌") {
      if (c != 0 && IsSyllable(after, c)) return true;
    }
    return false;
  }
  if (s == Decompose(U'합')) {
    return IsSyllable(after, U'니') || IsSyllable(after, U'시');
  }
  return s == Decompose(U'했');
}

// 하 and its forms (하 한 할 함 합 했 해 ...): after a final that
// no Sino-Korean syllable has, the verb and adjective suffix -하다.
bool IsHa(const Syllable& s) {
  return s.lead == kLeadH && (s.vowel == kA || s.vowel == kAe);
}

// 밟-: ㄼ is read [ㅂ] before a consonant (표준 발음법 제10항 다만).
bool IsBalp(const Syllable& s) {
  return s.lead == kLeadB && s.vowel == kA && s.tail == kTailLb;
}

// 닭, 흙, 칡: nouns, whose ㄺ stays [ㄱ] before ㄱ too (닭고기 [닥꼬기],
// 흙과 [흑꽈]); 제11항's 다만 (맑게 [말께]) is for predicate stems only.
bool IsLgNoun(const Syllable& s) {
  if (s.tail != kTailLg) return false;
  return (s.lead == kLeadD && s.vowel == kA) ||
         (s.lead == kLeadH && s.vowel == kEu) ||
         (s.lead == kLeadCh && s.vowel == kI);
}

// A tail before a consonant other than ㅇ and ㅎ: the seven final sounds
// (표준 발음법 제9항: ㄲ ㅋ -> ㄱ; ㅅ ㅆ ㅈ ㅊ ㅌ -> ㄷ; ㅍ -> ㅂ. 제10항:
// ㄳ -> ㄱ, ㄵ -> ㄴ, ㄼ ㄽ ㄾ -> ㄹ, ㅄ -> ㅂ. 제11항: ㄺ -> ㄱ, ㄻ -> ㅁ,
// ㄿ -> ㅂ; 다만 ㄺ before ㄱ -> ㄹ in a predicate, as in 맑게 [말께]).
std::uint8_t BeforeConsonant(std::uint8_t tail, std::uint8_t next_lead,
                             bool balp, bool lg_noun = false) {
  switch (tail) {
    case kTailGg:
    case kTailK:
    case kTailGs:
      return kTailG;
    case kTailLg:
      return next_lead == kLeadG && !lg_noun ? kTailL : kTailG;
    case kTailS:
    case kTailSs:
    case kTailJ:
    case kTailCh:
    case kTailT:
    case kTailH:
      return kTailD;
    case kTailP:
    case kTailBs:
    case kTailLp:
      return kTailB;
    case kTailNj:
    case kTailNh:
      return kTailN;
    case kTailLb:
      return balp ? kTailB : kTailL;
    case kTailLs:
    case kTailLt:
    case kTailLh:
      return kTailL;
    case kTailLm:
      return kTailM;
    default:
      return tail;
  }
}

// The lead that a single tail becomes when it moves to an empty lead
// (표준 발음법 제13항: 깎아 [까까], 옷이 [오시], 있어 [이써]).
std::uint8_t LeadOfTail(std::uint8_t tail) {
  switch (tail) {
    case kTailG:
      return kLeadG;
    case kTailGg:
      return kLeadGg;
    case kTailN:
      return kLeadN;
    case kTailD:
      return kLeadD;
    case kTailL:
      return kLeadR;
    case kTailM:
      return kLeadM;
    case kTailB:
      return kLeadB;
    case kTailS:
      return kLeadS;
    case kTailSs:
      return kLeadSs;
    case kTailJ:
      return kLeadJ;
    case kTailCh:
      return kLeadCh;
    case kTailK:
      return kLeadK;
    case kTailT:
      return kLeadT;
    case kTailP:
      return kLeadP;
    default:
      return kLeadNone;
  }
}

// A tail before a syllable with no initial sound (ㅇ).
void Liaison(std::uint8_t& t, std::uint8_t& l, std::uint8_t next_vowel) {
  const bool i = next_vowel == kI;
  switch (t) {
    case kTailNg:  // ㅇ keeps its place: 중앙 Jung-ang.
      return;
    case kTailH:  // 제12항 4: ㅎ is silent before a vowel (좋아 [조아]).
      t = kTailNone;
      return;
    case kTailNh:  // 제12항 4: 않은 [아는].
      t = kTailNone;
      l = kLeadN;
      return;
    case kTailLh:  // 제12항 4: 싫어도 [시러도].
      t = kTailNone;
      l = kLeadR;
      return;
    case kTailD:  // 제17항: ㄷ ㅌ before 이 become ㅈ ㅊ (해돋이 [해도지]).
      t = kTailNone;
      l = i ? kLeadJ : kLeadD;
      return;
    case kTailT:  // 제17항: 같이 [가치].
      t = kTailNone;
      l = i ? kLeadCh : kLeadT;
      return;
    // 제14항: a cluster keeps its first letter and moves the second; the
    // ㅅ of ㄳ ㄽ ㅄ is tensed (넋이 [넉씨]), which RR 3.1 [붙임] does not
    // write.
    case kTailLt:  // 제17항 with 제14항: 훑이다 [훌치다].
      t = kTailL;
      l = i ? kLeadCh : kLeadT;
      return;
    case kTailGs:
      t = kTailG;
      l = kLeadS;
      return;
    case kTailNj:
      t = kTailN;
      l = kLeadJ;
      return;
    case kTailLg:
      t = kTailL;
      l = kLeadG;
      return;
    case kTailLm:
      t = kTailL;
      l = kLeadM;
      return;
    case kTailLb:
      t = kTailL;
      l = kLeadB;
      return;
    case kTailLs:
      t = kTailL;
      l = kLeadS;
      return;
    case kTailLp:
      t = kTailL;
      l = kLeadP;
      return;
    case kTailBs:
      t = kTailB;
      l = kLeadS;
      return;
    default:  // 제13항: a single tail moves whole.
      l = LeadOfTail(t);
      t = kTailNone;
      return;
  }
}

// A tail before ㅎ (제12항 1 [붙임 1]: ㄱ ㄷ ㅂ ㅈ + ㅎ -> ㅋ ㅌ ㅍ ㅊ),
// limited by RR 3.1.4 다만: in nouns the ㅎ is written (묵호 Mukho).
void BeforeH(std::uint8_t& t, std::uint8_t& l, const Syllable& next,
             const Syllable* after, bool dental_h_aspirated, bool noun) {
  const bool verbal = IsVerbalH(next) ||
                      (dental_h_aspirated && !noun && IsHadaForm(next, after));
  // 제17항 [붙임]: ㄷ + 히 -> [치] (굳히다 [구치다]); likewise before 혀.
  const std::uint8_t dental =
      next.vowel == kI || next.vowel == kYeo ? kLeadCh : kLeadT;
  switch (t) {
    case kTailG:
    case kTailGg:
    case kTailK:
    case kTailGs:
      if (verbal) {
        t = kTailNone;
        l = kLeadK;
      } else {
        t = kTailG;
      }
      return;
    case kTailLg:  // 밝히다 [발키다]
      t = verbal ? kTailL : kTailG;
      if (verbal) l = kLeadK;
      return;
    case kTailD:
    case kTailS:
    case kTailSs:
    case kTailJ:
    case kTailCh:
    case kTailT:
      // 제12항 [붙임 2]: ㅅ ㅈ ㅊ ㅌ, read [ㄷ], with ㅎ read [ㅌ] (숱하다
      // [수타다], 옷 한 벌 [오탄벌]). These finals are never Sino-Korean, so
      // they do not end a noun syllable that RR 3.1.4 다만 keeps apart:
      // 따뜻하다 ttatteutada, 비슷한 biseutan. A spelled ㄷ before 하 is
      // a verb stem too (닫혀, 곧하다); before another ㅎ it may end a
      // noun (맏형 Mathyeong).
      if (verbal || (dental_h_aspirated && (t != kTailD || IsHa(next)))) {
        t = kTailNone;
        l = dental;
      } else {
        t = kTailD;
      }
      return;
    case kTailB:
    case kTailBs:
    case kTailP:
      if (verbal) {
        t = kTailNone;
        l = kLeadP;
      } else {
        t = kTailB;
      }
      return;
    case kTailLb:  // 넓히다 [널피다]
    case kTailLp:
      t = kTailL;
      if (verbal) l = kLeadP;
      return;
    case kTailLt:
      t = kTailL;
      if (verbal) l = kLeadCh;
      return;
    case kTailNj:  // 앉히다 [안치다]
      t = kTailN;
      if (verbal) l = kLeadCh;
      return;
    case kTailH:
      t = kTailNone;
      return;
    case kTailNh:
      t = kTailN;
      return;
    case kTailLh:
    case kTailLs:
      t = kTailL;
      return;
    case kTailLm:
      t = kTailM;
      return;
    default:  // ㄴ ㄹ ㅁ ㅇ + ㅎ: the ㅎ is written (광희문 Gwanghuimun).
      return;
  }
}

void Boundary(Syllable& a, Syllable& b, const Syllable* after,
              bool dental_h_aspirated, bool noun) {
  std::uint8_t& t = a.tail;
  std::uint8_t& l = b.lead;
  if (t == kTailNone) return;
  if (l == kLeadNone) return Liaison(t, l, b.vowel);
  if (l == kLeadH) return BeforeH(t, l, b, after, dental_h_aspirated, noun);
  if (t == kTailH || t == kTailNh || t == kTailLh) {
    const std::uint8_t rest =
        t == kTailH ? kTailNone : (t == kTailNh ? kTailN : kTailL);
    switch (l) {
      // 제12항 1: ㅎ ㄶ ㅀ + ㄱ ㄷ ㅈ -> ㅋ ㅌ ㅊ (좋고 [조코], 놓다 [노타],
      // 낳지 [나치], 않던 [안턴]).
      case kLeadG:
        l = kLeadK;
        t = rest;
        return;
      case kLeadD:
        l = kLeadT;
        t = rest;
        return;
      case kLeadJ:
        l = kLeadCh;
        t = rest;
        return;
      // 제12항 2: ㅎ + ㅅ -> [ㅆ] (닿소 [다쏘]); RR does not write the
      // tensing (3.1 [붙임]).
      case kLeadS:
        t = rest;
        return;
      // 제12항 3: ㅎ + ㄴ -> [ㄴ] (놓는 [논는]); ㄶ ㅀ drop the ㅎ (않네
      // [안네], 뚫네 [뚤네] -> [뚤레] below).
      case kLeadN:
        t = rest == kTailNone ? std::uint8_t{kTailN} : rest;
        break;
      default:
        t = rest == kTailNone ? std::uint8_t{kTailD} : rest;
        break;
    }
  } else {
    t = BeforeConsonant(t, l, IsBalp(a), IsLgNoun(a));
  }
  if (l == kLeadR) {
    if (t == kTailN) {  // 제20항 1: 신라 [실라], 대관령 [대괄령].
      t = kTailL;
      return;
    }
    if (t == kTailL) return;  // ㄹㄹ: 울릉 Ulleung (RR 2.2 [붙임 2]).
    // 제19항: ㄹ after ㅁ ㅇ is read [ㄴ] (종로 [종노]); [붙임]: also after
    // ㄱ ㅂ, which are then nasalized below (왕십리 [왕심니]).
    l = kLeadN;
  }
  if (l == kLeadN || l == kLeadM) {
    // 제18항: ㄱ ㄷ ㅂ before ㄴ ㅁ -> ㅇ ㄴ ㅁ (백마 [뱅마]).
    if (t == kTailG) {
      t = kTailNg;
    } else if (t == kTailD) {
      t = kTailN;
    } else if (t == kTailB) {
      t = kTailM;
    } else if (t == kTailL && l == kLeadN) {
      l = kLeadR;  // 제20항 2: 별내 [별래].
    }
  }
}

}  // namespace

std::uint8_t FinalSound(std::uint8_t tail) {
  return BeforeConsonant(tail, kLeadNone, /*balp=*/false);
}

void ApplySoundChanges(std::span<Syllable> run, bool dental_h_aspirated,
                       bool noun) {
  if (run.empty()) return;
  for (std::size_t i = 0; i + 1 < run.size(); ++i) {
    const Syllable* after = i + 2 < run.size() ? &run[i + 2] : nullptr;
    Boundary(run[i], run[i + 1], after, dental_h_aspirated, noun);
  }
  run.back().tail = FinalSound(run.back().tail);
}

}  // namespace onoma::romanize::hangul
