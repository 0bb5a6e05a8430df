// The sound-change stage: a run of Hangul syllables as spelled, rewritten
// in place into the syllables of its standard pronunciation, as far as the
// Revised Romanization (and McCune–Reischauer) write it.
//
//   std::vector<hangul::Syllable> run = ...;   // 신라
//   hangul::ApplySoundChanges(run);            // 실라 -> "Silla"
//
// The rules are those of 표준 발음법 (Standard Pronunciation, 1988, part
// of 표준어 규정), which RR 2000 follows (RR chapter 1, clause 1: "romanize
// the standard pronunciation"); each is cited where it is applied. What
// spelling alone cannot tell (사이시옷, ㄴ insertion, ㄹ read [ㄴ] after ㄴ)
// is left to the exception list, applied before this stage.
//
// What the stage does not do, because RR does not write it: tensification
// (RR 3.1 [붙임]: 압구정 Apgujeong) and the weakening of ㅎ after a
// sonorant (광희문 Gwanghuimun). Where RR writes the spelling rather than
// the sound, ㄱ ㄷ ㅂ before ㅎ in nouns (RR 3.1.4 다만: 묵호 Mukho), the
// stage keeps the ㅎ; without a dictionary it tells nouns from verbs by the
// shape of the ㅎ syllable (see ApplySoundChanges).
//
// Stateless; safe from any thread.

#ifndef ONOMA_LIB_ROMANIZE_HANGUL_SOUND_INTERNAL_H_
#define ONOMA_LIB_ROMANIZE_HANGUL_SOUND_INTERNAL_H_

#include <cstdint>
#include <span>

#include "lib/romanize/hangul.h"

namespace onoma::romanize::hangul {

// Rewrites `run` (one word: no space inside) into its pronunciation.
// Afterwards every tail is one of the seven final sounds (표준 발음법 제8항:
// ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ) or none, and a lead ㄹ after a tail ㄹ is read [l].
// A tail ㄱ ㄷ ㅂ stays before a lead ㅎ when the ㅎ syllable is not one of
// the verb-forming -히-/-혀- shapes (히 힌 힐 힙 혀 혔) nor -하- with an
// ending after it (착하다): that is the noun case of RR 3.1.4 다만, and
// 잡혀 [자펴] japyeo, 굳히다 [구치다] guchida, 착하다 [차카다] chakada are
// the verb case.
//
// `dental_h_aspirated`: ㅅ ㅆ ㅈ ㅊ ㅌ (read [ㄷ]) before ㅎ, and ㄷ before
// 하, are read [ㅌ] (표준 발음법 제12항 [붙임 2]: 따뜻하다 [따뜨타다]), and
// ㄱ ㅂ before -하- with an ending (착하다 [차카다], 답답하고) are
// aspirated, as RR writes them (ttatteutada, chakada). false keeps the
// tail and the ㅎ there, which McCune–Reischauer writes th (못하다 mothada)
// as its table of consonant combinations does.
//
// `noun`: the run is a noun (a place name), so -하- is never the verb
// suffix there and ㄱ ㅂ before it keep the ㅎ (RR 3.1.4 다만: 압해도
// Aphaedo, where 해도 is not "even if it does").
void ApplySoundChanges(std::span<Syllable> run, bool dental_h_aspirated = true,
                       bool noun = false);

// The sound of `tail` at the end of a word (표준 발음법 제9항, 제10항,
// 제11항): one of the seven final sounds, or none. Used where RR writes
// syllables one by one: given names (RR 3.4) and around the hyphen of an
// administrative unit (RR 3.5).
std::uint8_t FinalSound(std::uint8_t tail);

}  // namespace onoma::romanize::hangul

#endif  // ONOMA_LIB_ROMANIZE_HANGUL_SOUND_INTERNAL_H_
