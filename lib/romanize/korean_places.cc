// Places mode (RomanizeOptions::place): RR chapter 3 clauses 3, 5 and 6.
//
// 3.3: a proper noun begins with a capital (부산 Busan). 3.5: the units
// 도 시 군 구 읍 면 리 동 가 are written do si gun gu eup myeon ri dong ga
// after a hyphen, and "sound changes before and after the hyphen are not
// written" (인왕리 Inwang-ri, not Inwangni; 삼죽면 Samjuk-myeon);
// [붙임]: 시 군 읍 may be left out (청주시 Cheongju). A number before a unit
// is kept, with its reading (봉천1동 Bongcheon 1(il)-dong, 종로 2가 Jongno
// 2(i)-ga). 3.6: names of natural features, cultural properties and
// buildings are written as one word, without a hyphen (남산 Namsan, 독도
// Dokdo): 도 is a unit only after the name of a province, or it would
// split every island. Names that end in a unit's syllable without being
// one (대구 Daegu, 왕십리 Wangsimni) are listed in [names].
//
// Roads of the road-name address, stations and the facilities whose
// generic is translated (세종대로 Sejong-daero, 서울역 Seoul Station,
// 김포공항 Gimpo Airport) are found by korean_roads.cc in
// tables/korean/ko-generics.txt and written here.
//
// Which units exist, which may be left out, and the provinces are data:
// tables/korean/ko-units.txt. Tested by tests/romanize/korean_rr_test.cc
// (the place rows of ko-rr-notice.tsv and ko-rr-rules.tsv, EvaluationLists).

#include <algorithm>
#include <string>

#include "lib/romanize/korean_engine_internal.h"
#include "lib/romanize/korean_table_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// The Sino-Korean reading of a number below 10000, in Hangul syllables
// (2 -> 이, 16 -> 십육, 105 -> 백오); empty if it is larger or starts
// with 0 (except 0 itself, 영).
std::vector<Syllable> SinoKoreanReading(std::string_view digits) {
  static constexpr char32_t kDigit[] = {0,     U'일', U'이', U'삼', U'사',
                                        U'오', U'육', U'칠', U'팔', U'구'};
  static constexpr char32_t kPlace[] = {0, U'십', U'백', U'천'};
  std::vector<Syllable> out;
  if (digits == "0") {
    out.push_back(hangul::Decompose(U'영'));
    return out;
  }
  if (digits.size() > 4 || digits.front() == '0') return out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[i] - '0';
    std::size_t place = digits.size() - 1 - i;
    if (d == 0) continue;
    // 십, 백, 천 stand alone for 1 (십이 for 12, not 일십이).
    if (d != 1 || place == 0) out.push_back(hangul::Decompose(kDigit[d]));
    if (place > 0) out.push_back(hangul::Decompose(kPlace[place]));
  }
  return out;
}

bool IsListed(const std::vector<std::vector<Syllable>>& list,
              std::span<const Syllable> run) {
  return std::any_of(
      list.begin(), list.end(), [&](const std::vector<Syllable>& p) {
        return std::equal(p.begin(), p.end(), run.begin(), run.end());
      });
}

// Whether a unit may follow the one-syllable name `stem` (양구 Yanggu is
// a county, not 양-gu; 중구 Jung-gu is a district).
bool ShortStemFits(const Unit& unit, const Syllable& stem) {
  if (unit.short_stems.empty() && !unit.short_closed) return true;
  if (unit.short_closed && stem.tail != hangul::kTailNone) return true;
  return std::find(unit.short_stems.begin(), unit.short_stems.end(), stem) !=
         unit.short_stems.end();
}

const Unit* FindUnit(const KoreanData& data, std::span<const Syllable> run) {
  // 3.6: a name that only ends in a unit's syllable (대구 Daegu, 왕십리
  // Wangsimni) is one word.
  if (IsListed(data.whole_names, run)) return nullptr;
  // Nor one that ends in a word such as 거리 (사거리 Sageori).
  for (const std::vector<Syllable>& ending : data.whole_endings) {
    if (run.size() >= ending.size() &&
        std::equal(ending.begin(), ending.end(),
                   run.end() - static_cast<std::ptrdiff_t>(ending.size()))) {
      return nullptr;
    }
  }
  for (const Unit& unit : data.units) {
    const std::size_t n = unit.hangul.size();
    if (unit.numbered_only || run.size() < n + unit.min_stem) continue;
    if (!std::equal(unit.hangul.begin(), unit.hangul.end(),
                    run.end() - static_cast<std::ptrdiff_t>(n))) {
      continue;
    }
    if (unit.province_only) {
      if (!IsListed(data.provinces, run.first(run.size() - n))) continue;
    }
    if (run.size() == n + 1 && !ShortStemFits(unit, run.front())) continue;
    return &unit;
  }
  return nullptr;
}

const Unit* ExactUnit(const KoreanData& data, std::span<const Syllable> run) {
  for (const Unit& unit : data.units) {
    if (std::equal(unit.hangul.begin(), unit.hangul.end(), run.begin(),
                   run.end())) {
      return &unit;
    }
  }
  return nullptr;
}

// A road named with -로 after a syllable in ㄴ reads it [노], as the RR
// notice's own 신문로 [신문노] Sinmunno (3.1.1) and 표준 발음법 제20항
// [붙임]'s 횡단로 [횡단노]: 경인로 Gyeonginno, 테헤란로 Teheranno,
// 남부순환로 Nambusunhwanno. Only a place name's last syllable: 로 inside a
// word (진로 [질로] "career") follows 제20항.
void ReadRoadSuffix(std::vector<Syllable>& run) {
  const Syllable ro = hangul::Decompose(U'로');
  if (run.size() >= 2 && run.back() == ro &&
      run[run.size() - 2].tail == hangul::kTailN) {
    run.back().lead = hangul::kLeadN;
  }
}

// What follows a word of a place's text, as it bears on the word: a
// numbered unit (2가) makes the word that unit's name, which keeps its own
// form (종로 2가 Jongno 2(i)-ga, with the road option too); a numbered side
// street (4길) makes it a road (테헤란로 4길 Teheran-ro 4-gil).
enum class Next { kOther, kNumberedUnit, kSideStreet };

Next ClassifyNext(const KoreanData& data, std::string_view next) {
  if (next.empty()) return Next::kOther;
  std::vector<TextItem> items = SplitText(next);
  if (items.size() != 2 || !NumberBefore(next, items, 0)) return Next::kOther;
  if (ExactUnit(data, items[1].run)) return Next::kNumberedUnit;
  if (SideStreetPrefix(data, items[1].run) != kNotSideStreet) {
    return Next::kSideStreet;
  }
  return Next::kOther;
}

// `after_name`: the word follows another word of the same text (달성 공원:
// 공원 after 달성).
void WritePlaceWord(const KoreanEngine& engine, std::string_view word,
                    Next next, bool station_name, bool after_name,
                    const RomanizeOptions& options, std::string* out) {
  const KoreanData& data = engine.data();
  const LetterWriter& w = engine.writer(options);
  std::vector<TextItem> items = SplitText(word);
  const std::size_t k = items.size();
  // A generic written apart from its name is translated too (달성 공원
  // Dalseong Park, the directive's own example), unless its English begins
  // with its unit (-gu Office), which needs the name joined to it.
  if (after_name && k == 1 && items[0].kind == TextItem::kRun) {
    for (const TranslatedGeneric& generic : data.translated) {
      if (generic.hangul == items[0].run && !generic.english.starts_with('-')) {
        out->append(generic.english);
        return;
      }
    }
  }
  // A station: 서울역 Seoul Station, 명동역 Myeong-dong Station. Its name is
  // written as a place, but as the station's own sign has it: a road in 로
  // keeps its older form (충정로역 Chungjeongno Station), so the name takes
  // no road form. A facility is translated in it as anywhere (영등포구청역
  // Yeongdeungpo-gu Office Station, 서울대공원역 Seoul Grand Park Station).
  if (k >= 1 && items[k - 1].kind == TextItem::kRun) {
    std::size_t syllables = 0;
    for (const TextItem& item : items) syllables += item.run.size();
    const std::vector<Syllable>& last = items[k - 1].run;
    if (const TranslatedGeneric* generic =
            FindTranslated(data, last, syllables)) {
      std::string name(word.substr(0, items[k - 1].begin));
      for (std::size_t i = 0; i + generic->hangul.size() < last.size(); ++i) {
        hangul::AppendUtf8(hangul::Compose(last[i]), &name);
      }
      WritePlaceWord(engine, name, Next::kOther, /*station_name=*/true,
                     /*after_name=*/false, options, out);
      // English that begins with its unit is joined to the name
      // (양천구청 Yangcheon-gu Office).
      if (!generic->english.starts_with('-')) out->push_back(' ');
      out->append(generic->english);
      return;
    }
  }
  if (!station_name && WriteSideStreet(engine, word, items, options, out)) {
    return;
  }
  if (k == 1 && items[0].kind == TextItem::kRun) {
    std::vector<Syllable>& run = items[0].run;
    // Two names joined (천안아산 Cheonan-Asan) or apart (성산일출봉
    // Seongsan Ilchulbong): each a word of its own.
    for (const JoinedName& joined : data.joined_names) {
      if (joined.hangul != run) continue;
      std::span<Syllable> all(run);
      std::size_t start = out->size();
      engine.AppendWord(all.first(joined.split), options, out);
      CapitalizeAt(out, start);
      out->push_back(joined.separator);
      start = out->size();
      engine.AppendWord(all.subspan(joined.split), options, out);
      CapitalizeAt(out, start);
      return;
    }
    // A name with its unit: 의정부시, 충청북도.
    if (const Unit* unit = FindUnit(data, run)) {
      std::span<Syllable> stem(run.data(), run.size() - unit->hangul.size());
      std::span<Syllable> tail(run.data() + stem.size(), unit->hangul.size());
      std::size_t start = out->size();
      engine.AppendWord(stem, options, out);
      CapitalizeAt(out, start);
      if (options.omit_unit_suffix && unit->omissible) return;
      out->push_back('-');
      engine.AppendWord(tail, options, out, HyphenContext(w, stem));
      return;
    }
    // A road: always in 대로 and 길; in 로 with the road option (not as
    // the name of a numbered 가: 종로 2가) or before a side street.
    const bool road_option = (options.road && next != Next::kNumberedUnit) ||
                             next == Next::kSideStreet;
    if (!station_name && WriteRoad(engine, run, road_option, options, out)) {
      return;
    }
  }
  // A numbered unit, after a name or not: 봉천1동, 2가.
  if (k >= 2 && NumberBefore(word, items, k - 2) &&
      (k == 2 || (k == 3 && items[0].kind == TextItem::kRun)) &&
      ExactUnit(data, items[k - 1].run)) {
    std::string_view digits =
        word.substr(items[k - 2].begin, items[k - 2].end - items[k - 2].begin);
    if (k == 3) {
      // The name of the numbered unit, as it is written on its own: a
      // road's 로 read [노] (남대문로5가 Namdaemunno 5(o)-ga), a unit
      // of its own hyphenated (명동2가 Myeong-dong 2(i)-ga).
      std::vector<Syllable>& name = items[0].run;
      ReadRoadSuffix(name);
      std::size_t start = out->size();
      if (const Unit* unit = FindUnit(data, name)) {
        std::span<Syllable> stem(name.data(),
                                 name.size() - unit->hangul.size());
        std::span<Syllable> tail(name.data() + stem.size(),
                                 unit->hangul.size());
        engine.AppendWord(stem, options, out);
        out->push_back('-');
        engine.AppendWord(tail, options, out, HyphenContext(w, stem));
      } else {
        engine.AppendWord(name, options, out);
      }
      CapitalizeAt(out, start);
      out->push_back(' ');
    }
    out->append(digits);
    std::vector<Syllable> reading;
    if (options.number_reading) reading = SinoKoreanReading(digits);
    int before = LetterWriter::kAtStart;
    if (!reading.empty()) {
      out->push_back('(');
      engine.AppendWord(reading, options, out);
      out->push_back(')');
      before = HyphenContext(w, reading);
    }
    out->push_back('-');
    engine.AppendWord(items[k - 1].run, options, out, before);
    return;
  }
  // Anything else: a natural feature (남산 Namsan) or a name without unit.
  for (TextItem& item : items) {
    std::size_t start = out->size();
    if (item.kind == TextItem::kRun) {
      ReadRoadSuffix(item.run);
      engine.AppendWord(item.run, options, out);
    } else if (item.kind == TextItem::kLetter) {
      engine.AppendLetter(item.letter, options, out);
    } else {
      out->append(word.substr(item.begin, item.end - item.begin));
      continue;
    }
    if (StartsWord(word, item.begin)) CapitalizeAt(out, start);
  }
}

}  // namespace

int HyphenContext(const LetterWriter& w, std::span<const Syllable> pronounced) {
  // Only voicing looks across the hyphen (McCune–Reischauer Cheju-do);
  // RR writes each side on its own.
  if (!w.table().voicing || pronounced.empty()) return LetterWriter::kAtStart;
  int tail = pronounced.back().tail;
  return tail == 0 ? LetterWriter::kAfterOpen : LetterWriter::AfterTail(tail);
}

// Whether items[i] is a number followed by the run items[i + 1].
bool NumberBefore(std::string_view word, const std::vector<TextItem>& items,
                  std::size_t i) {
  return i + 1 < items.size() && items[i].kind == TextItem::kOther &&
         items[i + 1].kind == TextItem::kRun &&
         IsDigits(word.substr(items[i].begin, items[i].end - items[i].begin));
}

Status ParseUnits(std::string_view contents, std::string_view path,
                  KoreanData* data) {
  enum class Section {
    kNone,
    kUnits,
    kProvinces,
    kNames,
    kEndings,
    kJoined,
    kSpaced
  } section = Section::kNone;
  std::vector<JoinedName> joined;
  std::vector<Unit> units;
  std::vector<std::vector<Syllable>> provinces;
  std::vector<std::vector<Syllable>> names;
  std::vector<std::vector<Syllable>> endings;
  for (const TableLine& line : SplitTableLines(contents)) {
    const TableField& first = line.fields[0];
    if (first.text == "[units]") {
      section = Section::kUnits;
      continue;
    }
    if (first.text == "[provinces]") {
      section = Section::kProvinces;
      continue;
    }
    if (first.text == "[names]") {
      section = Section::kNames;
      continue;
    }
    if (first.text == "[endings]") {
      section = Section::kEndings;
      continue;
    }
    if (first.text == "[joined]") {
      section = Section::kJoined;
      continue;
    }
    if (first.text == "[spaced]") {
      section = Section::kSpaced;
      continue;
    }
    if (section == Section::kNone) {
      return TableError(path, line, first,
                        "expected [units], [provinces], [names], "
                        "[endings], [joined] or [spaced] first");
    }
    std::vector<Syllable> syllables;
    if (!hangul::ToSyllables(first.text, &syllables)) {
      return TableError(path, line, first, "expected Hangul syllables");
    }
    if (section == Section::kJoined || section == Section::kSpaced) {
      const bool spaced = section == Section::kSpaced;
      std::vector<Syllable> second;
      if (line.fields.size() != 2 ||
          !hangul::ToSyllables(line.fields[1].text, &second)) {
        return TableError(path, line, line.fields.back(),
                          spaced ? "a [spaced] line holds the two names"
                                 : "a [joined] line holds the two names");
      }
      const std::size_t split = syllables.size();
      syllables.insert(syllables.end(), second.begin(), second.end());
      joined.push_back(
          JoinedName{std::move(syllables), split, spaced ? ' ' : '-'});
      continue;
    }
    if (section != Section::kUnits) {
      if (line.fields.size() != 1) {
        return TableError(path, line, line.fields[1],
                          section == Section::kNames
                              ? "a [names] line holds the name only"
                          : section == Section::kEndings
                              ? "an [endings] line holds the ending only"
                              : "a province line holds its name only");
      }
      (section == Section::kNames     ? names
       : section == Section::kEndings ? endings
                                      : provinces)
          .push_back(std::move(syllables));
      continue;
    }
    Unit unit;
    unit.hangul = std::move(syllables);
    for (std::size_t i = 1; i < line.fields.size(); ++i) {
      std::string_view f = line.fields[i].text;
      if (f == "omissible") {
        unit.omissible = true;
      } else if (f == "numbered-only") {
        unit.numbered_only = true;
      } else if (f == "province-only") {
        unit.province_only = true;
      } else if (f.starts_with("min-stem=") && f.size() == 10 && f[9] >= '1' &&
                 f[9] <= '9') {
        unit.min_stem = static_cast<std::size_t>(f[9] - '0');
      } else if (f.starts_with("short-stems=")) {
        std::string_view list = f.substr(12);
        if (list.starts_with("closed,")) {
          unit.short_closed = true;
          list.remove_prefix(7);
        }
        if (!hangul::ToSyllables(list, &unit.short_stems)) {
          return TableError(path, line, line.fields[i],
                            "short-stems= takes Hangul syllables, after "
                            "'closed,' or not");
        }
      } else {
        return TableError(path, line, line.fields[i],
                          "unknown attribute (omissible, numbered-only, "
                          "province-only, min-stem=N, short-stems=...)");
      }
    }
    units.push_back(std::move(unit));
  }
  std::stable_sort(units.begin(), units.end(),
                   [](const Unit& a, const Unit& b) {
                     return a.hangul.size() > b.hangul.size();
                   });
  data->units = std::move(units);
  data->provinces = std::move(provinces);
  data->whole_names = std::move(names);
  data->whole_endings = std::move(endings);
  data->joined_names = std::move(joined);
  return Status::Ok();
}

void RomanizePlace(const KoreanEngine& engine, std::string_view text,
                   const RomanizeOptions& options, std::string* out) {
  std::size_t pos = 0;
  bool after_name = false;
  while (pos < text.size()) {
    std::size_t end = pos;
    if (IsSpace(text[pos])) {
      while (end < text.size() && IsSpace(text[end])) ++end;
      out->append(text.substr(pos, end - pos));
    } else {
      while (end < text.size() && !IsSpace(text[end])) ++end;
      std::size_t next = end;
      while (next < text.size() && IsSpace(text[next])) ++next;
      std::size_t next_end = next;
      while (next_end < text.size() && !IsSpace(text[next_end])) ++next_end;
      WritePlaceWord(
          engine, text.substr(pos, end - pos),
          ClassifyNext(engine.data(), text.substr(next, next_end - next)),
          /*station_name=*/false, after_name, options, out);
      after_name = true;
    }
    pos = end;
  }
}

}  // namespace onoma::romanize::internal
