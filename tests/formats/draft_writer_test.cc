// The draft writers: XLIFF 2.0 and 1.2 that validate against the OASIS
// schemas (every file written here is checked with xmllint), stored
// inline codes mapped to pc/sc/ec/ph with originalData (2.0) and
// g/x/bpt/ept/ph/it (1.2), states by score, TMX, TSV and text.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "memory/formats/draft.h"
#include "tests/support/xliff_schema.h"

namespace onoma::formats {
namespace {

namespace fs = std::filesystem;
using testing::Xliff;
using Kind = InlinePiece::Kind;

Draft Sample() {
  Draft d;
  d.original = "report & notes.txt";
  d.source_lang = "en";
  d.target_lang = "uk";
  DraftSegment& exact = d.segments.emplace_back();
  exact.paragraph = 0;
  exact.source = "Press Save.";
  exact.target = "Натисніть Зберегти.";
  exact.score = 100;
  DraftMatch& m = exact.matches.emplace_back();
  m.score = 100;
  m.similarity = 100;
  m.origin = "ui.tmx";
  m.source_markup =
      "Press <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept>"
      "<ph x=\"2\">&lt;br/&gt;</ph>.";
  m.target_markup =
      "Натисніть <bpt i=\"1\">&lt;b&gt;</bpt>Зберегти<ept "
      "i=\"1\">&lt;/b&gt;</ept><ph x=\"2\">&lt;br/&gt;</ph>.";
  DraftSegment& fuzzy = d.segments.emplace_back();
  fuzzy.paragraph = 0;
  fuzzy.source = "Shelling in Kyiv killed 7.";
  fuzzy.target = "Обстріл у Києві вбив 7.";
  fuzzy.score = 97;
  fuzzy.substituted = true;
  fuzzy.notes.push_back("substituted: Харкові → Києві, 5 → 7");
  fuzzy.terms.push_back({"Kyiv", "Київ", "kyiv"});
  DraftMatch& f = fuzzy.matches.emplace_back();
  f.score = 97;
  f.similarity = 100;
  f.origin = "news.tmx";
  // A pair crossing a <hi>, an isolated code, a lone end.
  f.source_markup =
      "Shelling <hi>in <bpt i=\"3\">&lt;i&gt;</bpt>Kharkiv</hi> killed"
      "<ept i=\"3\">&lt;/i&gt;</ept> <it pos=\"begin\">&lt;u&gt;</it>5.";
  f.target_markup =
      "Обстріл <hi>у <bpt i=\"3\">&lt;i&gt;</bpt>Харкові</hi> вбив"
      "<ept i=\"3\">&lt;/i&gt;</ept> <ept i=\"9\">&lt;/s&gt;</ept>5.";
  DraftSegment& none = d.segments.emplace_back();
  none.paragraph = 2;
  none.source = "Nobody\x0B expected \"this\".";
  return d;
}

class DraftWriterTest : public ::testing::Test {
 protected:
  // Writes `text` to a file of the test's own and validates it.
  std::string Validate(const std::string& text, Xliff version) {
    const fs::path path =
        fs::path(::testing::TempDir()) /
        ("onoma_draft_" + std::to_string(getpid()) + "_" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name() +
         (version == Xliff::k20 ? ".xlf" : ".xliff"));
    std::ofstream(path, std::ios::binary) << text;
    std::string errors = testing::XliffSchemaErrors(path, version);
    fs::remove(path);
    return errors;
  }
};

TEST_F(DraftWriterTest, ParsesStoredMarkupIntoTextAndCodes) {
  const auto pieces = ParseTmxInline(
      "a &amp; <bpt i=\"1\" type=\"b\">&lt;b&gt;</bpt>b<ept "
      "i=\"1\">&lt;/b&gt;</ept><!-- c --><ph>&lt;x/&gt;<sub>s</sub></ph>"
      "<hi>h</hi><it pos=\"end\">&lt;/u&gt;</it>&#x41;");
  ASSERT_EQ(pieces.size(), 10u);
  EXPECT_EQ(pieces[0].kind, Kind::kText);
  EXPECT_EQ(pieces[0].text, "a & ");
  EXPECT_EQ(pieces[1].kind, Kind::kBpt);
  EXPECT_EQ(pieces[1].text, "<b>");
  EXPECT_EQ(pieces[1].pair, "1");
  EXPECT_EQ(pieces[3].kind, Kind::kEpt);
  EXPECT_EQ(pieces[4].kind, Kind::kPlaceholder);
  EXPECT_EQ(pieces[4].text, "<x/>s");
  EXPECT_EQ(pieces[5].kind, Kind::kHiStart);
  EXPECT_EQ(pieces[6].text, "h");
  EXPECT_EQ(pieces[7].kind, Kind::kHiEnd);
  EXPECT_EQ(pieces[8].kind, Kind::kIsolatedEnd);
  EXPECT_EQ(pieces[9].text, "A");
}

TEST_F(DraftWriterTest, Xliff20HasTheCandidatesGlossaryAndStates) {
  const std::string x = WriteXliff20(Sample());
  EXPECT_NE(x.find("srcLang=\"en\" trgLang=\"uk\""), std::string::npos);
  EXPECT_NE(x.find("original=\"report &amp; notes.txt\""), std::string::npos);
  // Paragraphs as groups: the third segment is in the third paragraph.
  EXPECT_NE(x.find("<group id=\"p1\""), std::string::npos);
  EXPECT_NE(x.find("<group id=\"p3\""), std::string::npos);
  EXPECT_NE(x.find("<segment id=\"s1\" state=\"translated\">"),
            std::string::npos);
  EXPECT_NE(x.find("<segment id=\"s1\" state=\"initial\">"), std::string::npos);
  EXPECT_NE(x.find("matchQuality=\"97\" similarity=\"100\" "
                   "origin=\"news.tmx\""),
            std::string::npos)
      << x;
  // Codes: a nested pair as pc, the crossing pair as sc/ec, placeholders.
  EXPECT_NE(x.find("<pc id=\"s1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Save"
                   "</pc><ph id=\"s2\" dataRef=\"d3\"/>"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<data id=\"d1\">&lt;b&gt;</data>"), std::string::npos);
  EXPECT_NE(x.find("<ec startRef=\"s2\""), std::string::npos) << x;
  EXPECT_NE(x.find("<sc id=\"s3\" isolated=\"yes\""), std::string::npos);
  EXPECT_NE(x.find("<ec id=\"t3\" isolated=\"yes\""), std::string::npos);
  EXPECT_NE(x.find("<gls:term source=\"onoma term store: kyiv\">Kyiv"),
            std::string::npos);
  EXPECT_NE(x.find("<gls:translation>Київ</gls:translation>"),
            std::string::npos);
  EXPECT_NE(x.find("substituted: Харкові → Києві, 5 → 7</note>"),
            std::string::npos);
  // A control character XML cannot hold, as XLIFF 2.0's <cp>.
  EXPECT_NE(x.find("Nobody<cp hex=\"000B\"/> expected"), std::string::npos);
  EXPECT_EQ(Validate(x, Xliff::k20), "");
}

TEST_F(DraftWriterTest, Xliff12HasStatesQualifiersAndAltTrans) {
  const std::string x = WriteXliff12(Sample());
  EXPECT_NE(x.find("source-language=\"en\" target-language=\"uk\""),
            std::string::npos);
  EXPECT_NE(x.find("<target state=\"translated\" "
                   "state-qualifier=\"exact-match\">Натисніть Зберегти."),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<target state=\"needs-review-translation\" "
                   "state-qualifier=\"leveraged-tm\">"),
            std::string::npos);
  EXPECT_NE(x.find("<alt-trans match-quality=\"97\" origin=\"news.tmx\">"),
            std::string::npos);
  EXPECT_NE(x.find("<bpt id=\"2\" rid=\"1\">&lt;b&gt;</bpt>Save<ept id=\"4\" "
                   "rid=\"1\">&lt;/b&gt;</ept><ph id=\"5\">&lt;br/&gt;</ph>"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<g id=\"2\">"), std::string::npos);
  EXPECT_NE(x.find("<it id=\"10\" pos=\"open\">"), std::string::npos) << x;
  // The end of a pair whose start is not in the segment.
  EXPECT_NE(x.find("<it id=\"10\" pos=\"close\">&lt;/s&gt;</it>"),
            std::string::npos)
      << x;
  EXPECT_EQ(Validate(x, Xliff::k12), "");
}

TEST_F(DraftWriterTest, EmptyReportStillValidates) {
  Draft d;
  d.original = "empty.txt";
  d.source_lang = "en";
  d.target_lang = "ko";
  EXPECT_EQ(Validate(WriteXliff20(d), Xliff::k20), "");
}

TEST_F(DraftWriterTest, TheSchemasAreThere) {
  ONOMA_REQUIRE_XLIFF_SCHEMAS();
  // A file that breaks the schema is caught: the check is not a no-op.
  EXPECT_NE(Validate("<?xml version=\"1.0\"?><xliff xmlns=\"urn:oasis:names:"
                     "tc:xliff:document:2.0\" version=\"2.0\"/>",
                     Xliff::k20),
            "");
  EXPECT_EQ(Validate(WriteXliff20(Sample()), Xliff::k20), "");
  EXPECT_EQ(Validate(WriteXliff12(Sample()), Xliff::k12), "");
}

TEST_F(DraftWriterTest, TsvTmxAndText) {
  const Draft d = Sample();
  const std::string tsv = WriteDraftTsv(d);
  EXPECT_EQ(
      tsv,
      "source\ttarget\tscore\torigin\n"
      "Press Save.\tНатисніть Зберегти.\t100\tui.tmx\n"
      "Shelling in Kyiv killed 7.\tОбстріл у Києві вбив 7.\t97\tnews.tmx\n"
      "Nobody\x0B expected \"this\".\t\t\t\n");
  const std::string text = WriteDraftText(d);
  EXPECT_EQ(text,
            "Натисніть Зберегти. Обстріл у Києві вбив 7.\n"
            "[[Nobody\x0B expected \"this\".]]\n");
  const std::string tmx = WriteDraftTmx(d);
  EXPECT_NE(tmx.find("<seg>Натисніть Зберегти.</seg>"), std::string::npos);
  EXPECT_NE(tmx.find("<prop type=\"x-onoma-score\">97</prop>"),
            std::string::npos);
  EXPECT_NE(tmx.find("<note>fuzzy match 97%</note>"), std::string::npos);
  // Two units: the segment without a target is left out.
  std::size_t units = 0;
  for (std::size_t at = 0; (at = tmx.find("<tu>", at)) != std::string::npos;
       ++at) {
    ++units;
  }
  EXPECT_EQ(units, 2u);
  EXPECT_EQ(tmx.find("Nobody"), std::string::npos);
}

// Random stored markup: pairs that nest, cross each other or a <hi>, lose
// a half, isolated codes, placeholders, text with characters to escape.
// Whatever the mix, the text survives parsing and both XLIFF files
// validate.
TEST_F(DraftWriterTest, RandomStoredMarkupAlwaysValidates) {
  std::mt19937 random(19);
  auto pick = [&](int n) {
    return static_cast<int>(random() % static_cast<unsigned>(n));
  };
  const std::vector<std::string> words = {"a",     "Київ", "&amp;", "&lt;x&gt;",
                                          "\"q\"", "서울", " ",     "'"};
  Draft d;
  d.original = "random.txt";
  d.source_lang = "en";
  d.target_lang = "uk";
  for (int n = 0; n < 150; ++n) {
    std::string markup;
    std::string plain;
    int hi_open = 0;
    std::vector<int> open_pairs;
    for (int k = 0, parts = 1 + pick(12); k < parts; ++k) {
      switch (pick(8)) {
        case 0:
          open_pairs.push_back(pick(4));
          markup += "<bpt i=\"" + std::to_string(open_pairs.back()) +
                    "\">&lt;b&gt;</bpt>";
          break;
        case 1: {
          const int i = open_pairs.empty() || pick(4) == 0
                            ? pick(4)
                            : open_pairs[static_cast<std::size_t>(
                                  pick(static_cast<int>(open_pairs.size())))];
          markup += "<ept i=\"" + std::to_string(i) + "\">&lt;/b&gt;</ept>";
          break;
        }
        case 2:
          markup += "<hi>";
          ++hi_open;
          break;
        case 3:
          if (hi_open > 0) {
            markup += "</hi>";
            --hi_open;
          }
          break;
        case 4:
          markup += pick(2) == 0 ? "<it pos=\"begin\">&lt;u&gt;</it>"
                                 : "<it pos=\"end\">&lt;/u&gt;</it>";
          break;
        case 5:
          markup += pick(2) == 0 ? "<ph/>" : "<ph x=\"1\">&lt;br/&gt;</ph>";
          break;
        default: {
          const std::string& w = words[static_cast<std::size_t>(
              pick(static_cast<int>(words.size())))];
          markup += w;
          plain += w == "&amp;" ? "&" : w == "&lt;x&gt;" ? "<x>" : w;
        }
      }
    }
    while (hi_open-- > 0) markup += "</hi>";
    std::string parsed;
    for (const InlinePiece& p : ParseTmxInline(markup)) {
      if (p.kind == Kind::kText) parsed += p.text;
    }
    ASSERT_EQ(parsed, plain) << markup;
    DraftSegment& s = d.segments.emplace_back();
    s.paragraph = static_cast<std::uint32_t>(n / 3);
    s.source = plain.empty() ? "x" : plain;
    s.target = s.source;
    s.score = 90;
    DraftMatch& m = s.matches.emplace_back();
    m.score = 90;
    m.similarity = 95;
    m.source_markup = markup;
    m.target_markup = markup;
  }
  EXPECT_EQ(Validate(WriteXliff20(d), Xliff::k20), "");
  EXPECT_EQ(Validate(WriteXliff12(d), Xliff::k12), "");
}

// Anything at all given as markup is parsed without a crash.
TEST_F(DraftWriterTest, ParserTakesAnyBytes) {
  std::mt19937 random(7);
  const std::string alphabet = "<>/&;#x\"= abpteihsu";
  for (int n = 0; n < 20000; ++n) {
    std::string markup;
    for (int k = 0, len = static_cast<int>(random() % 40); k < len; ++k) {
      markup += alphabet[random() % alphabet.size()];
    }
    (void)ParseTmxInline(markup);
    (void)ParseTmxInline("<bpt i=\"1\">" + markup);
    (void)ParseTmxInline("<ph>" + markup + "</ph><ph");
  }
}

}  // namespace
}  // namespace onoma::formats
