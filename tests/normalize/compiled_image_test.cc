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
       Poke<std::uint8_t>(image, internal::kEntrySection, 0, 6, 0xFF)},
      {"an entry of an unknown case pattern",
       Poke<std::uint8_t>(image, internal::kEntrySection, 0, 7, 0xFF)},
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

}  // namespace
}  // namespace onoma::normalize
