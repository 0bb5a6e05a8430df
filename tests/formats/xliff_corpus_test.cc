// Every XLIFF file under ../shared/corpora/xliff/ (SOURCES.md there says
// what each one is and what a reader must do with it) is a test case:
//   - it imports with exactly the counts and warnings listed below
//     (segments read, stored, left out as unfinished, skipped), or it is
//     refused with exactly the message listed below and the memory stays
//     empty;
//   - every unit read exports to TMX and reads back the same, markup,
//     text and tag skeleton (what `onoma tm export` does with it);
//   - the units do not depend on where the input's chunks end.
// A file added to the folder fails until an entry says what it must do.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/formats/xliff_reader.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/shared_corpora.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  const char* file;
  // The whole message after "path:" for a file that is refused.
  const char* error;
  // Segments met, stored, left out as unfinished, skipped as bad.
  int read = 0;
  int added = 0;
  int untranslated = 0;
  int skipped = 0;
  // Each warning, after "path:", in order.
  std::vector<const char*> warnings = {};
};

const std::vector<Expectation> kExpectations = {
    // No target-language: nothing stored unless --to says it.
    {"angular__angular__adev-i18n_messages.fr.xlf",
     nullptr,
     9,
     0,
     0,
     9,
     {"5:7: the file names no target language (target-language); its "
      "translated segments are not stored (reported once)"}},
    // A <target> without <source>, as Angular accepts: skipped.
    {"angular__angular__cli-hello-world_messages.de.xlf",
     nullptr,
     1,
     0,
     0,
     1,
     {"5:7: <trans-unit> has a <target> but no <source>; skipped (such units "
      "are reported once)"}},
    {"angular__angular__localize-translate_messages.fr.xlf",
     nullptr,
     1,
     1,
     0,
     0,
     {"7:7: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mihnita__okapi__688-cdata.xlf",
     nullptr,
     1,
     1,
     0,
     0,
     {"12:17: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mihnita__okapi__JMP-11-Test01.xlf",
     nullptr,
     9,
     8,
     1,
     0,
     {"26:5: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mihnita__okapi__SF-12-Test02.xlf", nullptr, 98, 90, 8, 0},
    {"mihnita__okapi__StatusSample.docx.xlf", nullptr, 8, 3, 5, 0},
    // Units 1-10 approved (12 segments); unit 11 approved, 6 source
    // segments of which the target has 5; units 12-17 (19 segments) copy
    // their sources and are not approved.
    {"mihnita__okapi__Test_DrupalRussianCP1251.po.xliff", nullptr, 37, 17, 20,
     0},
    {"mihnita__okapi__Typo3Draft.xlf",
     nullptr,
     6,
     4,
     2,
     0,
     {"47:6: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mihnita__okapi__comprehensive_data_input.xlf",
     nullptr,
     5,
     2,
     3,
     0,
     {"89:6: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mihnita__okapi__emoji1.html.xliff", nullptr, 2, 0, 2, 0},
    // Not well-formed: control characters.
    {"mihnita__okapi__invalid_xml_entity.xlf",
     "8:29: not well-formed XML: PCDATA invalid Char value 3"},
    // memoQ: mq:status PartiallyEdited is not finished.
    {"mihnita__okapi__sampe_sch.xliff",
     nullptr,
     1,
     0,
     1,
     0,
     {"25:32: xmlns: URI MQXliff is not absolute"}},
    {"mihnita__okapi__segmented.xlf",
     nullptr,
     3,
     3,
     0,
     0,
     {"11:42: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    // Trados: 5 segments, conf Translated x2, Draft, ApprovedSignOff x2; two
    // translate="no" units.
    {"mihnita__okapi__test.txt_en-US_fr-FR.sdlxliff", nullptr, 7, 4, 3, 0},
    {"mihnita__okapi__test_unit_37.xlf2", nullptr, 1, 0, 1, 0},
    {"mozilla-l10n__firefoxios-l10n__uk_firefox-ios.xliff",
     nullptr,
     113,
     86,
     27,
     0,
     {"52:9: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mozilla-l10n__mozilla-vpn-client-l10n__ko_mozillavpn.xliff",
     nullptr,
     556,
     545,
     11,
     0,
     {"7:9: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"mozilla-l10n__mozilla-vpn-client-l10n__ru_addons_strings.xliff",
     nullptr,
     71,
     71,
     0,
     0,
     {"7:9: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    // 187 translated, 7 without <target>.
    {"mozilla-l10n__mozilla-vpn-client-l10n__uk_extras.xliff",
     nullptr,
     194,
     187,
     7,
     0,
     {"7:9: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"oasis-tcs__xliff-xliff-22__Good-itsm_text-analytics.xlf", nullptr, 2, 0,
     2, 0},
    // Not well-formed: an undeclared prefix (and a tag left open).
    {"oasis-tcs__xliff-xliff-22__Good-pgs_plural.xlf",
     "4:63: not well-formed XML: Namespace prefix pgs for switch on unit is "
     "not defined"},
    {"oasis-tcs__xliff-xliff-22__allExtensions.xlf",
     nullptr,
     3,
     1,
     2,
     0,
     {"40:5: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    // Schema-invalid: refused.
    {"oasis-tcs__xliff-xliff-22__bad_SegmentWithoutSource.xlf",
     "5:4: <segment> has no <source>"},
    {"oasis-tcs__xliff-xliff-22__toJoin.xlf",
     nullptr,
     5,
     5,
     0,
     0,
     {"23:4: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"oasis-tcs__xliff-xliff-22__withCDataSections.xlf",
     nullptr,
     1,
     1,
     0,
     0,
     {"5:4: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"oasis-tcs__xliff-xliff-22__withMatches.xlf",
     nullptr,
     1,
     1,
     0,
     0,
     {"25:4: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    // Every target copies its source, with no state.
    {"omegat-org__omegat__ExportTest1E.xlf", nullptr, 4, 0, 4, 0},
    // A duplicate id 3, a translate="no" unit, state on <trans-unit>.
    {"omegat-org__omegat__en-ca.xlf",
     nullptr,
     4,
     3,
     1,
     0,
     {"7:1: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)",
      "9:1: state on <trans-unit> is not XLIFF's (it belongs on <target>); "
      "ignored (reported once)",
      "17:1: <trans-unit id=\"3\">: the id is already taken in its <file>; "
      "both are read (such clashes are reported once)"}},
    {"omegat-org__omegat__ex.14.5.xlf", nullptr, 2, 0, 2, 0},
    // A target but no trgLang.
    {"omegat-org__omegat__ex.9.5.xlf",
     nullptr,
     8,
     0,
     7,
     1,
     {"38:13: the file names no target language (trgLang); its translated "
      "segments are not stored (reported once)"}},
    {"omegat-org__omegat__file-XLIFFFilter-SMP.xlf",
     nullptr,
     1,
     1,
     0,
     0,
     {"5:13: <trans-unit> has no id, which XLIFF requires (such units are "
      "reported once)",
      "7:17: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"omegat-org__omegat__file-XLIFFFilter-cdata-bugs418.xlf",
     nullptr,
     4,
     2,
     2,
     0,
     {"17:17: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"omegat-org__omegat__file-XLIFFFilter-tags.xlf",
     nullptr,
     10,
     9,
     1,
     0,
     {"5:13: <trans-unit> has no id, which XLIFF requires (such units are "
      "reported once)",
      "7:17: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"omegat-org__omegat__file-xliff-BUGS1221.xlf", nullptr, 7, 7, 0, 0},
    {"omegat-org__omegat__file-xliff-RFE1506.xliff", nullptr, 5, 3, 2, 0},
    {"simonech__XliffLib__extracted.xlf", nullptr, 17, 0, 17, 0},
    {"simonech__XliffLib__fulldocument.xlf", nullptr, 20, 0, 20, 0},
    // ISO-8859-1; no target-language (XliffCorpusDetailTest reads it with one).
    {"symfony__translation__encoding.xlf",
     nullptr,
     2,
     0,
     0,
     2,
     {"5:7: the file names no target language (target-language); its "
      "translated segments are not stored (reported once)"}},
    // Not well-formed: <target> never closed.
    {"symfony__translation__invalid-xml-resources.xlf",
     "8:26: not well-formed XML: Opening and ending tag mismatch: target line "
     "7 and trans-unit"},
    {"symfony__translation__resources-2.0.xlf",
     nullptr,
     3,
     2,
     1,
     0,
     {"10:9: <group id=\"1\">: the id is already taken in its <file>; both are "
      "read (such clashes are reported once)",
      "12:17: <segment> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    {"symfony__translation__resources-clean.xlf",
     nullptr,
     3,
     2,
     1,
     0,
     {"10:9: <target> without a state: taken as translated unless its target "
      "copies the source (further ones are not reported)"}},
    // A DOCTYPE; no target-language (XliffCorpusDetailTest reads it with one).
    {"symfony__translation__withdoctype.xlf",
     nullptr,
     1,
     0,
     0,
     1,
     {"6:13: the file names no target language (target-language); its "
      "translated segments are not stored (reported once)"}},
    // Approved, odd states, but no target-language.
    {"translate__translate__states.xlf",
     nullptr,
     8,
     0,
     0,
     8,
     {"5:7: the file names no target language (target-language); its "
      "translated segments are not stored (reported once)"}},
    {"translate__translate__test_2-test_odf2xliff-reference.xlf", nullptr, 10,
     0, 10, 0},
};

const Expectation* ExpectationFor(const std::string& file) {
  for (const Expectation& e : kExpectations) {
    if (file == e.file) return &e;
  }
  return nullptr;
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(testing::SharedDir() / "corpora" / "xliff")) {
    if (entry.path().filename() != "SOURCES.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::int64_t Count(sqlite::Database& db, const char* table) {
  auto query =
      db.Prepare(std::string("SELECT count(*) FROM ") + table, "count");
  EXPECT_TRUE(query.ok());
  auto row = query->Step();
  EXPECT_TRUE(row.ok() && *row);
  return query->ColumnInt64(0);
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The units the reader gives, read `chunk_size` bytes at a time.
std::vector<formats::TmxUnit> ReadUnits(
    const fs::path& path, std::size_t chunk_size,
    formats::XliffReaderOptions options = {}) {
  options.chunk_size = chunk_size;
  std::vector<formats::TmxUnit> units;
  auto reader = formats::XliffReader::Open(path, options);
  if (!reader.ok()) return units;
  for (;;) {
    formats::TmxUnit unit;
    auto more = (*reader)->Next(unit);
    if (!more.ok() || !*more) break;
    units.push_back(std::move(unit));
  }
  return units;
}

TEST(XliffCorpusTest, EveryExpectationNamesAFileOfTheCorpus) {
  ONOMA_REQUIRE_SHARED_DIR();
  for (const Expectation& e : kExpectations) {
    EXPECT_TRUE(fs::exists(testing::SharedDir() / "corpora" / "xliff" / e.file))
        << e.file;
  }
}

TEST(XliffCorpusTest, EachFileImportsOrIsRefusedAsExpected) {
  ONOMA_REQUIRE_SHARED_DIR();
  const std::vector<fs::path> files = CorpusFiles();
  EXPECT_EQ(files.size(), 45u);
  for (const fs::path& path : files) {
    const std::string file = path.filename().string();
    SCOPED_TRACE(file);
    auto db = sqlite::Database::Open(":memory:");
    ASSERT_TRUE(db.ok());
    tm::TranslationMemory memory(*db);
    tm::ImportOptions options;
    std::vector<std::string> warnings;
    const std::string prefix = path.string() + ":";
    options.on_warning = [&](const Status& w) {
      std::string text = w.ToString();
      if (text.starts_with(prefix)) text.erase(0, prefix.size());
      warnings.push_back(text);
    };
    auto summary = memory.Import(path, options);
    std::string actual;
    if (summary.ok()) {
      EXPECT_TRUE(summary->xliff);
      actual = "{\"" + file + "\", nullptr, " +
               std::to_string(summary->units_read) + ", " +
               std::to_string(summary->added) + ", " +
               std::to_string(summary->untranslated) + ", " +
               std::to_string(summary->skipped_invalid) + ", {";
      for (const std::string& w : warnings) actual += Quoted(w) + ", ";
      actual += "}},";
    } else {
      std::string error = summary.status().ToString();
      if (error.starts_with(prefix)) error.erase(0, prefix.size());
      actual = "{\"" + file + "\", " + Quoted(error) + "},";
      EXPECT_EQ(Count(*db, "tm_unit"), 0);
      EXPECT_EQ(Count(*db, "tm_source"), 0);
    }
    const Expectation* e = ExpectationFor(file);
    if (e == nullptr) {
      ADD_FAILURE() << "no expectation; it does:\n" << actual;
      continue;
    }
    if (e->error != nullptr) {
      ASSERT_FALSE(summary.ok()) << actual;
      std::string error = summary.status().ToString();
      EXPECT_EQ(error, prefix + e->error);
      continue;
    }
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->units_read, static_cast<std::uint64_t>(e->read))
        << actual;
    EXPECT_EQ(summary->added, static_cast<std::uint64_t>(e->added)) << actual;
    EXPECT_EQ(summary->untranslated,
              static_cast<std::uint64_t>(e->untranslated))
        << actual;
    EXPECT_EQ(summary->skipped_invalid, static_cast<std::uint64_t>(e->skipped))
        << actual;
    std::vector<std::string> expected(e->warnings.begin(), e->warnings.end());
    EXPECT_EQ(warnings, expected) << actual;
    EXPECT_EQ(Count(*db, "tm_unit"), static_cast<std::int64_t>(e->added));
  }
}

TEST(XliffCorpusTest, UnitsExportToTmxAndReadBackTheSame) {
  ONOMA_REQUIRE_SHARED_DIR();
  for (const fs::path& path : CorpusFiles()) {
    SCOPED_TRACE(path.filename().string());
    const std::vector<formats::TmxUnit> units = ReadUnits(path, 64 * 1024);
    const std::vector<formats::TmxUnit> chunked = ReadUnits(path, 61);
    ASSERT_EQ(units.size(), chunked.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
      EXPECT_TRUE(units[i].SameContent(chunked[i])) << i;
    }
    if (units.empty()) continue;
    std::string tmx;
    auto writer = formats::TmxWriter::ToString(&tmx);
    formats::TmxHeader header;
    header.attrs.set(formats::TmxAttr::kSrclang, "*all*");
    formats::FillRequiredHeader(header, {});
    ASSERT_TRUE(writer->WriteHeader(header).ok());
    for (const formats::TmxUnit& unit : units) {
      ASSERT_TRUE(writer->WriteUnit(unit).ok());
    }
    ASSERT_TRUE(writer->Finish().ok());
    auto reader = formats::TmxReader::FromBuffer(tmx, "export.tmx");
    ASSERT_TRUE(reader.ok()) << reader.status().ToString() << "\n" << tmx;
    for (const formats::TmxUnit& unit : units) {
      formats::TmxUnit again;
      auto more = (*reader)->Next(again);
      ASSERT_TRUE(more.ok()) << more.status().ToString() << "\n" << tmx;
      ASSERT_TRUE(*more);
      ASSERT_EQ(again.variants.size(), 2u);
      for (int v = 0; v < 2; ++v) {
        EXPECT_TRUE(again.variants[v].SameContent(unit.variants[v]))
            << "markup read: " << unit.variants[v].markup
            << "\nmarkup back: " << again.variants[v].markup
            << "\ntext read: " << unit.variants[v].text
            << "\ntext back: " << again.variants[v].text;
      }
    }
  }
}

// What SOURCES.md asks of particular files, checked on what is read.
class XliffCorpusDetailTest : public ::testing::Test {
 protected:
  void SetUp() override { ONOMA_REQUIRE_SHARED_DIR(); }

  static std::vector<formats::TmxUnit> Units(
      const char* file, formats::XliffReaderOptions options = {}) {
    return ReadUnits(testing::SharedDir() / "corpora" / "xliff" / file,
                     64 * 1024, options);
  }
};

TEST_F(XliffCorpusDetailTest, SupplementaryPlaneCharactersStayWhole) {
  auto units = Units("omegat-org__omegat__file-XLIFFFilter-SMP.xlf");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].variants[1].text,
            "\U0001D405\U0001D408\U0001D411\U0001D412\U0001D413\U0001D40C"
            "\U0001D400\U0001D411\U0001D40A \U0001D40C\U0001D400\U0001D411"
            "\U0001D40A2\U0001D402\U0001D414\U0001D412\U0001D413\U0001D40E"
            "\U0001D40C");
  EXPECT_NE(units[0].variants[1].markup.find("<hi type=\"protected\">"),
            std::string::npos);
  formats::XliffReaderOptions any;
  any.any_state = true;
  auto emoji = Units("mihnita__okapi__emoji1.html.xliff", any);
  ASSERT_EQ(emoji.size(), 2u);
  EXPECT_EQ(emoji[0].variants[1].text, "This is a \U0001F60E test of emoji.");
  // U+F60E, a private-use character, is in the file as it is.
  EXPECT_EQ(emoji[1].variants[1].text, " A dumb \uF60E sentence.");
}

TEST_F(XliffCorpusDetailTest, CdataIsText) {
  auto units = Units("omegat-org__omegat__file-XLIFFFilter-cdata-bugs418.xlf");
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].variants[0].text, "This is <test");
  EXPECT_EQ(units[0].variants[1].text, "tr1=This is <test");
  units = Units("mihnita__okapi__688-cdata.xlf");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].variants[0].text, "t1.<p>CDATA in source & &amp;</p>.t3");
  units = Units("oasis-tcs__xliff-xliff-22__withCDataSections.xlf");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].variants[0].text, "source & and < etc.");
}

TEST_F(XliffCorpusDetailTest, TheEncodingDeclaredIsHonoured) {
  formats::XliffReaderOptions options;
  options.target_lang = "de";
  auto units = Units("symfony__translation__encoding.xlf", options);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].variants[1].text, "b\u00E4r");
  EXPECT_EQ(units[0].variants[1].lang, "de");
  ASSERT_EQ(units[0].meta.size(), 2u);
  EXPECT_EQ(units[0].meta[0].value, "b\u00E4z");
  EXPECT_EQ(units[1].variants[1].text, "f\u00F6\u00F6");
  // A DOCTYPE is read past, nothing fetched.
  EXPECT_EQ(Units("symfony__translation__withdoctype.xlf", options).size(), 1u);
}

TEST_F(XliffCorpusDetailTest, ScriptsAndLanguageTagsAreKeptAsWritten) {
  auto ko = Units("mozilla-l10n__mozilla-vpn-client-l10n__ko_mozillavpn.xliff");
  ASSERT_EQ(ko.size(), 545u);
  EXPECT_EQ(ko[0].variants[1].lang, "ko");
  EXPECT_EQ(ko[0].variants[1].text, "\uC778\uC99D \uC624\uB958");
  auto uk = Units("mozilla-l10n__mozilla-vpn-client-l10n__uk_extras.xliff");
  ASSERT_EQ(uk.size(), 187u);
  EXPECT_EQ(uk[0].variants[1].text,
            "\u0431\u043E\u043B\u0433\u0430\u0440\u0441\u044C\u043A\u0430");
  // Russian text labelled fr: the tag is the file's, not guessed.
  auto ru = Units("mihnita__okapi__Test_DrupalRussianCP1251.po.xliff");
  ASSERT_EQ(ru.size(), 17u);
  EXPECT_EQ(ru[0].variants[1].lang, "fr");
}

TEST_F(XliffCorpusDetailTest, AltTransIsNeverTheTarget) {
  for (const formats::TmxUnit& unit :
       Units("mihnita__okapi__JMP-11-Test01.xlf")) {
    EXPECT_EQ(unit.variants[1].lang, "fr");
    EXPECT_NE(unit.variants[1].text, "de");
    EXPECT_NE(unit.variants[1].text, "German");
  }
}

TEST_F(XliffCorpusDetailTest, InlineCodesOfEveryKindAreKeptAsCodes) {
  int with_codes = 0;
  for (const formats::TmxUnit& unit :
       Units("omegat-org__omegat__file-XLIFFFilter-tags.xlf")) {
    if (unit.variants[1].has_codes) ++with_codes;
  }
  EXPECT_EQ(with_codes, 9);
  // memoQ's overlapping bpt/ept, the target lacking one of them.
  formats::XliffReaderOptions any;
  any.any_state = true;
  auto memoq = Units("mihnita__okapi__sampe_sch.xliff", any);
  ASSERT_EQ(memoq.size(), 1u);
  EXPECT_EQ(memoq[0].variants[0].markup,
            "<ph x=\"1\">&lt;FootnoteMarker /&gt;</ph>\u2009<bpt i=\"1\" x=\"2\" "
            "type=\"italic\">{}</bpt><bpt i=\"2\" x=\"3\">&lt;uf "
            "ufcatid=\"7\" f=\"Times New Roman\" fs=\"Italic\"&gt;</bpt>"
            "UNCITRAL Yearbook, <ept i=\"1\">{}</ept><ept i=\"2\">&lt;/uf&gt;"
            "</ept>vol. XXVII:");
  EXPECT_EQ(memoq[0].variants[1].markup,
            "<ph x=\"1\">&lt;FootnoteMarker /&gt;</ph><bpt i=\"1\" "
            "x=\"3\">&lt;uf ufcatid=\"7\" f=\"Times New Roman\" "
            "fs=\"Italic\"&gt;</bpt>\u300A\u8D38\u6613\u6CD5\u59D4\u5458"
            "\u4F1A\u5E74\u9274\u300B<ept i=\"1\">&lt;/uf&gt;</ept>\uFF0C"
            "\u7B2C\u4E8C\u5341\u4E03\u5377\uFF1A");
}

}  // namespace
}  // namespace onoma
