// The compiled image a name index keeps: read back as it was
// written, refused when stamped for another store or version or damaged
// anywhere (the checksum), and, when every record is checked, refused
// when its records point out of bounds even under a checksum that adds up.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "lib/normalize/compiled_image_internal.h"
#include "lib/normalize/normalize.h"
#include "lib/text/unicode.h"

namespace onoma::normalize {
namespace {

using internal::ImageHeader;

Input Sample() {
  Input input;
  ConceptInput& kyiv = input.concepts.emplace_back();
  kyiv.slug = "kyiv";
  kyiv.is_place = true;
  kyiv.terms = {
      {"en", "Kyiv", FormStatus::kPreferred, FormKind::kFullForm, ""},
      {"en", "Kiev", FormStatus::kDeprecated, FormKind::kVariant, ""},
      {"uk", "Київ", FormStatus::kPreferred, FormKind::kFullForm, ""},
      {"uk", "Киев", FormStatus::kDeprecated, FormKind::kVariant, ""},
      {"ko", "키이우", FormStatus::kPreferred, FormKind::kFullForm, ""},
      {"ko", "키예프", FormStatus::kDeprecated, FormKind::kVariant, ""}};
  kyiv.negative_contexts = {"Chicken Kiev"};
  ConceptInput& nato = input.concepts.emplace_back();
  nato.slug = "nato";
  nato.terms = {{"en", "NATO", FormStatus::kPreferred, FormKind::kAcronym, ""},
                {"uk", "НАТО", FormStatus::kPreferred, FormKind::kAcronym, ""}};
  return input;
}

// `concepts` generated concepts: names of random syllables, each with a
// preferred form in en, uk and ko and a deprecated Ukrainian spelling;
// every third a person with preferred and admitted short forms in en and
// uk, every seventh with its Ukrainian forms indeclinable ("none").
Input Generated(int concepts, std::uint32_t seed) {
  static const char* const kSyllables[][3] = {
      {"ka", "ка", "카"},   {"ro", "ро", "로"}, {"vi", "ві", "비"},
      {"ly", "ли", "리"},   {"ne", "не", "네"}, {"ta", "та", "타"},
      {"mo", "мо", "모"},   {"sa", "са", "사"}, {"dor", "дор", "도르"},
      {"ban", "бан", "반"}, {"lo", "ло", "로"}, {"hu", "гу", "후"}};
  std::mt19937 rng(seed);
  Input input;
  for (int i = 0; i < concepts; ++i) {
    std::string word[3] = {"N", "Н", "느"};
    const int syllables = 2 + static_cast<int>(rng() % 4);
    for (int k = 0; k < syllables; ++k) {
      const auto& s = kSyllables[rng() % std::size(kSyllables)];
      for (int l = 0; l < 3; ++l) word[l] += s[l];
    }
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = "g" + std::to_string(i);
    c.is_place = i % 3 != 0;
    const std::string none = i % 7 == 0 ? "none" : "";
    c.terms = {
        {"en", word[0] + "sk", FormStatus::kPreferred, FormKind::kFullForm, ""},
        {"uk", word[1] + "ськ", FormStatus::kPreferred, FormKind::kFullForm,
         none},
        {"ko", word[2] + "스크", FormStatus::kPreferred, FormKind::kFullForm,
         ""},
        {"uk", word[1] + "ск", FormStatus::kDeprecated, FormKind::kVariant,
         none}};
    if (i % 3 == 0) {
      c.terms.push_back(
          {"en", word[0], FormStatus::kPreferred, FormKind::kShortForm, ""});
      c.terms.push_back({"en", word[0] + "o", FormStatus::kAdmitted,
                         FormKind::kShortForm, ""});
      c.terms.push_back(
          {"uk", word[1], FormStatus::kPreferred, FormKind::kShortForm, none});
    }
  }
  return input;
}

// What a reference reading of `input` says the matcher must hold: every
// form of every concept found whole by the automaton, with an entry of its
// concept, language, status and kind in the nominative; every concept's
// slug and preferred forms (and their classes, where the input names one)
// as given.
void ExpectHolds(const Matcher& matcher, const Input& input) {
  const internal::CompiledTerms& t = matcher.compiled();
  ASSERT_EQ(t.concept_count(), input.concepts.size());
  for (std::uint32_t i = 0; i < input.concepts.size(); ++i) {
    const ConceptInput& c = input.concepts[i];
    EXPECT_EQ(t.Slug(i), c.slug);
    for (const FormInput& f : c.terms) {
      const std::string nfc = text::ToNfc(f.form);
      const std::string folded = text::FoldCase(nfc);
      const std::uint16_t lang = t.LangIndex(f.lang);
      bool found = false;
      t.automaton.Walk(folded, 0, [&](std::size_t end, std::uint32_t state) {
        if (end != folded.size()) return;
        // A pattern's entries are in the order of their concepts.
        const auto entries = t.EntriesOf(state);
        auto e = std::partition_point(
            entries.begin(), entries.end(),
            [&](const internal::Entry& x) { return x.concept_index < i; });
        for (; e != entries.end() && e->concept_index == i; ++e) {
          found |= e->lang == lang && e->status == f.status &&
                   e->kind == f.kind && !e->negative &&
                   e->grammatical_case == Case::kNom && !e->plural;
        }
      });
      EXPECT_TRUE(found) << c.slug << " " << f.lang << " " << f.form;
      auto preferred = t.PreferredIn(i, lang);
      const bool is_short = f.kind == FormKind::kShortForm;
      if (f.status == FormStatus::kPreferred) {
        ASSERT_TRUE(preferred.has_value()) << c.slug << " " << f.form;
        EXPECT_EQ(is_short ? preferred->short_form : preferred->full, nfc);
        if (!f.inflection.empty()) {
          EXPECT_EQ(is_short ? preferred->short_inflection
                             : preferred->full_inflection,
                    f.inflection)
              << c.slug << " " << f.form;
        }
      } else if (f.status == FormStatus::kAdmitted && is_short) {
        ASSERT_TRUE(preferred.has_value()) << c.slug << " " << f.form;
        EXPECT_EQ(preferred->admitted_short, nfc);
      }
    }
  }
}

ImageKey Key(std::uint64_t version) {
  ImageKey key;
  key.version = version;
  key.store[0] = 7;
  return key;
}

ImageHeader HeaderOf(const std::string& image) {
  ImageHeader header;
  std::memcpy(&header, image.data(), sizeof(header));
  return header;
}

Result<Matcher> Read(const std::string& image, const ImageKey& key,
                     ImageChecks checks = ImageChecks::kChecksum) {
  auto owned = std::make_shared<const std::string>(image);
  return Matcher::FromImage(*owned, owned, key, checks);
}

// Every record checked, as for an image whose checksum may be forged.
Result<Matcher> ReadChecked(const std::string& image, const ImageKey& key) {
  return Read(image, key, ImageChecks::kEveryRecord);
}

TEST(CompiledImageTest, ReadsBackWhatWasWritten) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  EXPECT_EQ(image.size(), compiled->image_size());
  auto read = Read(image, Key(3));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->concept_count(), 2u);
  EXPECT_EQ(read->pattern_count(), compiled->pattern_count());
  EXPECT_EQ(read->state_count(), compiled->state_count());
  auto out = NormalizeText(*read, "У Киеве и в Chicken Kiev, Kiev.", {"uk"});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->text, "У Києві и в Chicken Kiev, Kyiv.");
}

// The owner of a mapped image hears how far the checksum has read, in
// order, up to the end of the image: it lets go of those pages as it goes.
TEST(CompiledImageTest, TheChecksumTellsHowFarItHasRead) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  std::vector<std::size_t> read_up_to;
  auto owned = std::make_shared<const std::string>(image);
  auto read = Matcher::FromImage(
      *owned, owned, Key(3), ImageChecks::kChecksum,
      [&](std::size_t offset) { read_up_to.push_back(offset); });
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_FALSE(read_up_to.empty());
  EXPECT_TRUE(std::is_sorted(read_up_to.begin(), read_up_to.end()));
  EXPECT_LE(read_up_to.back(), image.size());
  EXPECT_GT(read_up_to.back(), image.size() - 32);
}

TEST(CompiledImageTest, AnImageOfAnotherVersionOrStoreIsStale) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  auto stale = Read(compiled->Image(Key(3)), Key(4));
  EXPECT_EQ(stale.status().code(), StatusCode::kNotFound);
  ImageKey other = Key(3);
  other.store[0] = 8;
  EXPECT_EQ(Read(compiled->Image(Key(3)), other).status().code(),
            StatusCode::kNotFound);
}

TEST(CompiledImageTest, EveryByteCountsInTheChecksum) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  for (std::size_t at = 0; at < image.size(); at += 7) {
    std::string damaged = image;
    damaged[at] ^= 0x01;
    EXPECT_EQ(Read(damaged, Key(3)).status().code(), StatusCode::kBadInput)
        << "byte " << at;
    EXPECT_EQ(ReadChecked(damaged, Key(3)).status().code(),
              StatusCode::kBadInput)
        << "byte " << at;
  }
}

TEST(CompiledImageTest, ATruncatedOrExtendedImageIsRefused) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  for (std::size_t size : {std::size_t{0}, std::size_t{10}, sizeof(ImageHeader),
                           image.size() / 2, image.size() - 8}) {
    EXPECT_EQ(Read(image.substr(0, size), Key(3)).status().code(),
              StatusCode::kBadInput)
        << size << " bytes";
  }
  EXPECT_EQ(Read(image + std::string(8, '\0'), Key(3)).status().code(),
            StatusCode::kBadInput);
}

// Writes `value` over element `index` of `section` and stamps the image
// again, so that only the structural checks can catch it.
template <typename T>
std::string Poke(std::string image, internal::ImageSection section,
                 std::size_t index, std::size_t field_offset, T value) {
  const ImageHeader header = HeaderOf(image);
  const auto& ref = header.sections[section];
  EXPECT_LT(index, ref.count);
  std::size_t element = 0;
  switch (section) {
    case internal::kStateSection:
      element = sizeof(internal::Automaton::State);
      break;
    case internal::kEntrySection:
      element = sizeof(internal::Entry);
      break;
    case internal::kConceptSection:
      element = sizeof(internal::ConceptRecord);
      break;
    case internal::kPreferredSection:
      element = sizeof(internal::PreferredRecord);
      break;
    case internal::kFarEntrySection:
      element = sizeof(internal::Automaton::FarEntry);
      break;
    default:
      element = 4;
  }
  std::memcpy(image.data() + ref.offset + index * element + field_offset,
              &value, sizeof(value));
  internal::StampImage(image, Key(3));
  return image;
}

TEST(CompiledImageTest, RecordsOutOfBoundsAreRefusedUnderAGoodChecksum) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  const ImageHeader header = HeaderOf(image);
  const std::size_t states = header.sections[internal::kStateSection].count - 1;
  ASSERT_GT(states, 10u);
  struct Case {
    const char* what;
    std::string image;
  } cases[] = {
      {"a root whose children come before it",
       Poke<std::uint32_t>(image, internal::kStateSection, 0, 0, 0u)},
      {"an entry range that runs backwards",
       Poke<std::uint16_t>(image, internal::kStateSection, 1, 4, 0x7FF0u)},
      {"a form's end without entries",
       Poke<std::uint16_t>(image, internal::kStateSection, 1, 4, 0x8000u)},
      {"an entry offset of no far entry",
       Poke<std::uint16_t>(image, internal::kStateSection, 1, 4, 0x7FFFu)},
      {"an entry base past the entries",
       Poke<std::uint32_t>(image, internal::kEntryBaseSection, 0, 0, 1000u)},
      {"a child range past the end",
       Poke<std::uint8_t>(
           Poke<std::uint32_t>(image, internal::kStateSection, 1, 0,
                               static_cast<std::uint32_t>(states - 2)),
           internal::kStateSection, 1, 7, 200)},
      {"a root edge out of range",
       Poke<std::uint32_t>(image, internal::kRootSection, 'k', 0, 0x7FFFFFFFu)},
      {"an entry of no concept",
       Poke<std::uint32_t>(image, internal::kEntrySection, 0, 0, 99u)},
      {"an entry of an unknown status",
       Poke<std::uint8_t>(image, internal::kEntrySection, 0, 4, 0xFF)},
      {"an entry of an unknown case pattern",
       Poke<std::uint8_t>(image, internal::kEntrySection, 0, 5, 0xFF)},
      {"an entry of an unknown language",  // the last: a Korean form's
       Poke<std::uint8_t>(image, internal::kEntrySection,
                          header.sections[internal::kEntrySection].count - 1, 3,
                          0xF0)},
      {"preferred forms outside the strings",
       Poke<std::uint32_t>(image, internal::kPreferredSection, 0, 4,
                           0x10000000u)},
      {"a preferred form of an unknown declension class",
       Poke<std::uint16_t>(image, internal::kPreferredSection, 0, 14, 999)},
      {"a declension class outside the strings",
       Poke<std::uint32_t>(image, internal::kClassSection, 0, 0, 0x10000000u)},
      {"a slug outside the strings",
       Poke<std::uint32_t>(image, internal::kConceptSection, 0, 4,
                           0x10000000u)},
  };
  for (const Case& c : cases) {
    auto read = ReadChecked(c.image, Key(3));
    EXPECT_EQ(read.status().code(), StatusCode::kBadInput) << c.what;
  }
}

// The normal open trusts the records of an image whose checksum adds up
// (docs/terms.md, "The compiled name index"): only the O(1) checks of the
// header and the sections' bounds remain beside the checksum.
TEST(CompiledImageTest, TheNormalOpenChecksTheSectionsNotEveryRecord) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  const std::string bad_entry =
      Poke<std::uint32_t>(image, internal::kEntrySection, 0, 0, 99u);
  EXPECT_TRUE(Read(bad_entry, Key(3)).ok());
  EXPECT_EQ(ReadChecked(bad_entry, Key(3)).status().code(),
            StatusCode::kBadInput);

  std::string bad_section = image;
  ImageHeader header = HeaderOf(image);
  header.sections[internal::kEntrySection].count = image.size();
  std::memcpy(bad_section.data(), &header, sizeof(header));
  internal::StampImage(bad_section, Key(3));
  auto read = Read(bad_section, Key(3));
  EXPECT_EQ(read.status().code(), StatusCode::kBadInput);
  EXPECT_NE(read.status().message().find("out of bounds"), std::string::npos)
      << read.status().message();
}

// Random damage under a good checksum: every image is refused or reads
// text without leaving its arrays (the sanitizer builds check the latter),
// a pattern longer than the text read included.
TEST(CompiledImageTest, RandomDamageIsRefusedOrHarmless) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  std::mt19937 rng(16);
  int refused = 0;
  for (int i = 0; i < 500; ++i) {
    std::string damaged = image;
    std::size_t at =
        sizeof(ImageHeader) + rng() % (damaged.size() - sizeof(ImageHeader));
    damaged[at] = static_cast<char>(rng());
    internal::StampImage(damaged, Key(3));
    auto read = ReadChecked(damaged, Key(3));
    if (!read.ok()) {
      ++refused;
      continue;
    }
    for (const char* text : {"Kiev, Киеве, 키예프는, NATO, НАТО.", "K", ""}) {
      auto out = NormalizeText(*read, text, {});
      EXPECT_TRUE(out.ok());
    }
  }
  EXPECT_GT(refused, 0);
}

// Entries past the entry section are caught by the normal open too: the
// check costs one comparison.
TEST(CompiledImageTest, EntriesPastTheirSectionAreRefusedByTheNormalOpen) {
  auto compiled = Matcher::Compile(Sample());
  ASSERT_TRUE(compiled.ok());
  const std::string image = compiled->Image(Key(3));
  const ImageHeader header = HeaderOf(image);
  const std::size_t records = header.sections[internal::kStateSection].count;
  const std::string damaged = Poke<std::uint16_t>(
      image, internal::kStateSection, records - 1, 4, 0x7FF0u);
  auto read = Read(damaged, Key(3));
  EXPECT_EQ(read.status().code(), StatusCode::kBadInput);
}

// An entry numbers its language in 8 bits: a store of more languages is
// refused, not compiled wrong.
TEST(CompiledImageTest, AStoreOfTooManyLanguagesIsRefused) {
  Input input;
  for (int i = 0; i < 257; ++i) {
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = "c" + std::to_string(i);
    c.terms = {{"x" + std::to_string(i), "Name" + std::to_string(i),
                FormStatus::kPreferred, FormKind::kFullForm, ""}};
  }
  auto compiled = Matcher::Compile(input);
  EXPECT_EQ(compiled.status().code(), StatusCode::kBadInput);
  EXPECT_NE(compiled.status().message().find("257 languages"),
            std::string::npos)
      << compiled.status().message();
  input.concepts.pop_back();
  EXPECT_TRUE(Matcher::Compile(input).ok());
}

// A generated store read back from its image, every record checked: the
// automaton, the entries and the preferred forms say what the store does.
TEST(CompiledImageTest, AGeneratedStoreReadsBackAsItWasGiven) {
  const Input input = Generated(3000, 16);
  auto compiled = Matcher::Compile(input);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  ASSERT_GT(compiled->state_count(), 20000u);
  auto read = ReadChecked(compiled->Image(Key(3)), Key(3));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ExpectHolds(*read, input);
  // The same rewrites as the names compiled in memory.
  std::string text;
  for (std::size_t i = 0; i < input.concepts.size(); i += 37) {
    text += "У " + input.concepts[i].terms[3].form + " і " +
            input.concepts[i].terms[0].form + ". ";
  }
  auto a = NormalizeText(*compiled, text, {"uk"});
  auto b = NormalizeText(*read, text, {"uk"});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->text, b->text);
  EXPECT_NE(a->text, text);
}

// A form shared by more concepts than a 15-bit offset counts: the states
// after it in its block keep their first entries in the far table, and
// damage to that table is refused.
TEST(CompiledImageTest, AFormOfManyConceptsKeepsItsEntries) {
  Input input = Generated(200, 6);
  constexpr int kSharing = 40000;
  for (int i = 0; i < kSharing; ++i) {
    ConceptInput& c = input.concepts.emplace_back();
    c.slug = "s" + std::to_string(i);
    c.terms = {
        {"en", "Springfield", FormStatus::kDeprecated, FormKind::kVariant, ""},
        {"en", "Springfield" + std::to_string(i % 50), FormStatus::kPreferred,
         FormKind::kFullForm, ""}};
  }
  auto compiled = Matcher::Compile(input);
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  const std::string image = compiled->Image(Key(3));
  ASSERT_GT(HeaderOf(image).sections[internal::kFarEntrySection].count, 0u);
  auto read = ReadChecked(image, Key(3));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ExpectHolds(*read, input);
  const std::string damaged =
      Poke<std::uint32_t>(image, internal::kFarEntrySection, 0, 4, 1u);
  EXPECT_EQ(ReadChecked(damaged, Key(3)).status().code(),
            StatusCode::kBadInput);
}

}  // namespace
}  // namespace onoma::normalize
