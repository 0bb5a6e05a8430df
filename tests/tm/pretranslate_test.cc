// Pretranslation of a report against a small memory: unchanged sentences
// get the stored target exactly; a changed number, date or place name is
// carried into the target in the target's grammar (en→uk, en→ko, uk→en);
// a sentence the memory never saw gets no target; deprecated names in old
// targets come out in the house style; the analysis counts by band.

#include "memory/tm/pretranslate.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "lib/normalize/input.h"
#include "lib/normalize/matcher.h"
#include "lib/segment/sentence_splitter.h"
#include "tests/tm/memory_fixture.h"

namespace onoma::tm {
namespace {

using normalize::FormKind;
using normalize::FormStatus;

normalize::Input Concepts() {
  normalize::Input input;
  const auto P = FormStatus::kPreferred;
  const auto D = FormStatus::kDeprecated;
  const auto F = FormKind::kFullForm;
  const auto V = FormKind::kVariant;
  auto place = [&](const char* slug, std::vector<normalize::FormInput> t) {
    normalize::ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_place = true;
    c.terms = std::move(t);
  };
  place("kyiv", {{"en", "Kyiv", P, F, ""},
                 {"en", "Kiev", D, V, ""},
                 {"uk", "Київ", P, F, ""},
                 {"uk", "Киев", D, V, ""},
                 {"ko", "키이우", P, F, ""}});
  place("kharkiv", {{"en", "Kharkiv", P, F, ""},
                    {"uk", "Харків", P, F, ""},
                    {"ko", "하르키우", P, F, ""}});
  place("seoul", {{"en", "Seoul", P, F, ""},
                  {"uk", "Сеул", P, F, ""},
                  {"ko", "서울", P, F, ""}});
  return input;
}

class PretranslateTest : public fixture::MemoryFixture {
 protected:
  void SetUp() override {
    MemoryFixture::SetUp();
    terms_ = Concepts();
    auto matcher = normalize::Matcher::Compile(terms_);
    ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
    matcher_ = std::make_unique<normalize::Matcher>(std::move(*matcher));
  }

  // The draft of `report`, its analysis into analysis_.
  formats::Draft Draft(const std::string& from, const std::string& to,
                       const std::string& report, int min = 75) {
    PretranslateOptions options;
    options.from = from;
    options.to = to;
    options.min_score = min;
    options.matcher = matcher_.get();
    options.terms = &terms_;
    auto pre = Pretranslator::Open(*db_, options);
    EXPECT_TRUE(pre.ok()) << pre.status().ToString();
    if (!pre.ok()) return {};
    auto splitter = segment::SentenceSplitter::Create(from);
    EXPECT_TRUE(splitter.ok());
    analysis_ = Analysis();
    auto draft = pre->Run(report, "report.txt", *splitter, analysis_);
    EXPECT_TRUE(draft.ok()) << draft.status().ToString();
    return draft.ok() ? std::move(*draft) : formats::Draft();
  }

  normalize::Input terms_;
  std::unique_ptr<normalize::Matcher> matcher_;
  Analysis analysis_;
};

TEST_F(PretranslateTest, UnchangedSentenceGetsTheStoredTargetExactly) {
  Add("en", "uk", "The minister said talks would resume.",
      "Міністр заявив, що переговори відновляться.");
  formats::Draft d = Draft("en", "uk", "The minister said talks would resume.");
  ASSERT_EQ(d.segments.size(), 1u);
  const formats::DraftSegment& s = d.segments[0];
  EXPECT_EQ(s.score, 100);
  ASSERT_TRUE(s.target.has_value());
  EXPECT_EQ(*s.target, "Міністр заявив, що переговори відновляться.");
  EXPECT_TRUE(s.notes.empty());
  ASSERT_EQ(s.matches.size(), 1u);
  EXPECT_EQ(s.matches[0].origin, "onoma tm add");
  EXPECT_EQ(d.source_lang, "en");
  EXPECT_EQ(d.target_lang, "uk");
  EXPECT_EQ(d.original, "report.txt");
  EXPECT_EQ(analysis_.band(0).segments, 1u);
  EXPECT_EQ(analysis_.band(0).words, 6u);
}

TEST_F(PretranslateTest, ChangedPlaceAndNumberComeOutDeclinedInUkrainian) {
  Add("en", "uk", "Shelling in Kharkiv on Monday killed 5 people.",
      "Обстріл у Харкові в понеділок убив 5 людей.");
  formats::Draft d =
      Draft("en", "uk", "Shelling in Kyiv on Monday killed 7 people.");
  ASSERT_EQ(d.segments.size(), 1u);
  const formats::DraftSegment& s = d.segments[0];
  ASSERT_TRUE(s.target.has_value());
  EXPECT_EQ(*s.target, "Обстріл у Києві в понеділок убив 7 людей.");
  EXPECT_TRUE(s.substituted);
  EXPECT_EQ(s.score, 98);
  ASSERT_FALSE(s.notes.empty());
  EXPECT_NE(s.notes[0].find("Харкові → Києві"), std::string::npos)
      << s.notes[0];
  EXPECT_NE(s.notes[0].find("5 → 7"), std::string::npos) << s.notes[0];
  // The stored pair is the candidate, as stored.
  ASSERT_EQ(s.matches.size(), 1u);
  EXPECT_NE(s.matches[0].target_markup.find("Харкові"), std::string::npos);
  // The report's place is a glossary entry with its Ukrainian form.
  ASSERT_EQ(s.terms.size(), 1u);
  EXPECT_EQ(s.terms[0].term, "Kyiv");
  EXPECT_EQ(s.terms[0].translation, "Київ");
  EXPECT_EQ(analysis_.band(1).segments, 1u);  // 95-99
}

TEST_F(PretranslateTest, ChangedDateIsCarriedIntoTheTarget) {
  Add("en", "uk", "The talks will resume on 5 March in Seoul.",
      "Переговори відновляться 5 березня в Сеулі.");
  formats::Draft d =
      Draft("en", "uk", "The talks will resume on 12 March in Kyiv.");
  ASSERT_EQ(d.segments.size(), 1u);
  ASSERT_TRUE(d.segments[0].target.has_value());
  EXPECT_EQ(*d.segments[0].target,
            "Переговори відновляться 12 березня в Києві.");
}

TEST_F(PretranslateTest, KoreanTargetTakesTheParticleOfTheNewName) {
  Add("en", "ko", "Seoul is quiet on 3 May.", "서울은 5월 3일 조용하다.");
  formats::Draft d = Draft("en", "ko", "Kyiv is quiet on 4 May.");
  ASSERT_EQ(d.segments.size(), 1u);
  ASSERT_TRUE(d.segments[0].target.has_value());
  EXPECT_EQ(*d.segments[0].target, "키이우는 5월 4일 조용하다.");
}

TEST_F(PretranslateTest, UkrainianReportIntoEnglish) {
  Add("uk", "en", "Обстріл у Харкові в понеділок тривав 3 години.",
      "Shelling in Kharkiv on Monday lasted 3 hours.");
  Add("uk", "en", "Переговори тривають.", "Talks are under way.");
  formats::Draft d = Draft(
      "uk", "en",
      "Переговори тривають. Обстріл у Києві в понеділок тривав 4 години.");
  ASSERT_EQ(d.segments.size(), 2u);
  ASSERT_TRUE(d.segments[0].target.has_value());
  EXPECT_EQ(*d.segments[0].target, "Talks are under way.");
  ASSERT_TRUE(d.segments[1].target.has_value());
  EXPECT_EQ(*d.segments[1].target,
            "Shelling in Kyiv on Monday lasted 4 hours.");
  EXPECT_EQ(d.segments[0].paragraph, d.segments[1].paragraph);
}

TEST_F(PretranslateTest, SentenceTheMemoryNeverSawGetsNoTarget) {
  Add("en", "uk", "The minister said talks would resume.",
      "Міністр заявив, що переговори відновляться.");
  formats::Draft d = Draft("en", "uk",
                           "The minister said talks would resume.\n\n"
                           "Nobody expected the storm to reach the coast.");
  ASSERT_EQ(d.segments.size(), 2u);
  EXPECT_EQ(d.segments[1].paragraph, 1u);
  EXPECT_FALSE(d.segments[1].target.has_value());
  EXPECT_TRUE(d.segments[1].matches.empty());
  EXPECT_EQ(d.segments[1].score, -1);
  EXPECT_EQ(analysis_.band(5).segments, 1u);
  EXPECT_EQ(analysis_.band(5).words, 8u);
  EXPECT_EQ(analysis_.total().segments, 2u);
}

TEST_F(PretranslateTest, AWeakMatchIsCountedButNotFilled) {
  Add("en", "uk", "The minister said on Monday that talks would resume soon.",
      "Міністр заявив у понеділок, що переговори скоро відновляться.");
  formats::Draft d = Draft("en", "uk",
                           "The president said on Friday that nothing would "
                           "resume soon.");
  ASSERT_EQ(d.segments.size(), 1u);
  const formats::DraftSegment& s = d.segments[0];
  EXPECT_GE(s.score, kAnalysisFloor);
  EXPECT_LT(s.score, 75);
  EXPECT_FALSE(s.target.has_value());
  EXPECT_TRUE(s.matches.empty());
  EXPECT_EQ(analysis_.band(4).segments, 1u);
  // With a lower threshold the same match fills the target.
  formats::Draft low =
      Draft("en", "uk",
            "The president said on Friday that nothing would resume soon.", 50);
  EXPECT_TRUE(low.segments[0].target.has_value());
}

TEST_F(PretranslateTest, DeprecatedNameInAnOldTargetComesOutPreferred) {
  Add("en", "uk", "Talks resumed in Kyiv.", "Переговори відновилися у Киеве.");
  formats::Draft d = Draft("en", "uk", "Talks resumed in Kyiv.");
  ASSERT_EQ(d.segments.size(), 1u);
  const formats::DraftSegment& s = d.segments[0];
  ASSERT_TRUE(s.target.has_value());
  EXPECT_EQ(*s.target, "Переговори відновилися у Києві.");
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_NE(s.notes[0].find("Киеве → Києві"), std::string::npos) << s.notes[0];
}

TEST_F(PretranslateTest, StoredInlineCodesReachTheCandidate) {
  Import(fixture::Unit(
      "Press <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept>.",
      "Натисніть <bpt i=\"1\">&lt;b&gt;</bpt>Зберегти<ept "
      "i=\"1\">&lt;/b&gt;</ept>."));
  formats::Draft d = Draft("en", "uk", "Press Save.");
  ASSERT_EQ(d.segments.size(), 1u);
  ASSERT_EQ(d.segments[0].matches.size(), 1u);
  const formats::DraftMatch& m = d.segments[0].matches[0];
  EXPECT_NE(m.target_markup.find("<bpt i=\"1\">&lt;b&gt;</bpt>"),
            std::string::npos)
      << m.target_markup;
  ASSERT_TRUE(d.segments[0].target.has_value());
  EXPECT_EQ(*d.segments[0].target, "Натисніть Зберегти.");
}

TEST(AnalysisTest, BandsFollowTheCatToolsLimits) {
  EXPECT_EQ(Analysis::BandOf(100), 0u);
  EXPECT_EQ(Analysis::BandOf(99), 1u);
  EXPECT_EQ(Analysis::BandOf(95), 1u);
  EXPECT_EQ(Analysis::BandOf(94), 2u);
  EXPECT_EQ(Analysis::BandOf(85), 2u);
  EXPECT_EQ(Analysis::BandOf(84), 3u);
  EXPECT_EQ(Analysis::BandOf(75), 3u);
  EXPECT_EQ(Analysis::BandOf(74), 4u);
  EXPECT_EQ(Analysis::BandOf(50), 4u);
  EXPECT_EQ(Analysis::BandOf(49), 5u);
  EXPECT_EQ(Analysis::BandOf(-1), 5u);
  EXPECT_EQ(Analysis::BandName(4), "50-74");
  EXPECT_EQ(Analysis::BandName(5), "no match");
}

}  // namespace
}  // namespace onoma::tm
