// Tested by tests/romanize/korean_rr_test.cc and korean_mr_test.cc.

#include <algorithm>
#include <cstring>
#include <utility>

#include "lib/romanize/korean_writer_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

Result<Piece> MakePiece(std::string_view text, std::string_view scheme) {
  Piece piece;
  if (text.size() > sizeof piece.text) {
    return Status::BadInput("table " + std::string(scheme) + ": letters '" +
                            std::string(text) + "' are longer than 10 bytes");
  }
  std::memcpy(piece.text, text.data(), text.size());
  piece.size = static_cast<std::uint8_t>(text.size());
  return piece;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// McCune–Reischauer in plain ASCII: the usage of maps and the press
// (Pyongyang, Hangul), which drops the marks rather than respelling.
void Asciify(std::string* s) {
  ReplaceAll(s, "ŏ", "o");
  ReplaceAll(s, "ŭ", "u");
  ReplaceAll(s, "ë", "e");
  ReplaceAll(s, "'", "");
}

bool Voiced(int before) {
  return before == LetterWriter::kAfterOpen ||
         before == LetterWriter::AfterTail(hangul::kTailN) ||
         before == LetterWriter::AfterTail(hangul::kTailM) ||
         before == LetterWriter::AfterTail(hangul::kTailNg) ||
         before == LetterWriter::AfterTail(hangul::kTailL);
}

void AddDistinct(std::vector<std::string>* list, std::string_view text) {
  if (std::find(list->begin(), list->end(), text) == list->end()) {
    list->emplace_back(text);
  }
}

}  // namespace

Result<LetterWriter> LetterWriter::Create(LetterTable table, bool ascii) {
  if (ascii) {
    for (auto& s : table.lead) Asciify(&s);
    for (auto& s : table.lead_voiced) Asciify(&s);
    for (auto& s : table.vowel) Asciify(&s);
    for (auto& s : table.tail) Asciify(&s);
    for (auto& o : table.overrides) Asciify(&o.text);
  }
  LetterWriter w;
  w.lead_.resize(29 * 19 * 21);
  w.vowel_.resize(21 * 22);
  w.tail_.resize(28 * 20);
  using Override = LetterTable::Override;
  // Every start builds these tables for each Korean scheme: the overrides
  // of each initial are picked out once, and a piece is made and listed
  // only when its text differs from the cell before.
  std::vector<const Override*> mine;
  for (int lead = 0; lead < 19; ++lead) {
    mine.clear();
    for (const Override& o : table.overrides) {
      if (o.self == lead && (o.kind == Override::kLeadAfterTail ||
                             o.kind == Override::kLeadBeforeVowel)) {
        mine.push_back(&o);
      }
    }
    const std::string* last = nullptr;
    Piece piece;
    for (int before = 0; before < 29; ++before) {
      for (int vowel = 0; vowel < 21; ++vowel) {
        const std::string* text = table.voicing && Voiced(before)
                                      ? &table.lead_voiced[lead]
                                      : &table.lead[lead];
        for (const Override* o : mine) {  // the last that applies wins
          if ((o->kind == Override::kLeadAfterTail &&
               before == AfterTail(o->context)) ||
              (o->kind == Override::kLeadBeforeVowel && o->context == vowel)) {
            text = &o->text;
          }
        }
        if (text != last) {
          auto made = MakePiece(*text, table.id);
          if (!made.ok()) return made.status();
          piece = *made;
          AddDistinct(&w.lead_texts_, *text);
          last = text;
        }
        w.lead_[(before * 19 + lead) * 21 + vowel] = piece;
      }
    }
  }
  for (int vowel = 0; vowel < 21; ++vowel) {
    for (int before = 0; before < 22; ++before) {
      const std::string* text = &table.vowel[vowel];
      for (const Override& o : table.overrides) {
        if (o.kind == Override::kVowelAfterVowel && o.self == vowel &&
            o.context == before) {
          text = &o.text;
        }
      }
      auto piece = MakePiece(*text, table.id);
      if (!piece.ok()) return piece.status();
      w.vowel_[vowel * 22 + before] = *piece;
    }
  }
  AddDistinct(&w.tail_texts_, "");
  for (int tail = 0; tail < 28; ++tail) {
    for (int next = 0; next < 20; ++next) {
      const std::string* text = &table.tail[tail];
      for (const Override& o : table.overrides) {
        if (o.kind == Override::kTailBeforeLead && o.self == tail &&
            o.context == next) {
          text = &o.text;
        }
      }
      auto piece = MakePiece(*text, table.id);
      if (!piece.ok()) return piece.status();
      w.tail_[tail * 20 + next] = *piece;
      AddDistinct(&w.tail_texts_, *text);
    }
  }
  w.table_ = std::move(table);
  return w;
}

bool LetterWriter::Misreadable(std::string_view vowel_a, std::string_view tail,
                               std::string_view lead,
                               std::string_view vowel_b) const {
  if (tail.empty() && lead.empty()) {
    // Two vowels side by side: misread if the last letter of the first and
    // the first of the second spell part of one vowel (se-un: "eu").
    if (vowel_a.empty() || vowel_b.empty()) return false;
    const char pair[2] = {vowel_a.back(), vowel_b.front()};
    for (const std::string& v : table_.vowel) {
      if (std::string_view(v).find(std::string_view(pair, 2)) !=
          std::string_view::npos) {
        return true;
      }
    }
    return false;
  }
  if (tail.empty()) return false;
  // A final and an initial: misread if their letters split otherwise into
  // a final and an initial of this table (ng|a vs n|ga; n|g vs ng|).
  std::string junction(tail);
  junction += lead;
  for (const std::string& t : tail_texts_) {
    if (t == tail || !std::string_view(junction).starts_with(t)) continue;
    std::string_view rest = std::string_view(junction).substr(t.size());
    if (std::find(lead_texts_.begin(), lead_texts_.end(), rest) !=
        lead_texts_.end()) {
      return true;
    }
  }
  return false;
}

void LetterWriter::AppendRun(std::span<const Syllable> run,
                             bool misreading_hyphen, std::string* out,
                             int before, int after) const {
  // Written in place with fixed-size copies of each piece (the bytes past
  // its size are overwritten by the next one), the string grown once for
  // the run and cut back after: three std::string appends a syllable, each
  // checking capacity, were a quarter of romanizing plain Korean text.
  constexpr std::size_t kPiece = sizeof(Piece::text);
  constexpr std::size_t kSyllable = 1 + 3 * kPiece;  // a hyphen, 3 pieces
  const std::size_t n = run.size();
  const std::size_t start = out->size();
  out->resize(start + n * kSyllable + kPiece);
  char* const begin = out->data() + start;
  char* at = begin;
  std::string_view last_vowel;
  std::string_view last_tail;
  for (std::size_t i = 0; i < n; ++i) {
    const Syllable& s = run[i];
    int b = before;
    int vowel_before = kNoVowel;
    if (i > 0) {
      const Syllable& p = run[i - 1];
      b = p.tail == 0 ? kAfterOpen : AfterTail(p.tail);
      if (p.tail == 0 && s.lead == hangul::kLeadNone) vowel_before = p.vowel;
    }
    const int next = i + 1 < n ? run[i + 1].lead : after;
    const Piece& lead = Lead(b, s.lead, s.vowel);
    const Piece& vowel = Vowel(s.vowel, vowel_before);
    const Piece& tail = Tail(s.tail, next);
    if (misreading_hyphen && i > 0 &&
        Misreadable(last_vowel, last_tail, lead.view(), vowel.view())) {
      *at++ = '-';
    }
    std::memcpy(at, lead.text, kPiece);
    at += lead.size;
    std::memcpy(at, vowel.text, kPiece);
    at += vowel.size;
    std::memcpy(at, tail.text, kPiece);
    at += tail.size;
    last_vowel = vowel.view();
    last_tail = tail.view();
  }
  out->resize(start + static_cast<std::size_t>(at - begin));
}

void CapitalizeAt(std::string* out, std::size_t pos) {
  if (pos >= out->size()) return;
  char& c = (*out)[pos];
  if (c >= 'a' && c <= 'z') {
    c = static_cast<char>(c - 'a' + 'A');
    return;
  }
  // The non-ASCII letters McCune–Reischauer can begin a word with.
  if (pos + 1 < out->size()) {
    auto b0 = static_cast<unsigned char>((*out)[pos]);
    char& b1 = (*out)[pos + 1];
    auto u1 = static_cast<unsigned char>(b1);
    if (b0 == 0xC5 && (u1 == 0x8F || u1 == 0xAD)) {  // ŏ ŭ -> Ŏ Ŭ
      b1 = static_cast<char>(u1 - 1);
    } else if (b0 == 0xC3 && u1 == 0xAB) {  // ë -> Ë
      b1 = static_cast<char>(0x8B);
    }
  }
}

}  // namespace onoma::romanize::internal
