// XliffReader on hand-made XLIFF 1.2 and 2.0: which segments come out by
// state, the TMX markup of their inline codes, segmentation, languages,
// faults with file:line:column, and the format's detection by extension
// and root element. Real files are in xliff_corpus_test.cc.

#include "memory/formats/xliff_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/shared_corpora.h"

namespace onoma::formats {
namespace {

namespace fs = std::filesystem;

struct Read {
  Status status;
  std::vector<TmxUnit> units;
  std::vector<std::string> warnings;
  std::uint64_t read = 0;
  std::uint64_t untranslated = 0;
  std::uint64_t skipped = 0;
};

Read ReadXliff(const std::string& text, XliffReaderOptions options = {}) {
  Read out;
  options.on_warning = [&](const Status& w) {
    out.warnings.push_back(w.ToString());
  };
  auto reader = XliffReader::FromBuffer(text, "t.xlf", options);
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  for (;;) {
    TmxUnit unit;
    auto more = (*reader)->Next(unit);
    if (!more.ok()) {
      out.status = more.status();
      break;
    }
    if (!*more) break;
    out.units.push_back(std::move(unit));
  }
  out.read = (*reader)->units_read();
  out.untranslated = (*reader)->units_untranslated();
  out.skipped = (*reader)->units_skipped();
  return out;
}

std::string Xliff2(const std::string& units, const std::string& langs =
                                                 "srcLang=\"en\" "
                                                 "trgLang=\"uk\"") {
  return "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:"
         "document:2.0\" version=\"2.0\" " +
         langs + ">\n<file id=\"f1\" original=\"report.txt\">\n" + units +
         "</file>\n</xliff>\n";
}

std::string Xliff12(const std::string& units, const std::string& langs =
                                                  "source-language=\"en\" "
                                                  "target-language=\"uk\"") {
  return "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:"
         "document:1.2\" version=\"1.2\">\n<file original=\"report.txt\" "
         "datatype=\"plaintext\" " +
         langs + ">\n<body>\n" + units + "</body>\n</file>\n</xliff>\n";
}

std::string Segment2(const std::string& id, const std::string& state,
                     const std::string& source, const std::string& target) {
  return "<unit id=\"" + id + "\"><segment" +
         (state.empty() ? "" : " state=\"" + state + "\"") + "><source>" +
         source + "</source><target>" + target + "</target></segment></unit>\n";
}

TEST(XliffReaderTest, Xliff20StoresTranslatedReviewedAndFinalSegmentsOnly) {
  Read r = ReadXliff(
      Xliff2(Segment2("1", "initial", "Kyiv", "Київ") +
             Segment2("2", "translated", "Kharkiv", "Харків") +
             Segment2("3", "reviewed", "Lviv", "Львів") +
             Segment2("4", "final", "Odesa", "Одеса") +
             "<unit id=\"5\"><segment state=\"final\"><source>Dnipro</source>"
             "</segment></unit>\n"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.read, 5u);
  EXPECT_EQ(r.untranslated, 2u);
  EXPECT_TRUE(r.warnings.empty());
  const TmxUnit& u = r.units[0];
  EXPECT_EQ(u.attrs.get(TmxAttr::kTuid), "2");
  EXPECT_EQ(u.attrs.get(TmxAttr::kSrclang), "en");
  ASSERT_EQ(u.variants.size(), 2u);
  EXPECT_EQ(u.variants[0].lang, "en");
  EXPECT_EQ(u.variants[0].text, "Kharkiv");
  EXPECT_EQ(u.variants[1].lang, "uk");
  EXPECT_EQ(u.variants[1].text, "Харків");
  ASSERT_EQ(u.meta.size(), 1u);
  EXPECT_EQ(u.meta[0].type, "x-original");
  EXPECT_EQ(u.meta[0].value, "report.txt");
  EXPECT_EQ(u.position.line, 5u);
}

TEST(XliffReaderTest,
     AStatelessTargetIsTakenWithAWarningUnlessItCopiesTheSource) {
  Read r = ReadXliff(Xliff2(Segment2("1", "", "Kyiv", "Київ") +
                            Segment2("2", "", "NATO", "NATO") +
                            Segment2("3", "", "Lviv", "Львів")));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.untranslated, 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "t.xlf:4:14: <segment> without a state: taken as translated "
            "unless its target copies the source (further ones are not "
            "reported)");
}

TEST(XliffReaderTest, AnyStateTakesEverySegmentWithATarget) {
  XliffReaderOptions options;
  options.any_state = true;
  Read r = ReadXliff(Xliff2(Segment2("1", "initial", "Kyiv", "Київ") +
                            Segment2("2", "", "NATO", "NATO")),
                     options);
  EXPECT_EQ(r.units.size(), 2u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(XliffReaderTest, Xliff12StatesAndApproval) {
  auto unit = [](const std::string& id, const std::string& attrs,
                 const std::string& state) {
    return "<trans-unit id=\"" + id + "\"" + attrs + "><source>s" + id +
           "</source><target" +
           (state.empty() ? "" : " state=\"" + state + "\"") + ">t" + id +
           "</target></trans-unit>\n";
  };
  Read r = ReadXliff(Xliff12(
      unit("1", "", "translated") + unit("2", "", "signed-off") +
      unit("3", "", "final") + unit("4", "", "needs-review-translation") +
      unit("5", " approved=\"yes\"", "needs-review-translation") +
      unit("6", "", "new") + unit("7", "", "x-custom") + unit("8", "", "fake") +
      unit("9", " translate=\"no\"", "final")));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  std::vector<std::string> ids;
  for (const TmxUnit& u : r.units) ids.push_back(u.attrs.get(TmxAttr::kTuid));
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2", "3", "5"}));
  EXPECT_EQ(r.untranslated, 5u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "t.xlf:12:39: <target state=\"fake\"> is not a state XLIFF 1.2 "
            "defines; the segment is taken as not finished (reported once)");
}

TEST(XliffReaderTest, Xliff20CodesBecomeTmxCodesWithTheirOriginalData) {
  Read r = ReadXliff(Xliff2(
      "<unit id=\"1\"><originalData><data id=\"d1\">&lt;b&gt;</data>"
      "<data id=\"d2\">&lt;/b&gt;</data><data id=\"d3\">&lt;br/&gt;</data>"
      "</originalData><segment state=\"final\"><source>A <pc id=\"1\" "
      "dataRefStart=\"d1\" dataRefEnd=\"d2\">bold</pc> word<ph id=\"2\" "
      "dataRef=\"d3\"/> <sc id=\"3\"/>x<ec startRef=\"3\"/> <sc id=\"4\"/>"
      "open <mrk id=\"m1\" type=\"term\">Kyiv</mrk> <cp hex=\"0001\"/>"
      "</source><target><mrk id=\"m1\" type=\"term\">Київ</mrk> <pc "
      "id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">жирне</pc> слово"
      "<ph id=\"2\" dataRef=\"d3\"/></target></segment></unit>\n"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.units.size(), 1u);
  const TmxVariant& s = r.units[0].variants[0];
  EXPECT_EQ(s.markup,
            "A <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>bold<ept i=\"1\">&lt;/b&gt;"
            "</ept> word<ph x=\"2\">&lt;br/&gt;</ph> <bpt i=\"2\" x=\"3\"/>x"
            "<ept i=\"2\"/> <it pos=\"begin\" x=\"4\"/>open <hi "
            "type=\"term\">Kyiv</hi> <ph type=\"x-cp\">&lt;cp "
            "hex=\"0001\"/&gt;</ph>");
  EXPECT_EQ(s.text, "A bold word x open Kyiv ");
  EXPECT_TRUE(s.has_codes);
  const TmxVariant& t = r.units[0].variants[1];
  // The same code keeps its x from source to target.
  EXPECT_EQ(t.markup,
            "<hi type=\"term\">Київ</hi> <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>"
            "жирне<ept i=\"1\">&lt;/b&gt;</ept> слово<ph x=\"2\">&lt;br/&gt;"
            "</ph>");
  EXPECT_EQ(t.text, "Київ жирне слово");
}

TEST(XliffReaderTest, Xliff12CodesBecomeTmxCodes) {
  Read r = ReadXliff(Xliff12(
      "<trans-unit id=\"1\" approved=\"yes\"><source><g id=\"1\" "
      "ctype=\"bold\">Kyiv</g> <x id=\"2\" equiv-text=\"{{n}}\"/> <bx "
      "id=\"3\" rid=\"1\"/>a<ex id=\"4\" rid=\"1\"/> <bpt id=\"5\">&lt;i&gt;"
      "</bpt>b<ept id=\"5\">&lt;/i&gt;</ept> <it id=\"6\" pos=\"open\">"
      "&lt;u&gt;</it><ph id=\"7\">&lt;br/&gt;</ph><mrk "
      "mtype=\"protected\">NATO</mrk></source><target><g id=\"1\" "
      "ctype=\"bold\">Київ</g> <x id=\"2\" equiv-text=\"{{n}}\"/></target>"
      "</trans-unit>\n"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].variants[0].markup,
            "<bpt i=\"1\" x=\"1\" type=\"bold\"/>Kyiv<ept i=\"1\"/> <ph "
            "x=\"2\">{{n}}</ph> <bpt i=\"2\" x=\"3\"/>a<ept i=\"2\"/> <bpt "
            "i=\"3\" x=\"4\">&lt;i&gt;</bpt>b<ept i=\"3\">&lt;/i&gt;</ept> "
            "<it pos=\"begin\" x=\"5\">&lt;u&gt;</it><ph "
            "x=\"6\">&lt;br/&gt;</ph><hi type=\"protected\">NATO</hi>");
  EXPECT_EQ(r.units[0].variants[0].text, "Kyiv  a b NATO");
  EXPECT_EQ(r.units[0].variants[1].markup,
            "<bpt i=\"1\" x=\"1\" type=\"bold\"/>Київ<ept i=\"1\"/> <ph "
            "x=\"2\">{{n}}</ph>");
}

TEST(XliffReaderTest, SegmentedUnitsGiveOneUnitPerSegment) {
  Read r = ReadXliff(Xliff12(
      "<trans-unit id=\"p1\"><source>One. Two.</source><seg-source><mrk "
      "mtype=\"seg\" mid=\"1\">One.</mrk> <mrk mtype=\"seg\" "
      "mid=\"2\">Two.</mrk></seg-source><target state=\"translated\"><mrk "
      "mtype=\"seg\" mid=\"1\">Один.</mrk> <mrk mtype=\"seg\" "
      "mid=\"2\">Два.</mrk></target></trans-unit>\n"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[0].attrs.get(TmxAttr::kTuid), "p1/1");
  EXPECT_EQ(r.units[0].variants[0].text, "One.");
  EXPECT_EQ(r.units[0].variants[1].text, "Один.");
  EXPECT_EQ(r.units[1].attrs.get(TmxAttr::kTuid), "p1/2");
  EXPECT_EQ(r.units[1].variants[1].text, "Два.");
}

TEST(XliffReaderTest, LanguagesMissingFromTheFileComeFromTheOptions) {
  const std::string doc = Xliff12(
      "<trans-unit id=\"1\"><source>Kyiv</source><target "
      "state=\"final\">Київ</target></trans-unit>\n",
      "source-language=\"en\"");
  Read without = ReadXliff(doc);
  EXPECT_TRUE(without.units.empty());
  EXPECT_EQ(without.skipped, 1u);
  ASSERT_EQ(without.warnings.size(), 1u);
  EXPECT_EQ(without.warnings[0],
            "t.xlf:5:1: the file names no target language (target-language); "
            "its translated segments are not stored (reported once)");
  XliffReaderOptions options;
  options.target_lang = "uk";
  Read with = ReadXliff(doc, options);
  ASSERT_EQ(with.units.size(), 1u);
  EXPECT_EQ(with.units[0].variants[1].lang, "uk");
}

TEST(XliffReaderTest, ASegmentWithoutSourceIsAFaultOrSkippedWhenLenient) {
  const std::string doc =
      Xliff2(Segment2("1", "final", "Kyiv", "Київ") +
             "<unit id=\"2\">\n  <segment state=\"final\"><target>Львів"
             "</target></segment></unit>\n" +
             Segment2("3", "final", "Odesa", "Одеса"));
  Read strict = ReadXliff(doc);
  EXPECT_EQ(strict.status.ToString(), "t.xlf:6:3: <segment> has no <source>");
  XliffReaderOptions options;
  options.lenient = true;
  Read lenient = ReadXliff(doc, options);
  ASSERT_TRUE(lenient.status.ok());
  EXPECT_EQ(lenient.units.size(), 2u);
  EXPECT_EQ(lenient.skipped, 1u);
  ASSERT_EQ(lenient.warnings.size(), 1u);
  EXPECT_EQ(lenient.warnings[0],
            "t.xlf:6:3: <segment> has no <source>; segment skipped "
            "(--lenient)");
}

TEST(XliffReaderTest, RefusesWhatIsNotXliff) {
  EXPECT_EQ(ReadXliff("<tmx version=\"1.4\"/>").status.ToString(),
            "t.xlf:1:1: not an XLIFF document: the root element is <tmx>, "
            "not <xliff>");
  EXPECT_EQ(ReadXliff("<xliff xmlns=\"urn:example\" version=\"2.0\"/>")
                .status.ToString(),
            "t.xlf:1:1: <xliff> is in namespace \"urn:example\", which is no "
            "XLIFF version onoma reads (1.0 to 1.2, 2.0 to 2.2)");
  EXPECT_EQ(ReadXliff("<xliff version=\"3.0\"/>").status.ToString(),
            "t.xlf:1:1: XLIFF version \"3.0\" is not one onoma reads (1.0 to "
            "1.2, 2.0 to 2.2)");
  EXPECT_EQ(ReadXliff("").status.ToString(),
            "t.xlf: the file is empty; an XLIFF document was expected");
  Read truncated =
      ReadXliff(Xliff2(Segment2("1", "final", "Kyiv", "Київ")).substr(0, 200));
  EXPECT_FALSE(truncated.status.ok());
  EXPECT_TRUE(truncated.status.location().has_value());
}

TEST(XliffReaderTest, Xliff22IsReadByTheCoreRulesWithAWarning) {
  Read r = ReadXliff(
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.2\" version=\"2.2\" "
      "srcLang=\"en\" trgLang=\"ko\"><file id=\"f\">" +
      Segment2("1", "final", "Seoul", "서울") + "</file></xliff>");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].variants[1].text, "서울");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0],
            "t.xlf:1:1: XLIFF 2.2: read by XLIFF 2.0's core rules; what 2.2 "
            "adds is not read");
}

TEST(XliffReaderTest, NestedEntitiesAreRefusedAsForTmx) {
  Read r = ReadXliff(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaa\">"
      "<!ENTITY b \"&a;&a;&a;\">]>\n" +
      Xliff2(Segment2("1", "final", "&b;", "Київ")).substr(22));
  EXPECT_EQ(r.status.ToString(),
            "t.xlf:2:59: entity &b; holds markup or further references; onoma "
            "substitutes only entities whose text is plain");
}

// Memory is bounded by the segment limit however the unit is built: many
// empty segments, many original data entries.
TEST(XliffReaderTest, EmptySegmentsAndDataEntriesCountAgainstTheLimit) {
  std::string segments;
  for (int i = 0; i < 20000; ++i) segments += "<mrk mtype=\"seg\" mid=\"1\"/>";
  Read many =
      ReadXliff(Xliff12("<trans-unit id=\"1\"><source>a</source>"
                        "<seg-source>" +
                        segments + "</seg-source></trans-unit>\n"));
  EXPECT_EQ(many.status.code(), StatusCode::kBadInput);
  EXPECT_NE(many.status.message().find("is longer than 1048576 bytes, the "
                                       "limit for one segment"),
            std::string::npos)
      << many.status.ToString();
  std::string data;
  for (int i = 0; i < 20000; ++i) {
    data += "<data id=\"d" + std::to_string(i) + "\"/>";
  }
  Read entries = ReadXliff(Xliff2("<unit id=\"1\"><originalData>" + data +
                                  "</originalData><segment><source>a</source>"
                                  "</segment></unit>\n"));
  EXPECT_EQ(entries.status.code(), StatusCode::kBadInput);
  EXPECT_NE(entries.status.message().find("<originalData> is longer than"),
            std::string::npos)
      << entries.status.ToString();
}

TEST(XliffReaderTest, TheFormatIsFoundByExtensionOrRootElement) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("onoma_xliff_detect_" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  EXPECT_EQ(DetectTmFileFormat(write("a.xlf", "")), TmFileFormat::kXliff);
  EXPECT_EQ(DetectTmFileFormat(write("a.SDLXLIFF", "")), TmFileFormat::kXliff);
  EXPECT_EQ(DetectTmFileFormat(write("a.mqxliff", "")), TmFileFormat::kXliff);
  EXPECT_EQ(DetectTmFileFormat(write("a.tmx", "<xliff/>")), TmFileFormat::kTmx);
  EXPECT_EQ(
      DetectTmFileFormat(write("a.xml",
                               "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- "
                               "<tmx> -->\n<!DOCTYPE x>\n<xlf:xliff "
                               "xmlns:xlf=\"urn:oasis:names:tc:xliff:"
                               "document:1.2\"/>")),
      TmFileFormat::kXliff);
  EXPECT_EQ(DetectTmFileFormat(write("b.xml", "<tmx version=\"1.4\"/>")),
            TmFileFormat::kTmx);
  // A FIFO is not looked into (that would take its first bytes from the
  // reader, and wait for a writer): TMX unless its name says XLIFF.
  ASSERT_EQ(mkfifo((dir / "pipe").c_str(), 0600), 0);
  EXPECT_EQ(DetectTmFileFormat(dir / "pipe"), TmFileFormat::kTmx);
  fs::remove_all(dir);
}

// A file refused after some good segments leaves the memory as it was.
TEST(XliffImportTest, NothingIsStoredFromAFileRefusedPartWay) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("onoma_xliff_import_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string doc = Xliff2(Segment2("1", "final", "Kyiv", "Київ") +
                           Segment2("2", "final", "Lviv", "Львів") +
                           "<unit id=\"3\"><segment><target>x</target>"
                           "</segment></unit>\n");
  std::ofstream(dir / "bad.xlf") << doc;
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  tm::TranslationMemory memory(*db);
  auto summary = memory.Import(dir / "bad.xlf", {});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().ToString(),
            (dir / "bad.xlf").string() + ":6:14: <segment> has no <source>");
  auto count = db->Prepare("SELECT count(*) FROM tm_unit", "count");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnInt64(0), 0);
  tm::ImportOptions lenient;
  lenient.lenient = true;
  summary = memory.Import(dir / "bad.xlf", lenient);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(summary->xliff);
  EXPECT_EQ(summary->added, 2u);
  EXPECT_EQ(summary->skipped_invalid, 1u);
  // The same file again: exact copies, skipped as duplicates (as for TMX).
  summary = memory.Import(dir / "bad.xlf", lenient);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->added, 0u);
  EXPECT_EQ(summary->skipped_duplicates, 2u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace onoma::formats
