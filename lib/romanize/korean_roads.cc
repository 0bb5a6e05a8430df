// Roads and stations in places mode: reading tables/korean/ko-generics.txt,
// recognizing its generics at the end of a name, and writing roads and
// numbered side streets; korean_places.cc calls these and writes stations.
//
// A road of the road-name address ends in its class, 대로, 로 or 길, which
// the Ministry of the Interior writes after a hyphen with no sound change
// across it (세종대로 Sejong-daero); a numbered side street has its number
// before 길 (테헤란로4길 Teheran-ro 4-gil). A station's 역 is written in
// English after the name (서울역 Seoul Station), and so are the generics
// that official signs translate (김포공항 Gimpo Airport, 종로구청 Jongno-gu
// Office); the table gives their sources. The table's comments give
// the sources; docs/korean.md ("Roads, stations and numbers as signs
// write them") the choices.
//
// Tested by tests/romanize/korean_rr_test.cc (RoadsAndStations,
// EvaluationLists) and korean_tables_test.cc (the table's errors).

#include <algorithm>
#include <string>

#include "lib/romanize/korean_engine_internal.h"
#include "lib/romanize/korean_table_internal.h"

namespace onoma::romanize::internal {
namespace {

using hangul::Syllable;

bool EndsWith(std::span<const Syllable> run,
              const std::vector<Syllable>& ending) {
  return run.size() >= ending.size() &&
         std::equal(ending.begin(), ending.end(),
                    run.end() - static_cast<std::ptrdiff_t>(ending.size()));
}

// Reads "min-stem=N" (N a digit 1-9) into *min_stem; false if `f` is not
// that.
bool ReadMinStem(std::string_view f, std::size_t* min_stem) {
  if (!f.starts_with("min-stem=") || f.size() != 10 || f[9] < '1' ||
      f[9] > '9') {
    return false;
  }
  *min_stem = static_cast<std::size_t>(f[9] - '0');
  return true;
}

// The syllables of the road class that ends `run` (2 for 세종대로, 1 for
// 종로 when `road_option`), or 0 when `run` is not a road's name.
std::size_t RoadClassSize(const KoreanData& data, std::span<const Syllable> run,
                          bool road_option) {
  for (const RoadName& road : data.road_names) {
    if (std::equal(road.hangul.begin(), road.hangul.end(), run.begin(),
                   run.end())) {
      return road.needs_option && !road_option ? 0 : road.class_size;
    }
  }
  // Longest class first: 세종대로 is 세종 + 대로, not 세종대 + 로.
  for (const RoadClass& road_class : data.road_classes) {
    if (run.size() < road_class.hangul.size() + road_class.min_stem ||
        !EndsWith(run, road_class.hangul)) {
      continue;
    }
    if (road_class.needs_option && !road_option) return 0;
    return road_class.hangul.size();
  }
  return 0;
}

// A road as the road-name address writes it: the name as one word with its
// sound changes, a hyphen, the class on its own (세종대로 Sejong-daero,
// 선릉로 Seolleung-ro, 대학로 Daehak-ro).
void WriteRoadClass(const KoreanEngine& engine, std::span<Syllable> run,
                    std::size_t class_size, const RomanizeOptions& options,
                    std::string* out) {
  std::span<Syllable> name = run.first(run.size() - class_size);
  std::span<Syllable> road_class = run.last(class_size);
  const std::size_t start = out->size();
  engine.AppendWord(name, options, out);
  CapitalizeAt(out, start);
  out->push_back('-');
  engine.AppendWord(road_class, options, out,
                    HyphenContext(engine.writer(options), name));
}

}  // namespace

bool WriteRoad(const KoreanEngine& engine, std::span<Syllable> run,
               bool road_option, const RomanizeOptions& options,
               std::string* out) {
  const std::size_t class_size = RoadClassSize(engine.data(), run, road_option);
  if (class_size == 0) return false;
  WriteRoadClass(engine, run, class_size, options, out);
  return true;
}

bool WriteSideStreet(const KoreanEngine& engine, std::string_view word,
                     std::vector<TextItem>& items,
                     const RomanizeOptions& options, std::string* out) {
  // A numbered side street, after its road or not: 테헤란로4길 Teheran-ro
  // 4-gil, 중앙로123번길 Jungang-ro 123beon-gil. The road-name address
  // writes the number without its reading.
  const std::size_t k = items.size();
  if (k < 2 || !NumberBefore(word, items, k - 2) ||
      (k == 3 && items[0].kind != TextItem::kRun) || k > 3) {
    return false;
  }
  std::span<Syllable> street(items[k - 1].run);
  const std::size_t prefix = SideStreetPrefix(engine.data(), street);
  if (prefix == kNotSideStreet) return false;
  if (k == 3) {
    // The road before it is one whatever its class (테헤란로 Teheran-ro);
    // a name without a class too (장미1길 Jangmi 1-gil).
    std::span<Syllable> road(items[0].run);
    if (!WriteRoad(engine, road, /*road_option=*/true, options, out)) {
      const std::size_t start = out->size();
      engine.AppendWord(road, options, out);
      CapitalizeAt(out, start);
    }
    out->push_back(' ');
  }
  out->append(
      word.substr(items[k - 2].begin, items[k - 2].end - items[k - 2].begin));
  int before = LetterWriter::kAtStart;
  if (prefix > 0) {
    engine.AppendWord(street.first(prefix), options, out);
    before = HyphenContext(engine.writer(options), street.first(prefix));
  }
  out->push_back('-');
  engine.AppendWord(street.subspan(prefix), options, out, before);
  return true;
}

std::size_t SideStreetPrefix(const KoreanData& data,
                             std::span<const Syllable> run) {
  for (const RoadClass& road_class : data.road_classes) {
    if (!road_class.numbered || !EndsWith(run, road_class.hangul)) continue;
    const std::size_t extra = run.size() - road_class.hangul.size();
    if (extra == 0) return 0;
    if (extra == 1 &&
        std::find(data.road_numbers.begin(), data.road_numbers.end(),
                  std::vector<Syllable>{run.front()}) !=
            data.road_numbers.end()) {
      return 1;
    }
  }
  return kNotSideStreet;
}

const TranslatedGeneric* FindTranslated(const KoreanData& data,
                                        std::span<const Syllable> run,
                                        std::size_t word_syllables) {
  for (const TranslatedGeneric& generic : data.translated) {
    if (EndsWith(run, generic.hangul) &&
        word_syllables >= generic.hangul.size() + generic.min_stem) {
      return &generic;
    }
  }
  return nullptr;
}

Status ParseGenerics(std::string_view contents, std::string_view path,
                     KoreanData* data) {
  enum class Section {
    kNone,
    kRoads,
    kNumbers,
    kRoadNames,
    kTranslated
  } section = Section::kNone;
  std::vector<RoadClass> classes;
  std::vector<std::vector<Syllable>> numbers;
  std::vector<RoadName> names;
  std::vector<TranslatedGeneric> translated;
  for (const TableLine& line : SplitTableLines(contents)) {
    const TableField& first = line.fields[0];
    if (first.text == "[roads]") {
      section = Section::kRoads;
      continue;
    }
    if (first.text == "[numbers]") {
      section = Section::kNumbers;
      continue;
    }
    if (first.text == "[road-names]") {
      section = Section::kRoadNames;
      continue;
    }
    if (first.text == "[stations]" || first.text == "[facilities]") {
      section = Section::kTranslated;
      continue;
    }
    if (section == Section::kNone) {
      return TableError(path, line, first,
                        "expected [roads], [numbers], [road-names], "
                        "[stations] or [facilities] first");
    }
    std::vector<Syllable> syllables;
    if (!hangul::ToSyllables(first.text, &syllables)) {
      return TableError(path, line, first, "expected Hangul syllables");
    }
    switch (section) {
      case Section::kNone:
        break;
      case Section::kRoads: {
        RoadClass road_class;
        road_class.hangul = std::move(syllables);
        for (std::size_t i = 1; i < line.fields.size(); ++i) {
          std::string_view f = line.fields[i].text;
          if (f == "road-option") {
            road_class.needs_option = true;
          } else if (f == "numbered") {
            road_class.numbered = true;
          } else if (!ReadMinStem(f, &road_class.min_stem)) {
            return TableError(path, line, line.fields[i],
                              "unknown attribute (min-stem=N, road-option, "
                              "numbered)");
          }
        }
        classes.push_back(std::move(road_class));
        break;
      }
      case Section::kNumbers:
        if (syllables.size() != 1 || line.fields.size() != 1) {
          return TableError(path, line, first,
                            "a [numbers] line holds one syllable only");
        }
        numbers.push_back(std::move(syllables));
        break;
      case Section::kRoadNames: {
        std::vector<Syllable> road_class;
        if (line.fields.size() != 2 ||
            !hangul::ToSyllables(line.fields[1].text, &road_class) ||
            road_class.size() >= syllables.size() ||
            !EndsWith(syllables, road_class)) {
          return TableError(path, line, line.fields.back(),
                            "a [road-names] line holds the road's name and "
                            "the class it ends in");
        }
        auto found = std::find_if(
            classes.begin(), classes.end(),
            [&](const RoadClass& c) { return c.hangul == road_class; });
        if (found == classes.end()) {
          return TableError(path, line, line.fields[1],
                            "not a class of [roads] above");
        }
        names.push_back(RoadName{std::move(syllables), road_class.size(),
                                 found->needs_option});
        break;
      }
      case Section::kTranslated: {
        TranslatedGeneric generic;
        generic.hangul = std::move(syllables);
        // The English words, then the attributes (Station min-stem=2;
        // International Airport).
        std::size_t i = 1;
        for (; i < line.fields.size(); ++i) {
          std::string_view f = line.fields[i].text;
          if (f.find('=') != std::string_view::npos) break;
          if (!generic.english.empty()) generic.english.push_back(' ');
          generic.english.append(f);
        }
        if (generic.english.empty()) {
          return TableError(path, line, first,
                            "a [stations] or [facilities] line holds the "
                            "generic and its English words");
        }
        for (; i < line.fields.size(); ++i) {
          if (!ReadMinStem(line.fields[i].text, &generic.min_stem)) {
            return TableError(path, line, line.fields[i],
                              "unknown attribute (min-stem=N)");
          }
        }
        translated.push_back(std::move(generic));
        break;
      }
    }
  }
  std::stable_sort(classes.begin(), classes.end(),
                   [](const RoadClass& a, const RoadClass& b) {
                     return a.hangul.size() > b.hangul.size();
                   });
  // Longest first: 인천국제공항 is 인천 + 국제공항, not 인천국제 + 공항.
  std::stable_sort(translated.begin(), translated.end(),
                   [](const TranslatedGeneric& a, const TranslatedGeneric& b) {
                     return a.hangul.size() > b.hangul.size();
                   });
  data->road_classes = std::move(classes);
  data->road_numbers = std::move(numbers);
  data->road_names = std::move(names);
  data->translated = std::move(translated);
  return Status::Ok();
}

}  // namespace onoma::romanize::internal
