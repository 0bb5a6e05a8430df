// `onoma tm import` of XLIFF as a translator runs it: the finished
// segments of a file a CAT tool wrote come into the memory and are then
// found at 100 by `onoma tm lookup`; unfinished ones stay out; a broken
// file is refused with its position and nothing stored; --to and
// --any-state for files that say too little.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/run_onoma.h"
#include "tests/support/temp_dir_test.h"

namespace onoma {
namespace {

namespace fs = std::filesystem;
using testing::Output;
using testing::RunOnoma;

// What a translator sends back: XLIFF 2.0, en→uk, three segments of which
// two are done and one is still a draft.
constexpr const char* kTranslated = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="uk">
 <file id="f1" original="report.txt">
  <unit id="u1">
   <segment id="s1" state="final">
    <source>Shelling in Kharkiv on Monday killed 5 people.</source>
    <target>Обстріл у Харкові в понеділок убив 5 людей.</target>
   </segment>
  </unit>
  <unit id="u2">
   <segment id="s2" state="reviewed">
    <source>The minister said talks would resume.</source>
    <target>Міністр заявив, що переговори відновляться.</target>
   </segment>
   <segment id="s3" state="initial">
    <source>Officials gave no details.</source>
    <target>Посадовці не</target>
   </segment>
  </unit>
 </file>
</xliff>
)";

// The same in XLIFF 1.2, as OmegaT or Trados would give it, en→ko.
constexpr const char* kTranslated12 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="seoul.txt" source-language="en" target-language="ko" datatype="plaintext">
  <body>
   <trans-unit id="1"><source>Seoul is quiet on Sunday.</source><target state="translated">서울은 일요일에 조용하다.</target></trans-unit>
   <trans-unit id="2"><source>Busan is busy.</source><target state="needs-review-translation">부산은</target></trans-unit>
  </body>
 </file>
</xliff>
)";

class TmXliffCliTest : public testing::TempDirTest {
 protected:
  Output Onoma(const std::string& args) {
    return RunOnoma("NO_COLOR=1", "--db '" + Path("tm.db") + "' " + args);
  }
};

TEST_F(TmXliffCliTest, ATranslatedFileComesBackAndIsFoundAt100) {
  Write("report.uk.xlf", kTranslated);
  Output in = Onoma("tm import '" + Path("report.uk.xlf") + "'");
  ASSERT_EQ(in.exit_code, 0) << in.err;
  EXPECT_NE(in.out.find(": 3 segments read, 1 not finished, 2 added, 0 "
                        "replaced, 0 duplicates skipped, 0 bad segments "
                        "skipped, 0 warnings;"),
            std::string::npos)
      << in.out;
  Output found = Onoma(
      "tm lookup --from en --to uk 'The minister said talks would resume.'");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_NE(found.out.find("100%"), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("Міністр заявив, що переговори відновляться."),
            std::string::npos)
      << found.out;
  // The draft was not stored.
  Output draft =
      Onoma("tm lookup --from en --to uk 'Officials gave no details.'");
  EXPECT_EQ(draft.out.find("Посадовці"), std::string::npos) << draft.out;
  Output stats = Onoma("tm stats");
  EXPECT_NE(stats.out.find("report.uk.xlf (xliff, "), std::string::npos)
      << stats.out;
  // Exported, it is TMX with the unit's ids and the original's name.
  Output exported = Onoma("tm export -");
  EXPECT_NE(exported.out.find("tuid=\"u2/s2\""), std::string::npos)
      << exported.out;
  EXPECT_NE(exported.out.find("<prop type=\"x-original\">report.txt</prop>"),
            std::string::npos)
      << exported.out;
}

TEST_F(TmXliffCliTest, Xliff12ComesBackToo) {
  // No .xlf extension: found by its root element.
  Write("seoul.xml", kTranslated12);
  Output in = Onoma("tm import '" + Path("seoul.xml") + "'");
  ASSERT_EQ(in.exit_code, 0) << in.err;
  EXPECT_NE(in.out.find(": 2 segments read, 1 not finished, 1 added"),
            std::string::npos)
      << in.out;
  Output found =
      Onoma("tm lookup --from en --to ko 'Seoul is quiet on Sunday.'");
  EXPECT_NE(found.out.find("100%"), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("서울은 일요일에 조용하다."), std::string::npos)
      << found.out;
  Output any = Onoma("tm import --any-state '" + Path("seoul.xml") + "'");
  EXPECT_NE(any.out.find(": 2 segments read, 0 not finished, 1 added, 0 "
                         "replaced, 1 duplicates skipped"),
            std::string::npos)
      << any.out;
}

TEST_F(TmXliffCliTest, ABrokenFileIsRefusedWithItsPositionAndNothingStored) {
  std::string broken = kTranslated;
  broken.replace(broken.find("</target>\n   </segment>\n   <segment"), 9, "");
  Write("broken.xlf", broken);
  ASSERT_EQ(Onoma("tm index").exit_code, 0);  // creates the database
  Output in = Onoma("tm import '" + Path("broken.xlf") + "'");
  EXPECT_EQ(in.exit_code, 3);
  EXPECT_NE(in.err.find(
                Path("broken.xlf") +
                ":14:14: not well-formed XML: Opening and ending tag mismatch"),
            std::string::npos)
      << in.err;
  Output stats = Onoma("tm stats");
  EXPECT_NE(stats.out.find("units: 0"), std::string::npos) << stats.out;
}

TEST_F(TmXliffCliTest, ToGivesTheLanguageAFileLacks) {
  std::string doc = kTranslated12;
  doc.replace(doc.find(" target-language=\"ko\""), 21, "");
  Write("nolang.xlf", doc);
  Output without = Onoma("tm import '" + Path("nolang.xlf") + "'");
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(without.err.find("the file names no target language"),
            std::string::npos)
      << without.err;
  EXPECT_NE(without.out.find("0 added"), std::string::npos) << without.out;
  Output with = Onoma("tm import --to ko '" + Path("nolang.xlf") + "'");
  EXPECT_NE(with.out.find("1 added"), std::string::npos) << with.out;
  Output bad = Onoma("tm import --to korean '" + Path("nolang.xlf") + "'");
  EXPECT_EQ(bad.exit_code, 2);
}

// A stream is not looked into (its bytes would be lost): --format says
// what it is.
TEST_F(TmXliffCliTest, FormatNamesWhatAStreamIs) {
  Write("report.uk.xlf", kTranslated);
  const std::string pipe = Path("pipe");
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  // A writer in the background, as `<(zcat report.xlf.gz)` has; it ends
  // when onoma has read the pipe.
  auto feed = [&] {
    const std::string command =
        "cat '" + Path("report.uk.xlf") + "' > '" + pipe + "' &";
    ASSERT_EQ(std::system(command.c_str()), 0);
  };
  feed();
  Output guessed = Onoma("tm import '" + pipe + "'");
  EXPECT_EQ(guessed.exit_code, 3);
  EXPECT_NE(guessed.err.find("pipe:2:1: not a TMX document: the root "
                             "element is <xliff>, not <tmx>"),
            std::string::npos)
      << guessed.err;
  feed();
  Output named = Onoma("tm import --format xliff '" + pipe + "'");
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("pipe: 3 segments read, 1 not finished, 2 added"),
            std::string::npos)
      << named.out;
  EXPECT_EQ(
      Onoma("tm import --format po '" + Path("report.uk.xlf") + "'").exit_code,
      2);
}

// The whole round: a draft `onoma pretranslate` wrote (XLIFF 2.0 and 1.2)
// comes back into another memory with its exact matches, and only those.
TEST_F(TmXliffCliTest, APretranslatedDraftComesBack) {
  ASSERT_EQ(Onoma("tm add --from en --to uk 'The minister said talks would "
                  "resume.' 'Міністр заявив, що переговори відновляться.'")
                .exit_code,
            0);
  Write("report.txt",
        "The minister said talks would resume. Nobody knows why.\n");
  for (const char* format : {"", "--format xliff12 "}) {
    SCOPED_TRACE(format);
    Output draft =
        Onoma(std::string("pretranslate --from en --to uk ") + format + "-o '" +
              Path("draft.xlf") + "' '" + Path("report.txt") + "'");
    ASSERT_EQ(draft.exit_code, 0) << draft.err;
    const std::string other = "--db '" + Path("other.db") + "' ";
    fs::remove(Path("other.db"));
    Output in = RunOnoma("", other + "tm import '" + Path("draft.xlf") + "'");
    ASSERT_EQ(in.exit_code, 0) << in.err;
    EXPECT_NE(in.out.find(": 2 segments read, 1 not finished, 1 added"),
              std::string::npos)
        << in.out;
    Output found = RunOnoma("NO_COLOR=1", other +
                                              "tm lookup --from en --to uk "
                                              "'The minister said talks "
                                              "would resume.'");
    EXPECT_NE(found.out.find("100%"), std::string::npos) << found.out;
  }
}

}  // namespace
}  // namespace onoma
