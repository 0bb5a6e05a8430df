// `onoma segment` and `onoma tm align` as scripts call them (docs/cli.md's
// contract): one sentence per line; TSV beads; TMX output; exit codes.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/support/files.h"
#include "tests/support/run_onoma.h"

namespace onoma::testing {
namespace {

Output Onoma(const std::string& args, const std::string& input = "") {
  return RunOnoma("LANG=C", args, input);
}

TEST(SegmentCliTest, StdinOneSentencePerLine) {
  Output o = Onoma("segment --lang en -",
                   "SEOUL, Nov. 27 (Yonhap) -- Mr. Kim left. He said no.\n\n"
                   "Kyiv • UNN\n");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out,
            "SEOUL, Nov. 27 (Yonhap) --\nMr. Kim left.\nHe said no.\n"
            "Kyiv • UNN\n");
  EXPECT_EQ(o.err, "");
}

TEST(SegmentCliTest, GuessesTheLanguage) {
  // Without --lang, "ген." is a Ukrainian title only if the text is seen
  // as Ukrainian.
  Output o =
      Onoma("segment -", "Про це повідомив ген. Сирський. Бої тривають.");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "Про це повідомив ген. Сирський.\nБої тривають.\n");
}

// A file that opens with a long English line and goes on in Ukrainian is
// Ukrainian to segment as it is to normalize: both guess from the same
// start of the file (docs/segment.md). Guessed from its first 256 bytes, it
// was English to segment, which then cut "вул. Хрещатик" in two.
TEST(SegmentCliTest, GuessesFromTheSameStartAsNormalize) {
  std::string text =
      "Kyiv said on Monday that talks with the delegation would resume next "
      "week, and officials in the capital confirmed that the schedule had "
      "been agreed in advance by both sides after a long night of "
      "consultations in the ministry, which lasted until the morning and "
      "ended without a statement.\n";
  ASSERT_GT(text.size(), 256u);
  for (int i = 0; i < 20; ++i) {
    text += "Зустріч відбулася на вул. Хрещатик у Києві. Потім було тихо.\n";
  }
  TempFile file(text);
  Output o = Onoma("segment " + file.path());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("Зустріч відбулася на вул. Хрещатик у Києві.\n"),
            std::string::npos)
      << o.out;
  EXPECT_EQ(o.out.find("на вул.\n"), std::string::npos) << o.out;
}

// A paragraph of half a megabyte whose many abbreviations end no sentence
// is cut at once: each byte is looked at once for a number that may begin
// a sentence, not again after each break that is taken back (that took
// minutes). The timeout only catches such a hang.
TEST(SegmentCliTest, LongParagraphOfAbbreviations) {
  std::string paragraph;
  for (int i = 0; i < 30000; ++i) paragraph += "the U.S. Army 5 ";
  Output o =
      RunOnoma("LANG=C timeout 60", "segment --lang en -", paragraph + "\n");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out.size(), paragraph.size());  // one line, its space cut
}

TEST(SegmentCliTest, FileAndSrx) {
  TempFile text("Він живе на вул. Хрещатик. Ми теж!\n");
  TempFile srx(
      "<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>"
      "<languagerule languagerulename=\"D\"><rule break=\"yes\">"
      "<beforebreak>[.!]</beforebreak><afterbreak>\\s</afterbreak></rule>"
      "</languagerule></languagerules><maprules><languagemap "
      "languagepattern=\".*\" languagerulename=\"D\"/></maprules></body>"
      "</srx>");
  Output builtin = Onoma("segment --lang uk " + text.path());
  EXPECT_EQ(builtin.exit_code, 0) << builtin.err;
  EXPECT_EQ(builtin.out, "Він живе на вул. Хрещатик.\nМи теж!\n");
  Output with_srx =
      Onoma("segment --lang uk --srx " + srx.path() + " " + text.path());
  EXPECT_EQ(with_srx.exit_code, 0) << with_srx.err;
  EXPECT_EQ(with_srx.out, "Він живе на вул.\nХрещатик.\nМи теж!\n");
}

TEST(SegmentCliTest, Failures) {
  Output invalid = Onoma("segment --lang en -", "Fine.\nBad \xC3 byte.\n");
  EXPECT_EQ(invalid.exit_code, 3);
  EXPECT_EQ(invalid.out, "Fine.\n");  // the lines before the fault
  EXPECT_EQ(invalid.err,
            "onoma: segment: <stdin>:2:5: invalid UTF-8: truncated sequence "
            "(near: \\xc3)\n");
  Output missing = Onoma("segment /nonexistent/file.txt");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(
      missing.err,
      "onoma: segment: /nonexistent/file.txt: cannot read the file: No such "
      "file or directory\n");
  Output bad_lang = Onoma("segment --lang 'e n' -", "Text.");
  EXPECT_EQ(bad_lang.exit_code, 2);
  TempFile bad_srx("<srx><body>");
  Output srx = Onoma("segment --srx " + bad_srx.path() + " -", "Text.");
  EXPECT_EQ(srx.exit_code, 3);
  EXPECT_NE(srx.err.find("--srx: " + bad_srx.path() + ":1:"), std::string::npos)
      << srx.err;
}

constexpr char kEnglish[] =
    "Heavy snow hits Kyiv\n\n"
    "Heavy snow fell on Thursday, leaving 1,200 homes without power. "
    "Crews worked overnight.\n"
    "Schools closed until Monday. The ministry will review it daily.\n";
constexpr char kUkrainian[] =
    "Сильний снігопад у Києві\n\n"
    "У четвер випав сильний сніг, без світла залишилися 1 200 осель. "
    "Бригади працювали всю ніч.\n"
    "Школи закрили до понеділка, а міністерство щодня переглядатиме це "
    "рішення.\n";

TEST(AlignCliTest, PrintsTsvBeads) {
  TempFile en(kEnglish);
  TempFile uk(kUkrainian);
  Output o = Onoma("tm align --from en --to uk " + en.path() + " " + uk.path());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  // Four beads: headline, two 1-1, one 2-1 joined by a space.
  std::string expected_prefix =
      "Heavy snow hits Kyiv\tСильний снігопад у Києві\t";
  EXPECT_EQ(o.out.rfind(expected_prefix, 0), 0u) << o.out;
  EXPECT_NE(o.out.find("Schools closed until Monday. The ministry will "
                       "review it daily.\tШколи закрили"),
            std::string::npos)
      << o.out;
  std::size_t lines = 0;
  for (char c : o.out) lines += c == '\n';
  EXPECT_EQ(lines, 4u);
}

TEST(AlignCliTest, WritesTmx) {
  TempFile en(kEnglish);
  TempFile uk(kUkrainian);
  TempFile out("");
  Output o = Onoma("tm align --from en --to uk --output " + out.path() + " " +
                   en.path() + " " + uk.path());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out, "");
  std::string tmx = Slurp(out.path());
  EXPECT_EQ(tmx.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx "
                      "version=\"1.4\">",
                      0),
            0u);
  EXPECT_NE(tmx.find("srclang=\"en\""), std::string::npos);
  EXPECT_NE(tmx.find("<tuv xml:lang=\"uk\">\n    <seg>Сильний снігопад у "
                     "Києві</seg>"),
            std::string::npos)
      << tmx;
  EXPECT_NE(tmx.find("<prop type=\"x-onoma-origin\">onoma tm align "),
            std::string::npos);
  EXPECT_NE(tmx.find("<prop type=\"x-onoma-confidence\">"), std::string::npos);
  EXPECT_NE(tmx.find("</body>\n</tmx>\n"), std::string::npos);
}

TEST(AlignCliTest, ImportsIntoTheMemoryOnce) {
  TempFile en(kEnglish);
  TempFile uk(kUkrainian);
  TempFile db("");
  std::remove(db.path().c_str());
  const std::string align = "--db " + db.path() +
                            " tm align --from en --to uk --import " +
                            en.path() + " " + uk.path();
  Output first = Onoma(align);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out,
            "4 pairs stored in the translation memory, 0 already there\n");
  Output again = Onoma(align);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out,
            "0 pairs stored in the translation memory, 4 already there\n");
  Output stats = Onoma("--db " + db.path() + " tm stats");
  EXPECT_NE(stats.out.find("units: 4"), std::string::npos) << stats.out;
}

// Regression: the byte-order mark of a file saved by a Windows editor was
// stored inside the first segment by `tm align --import`.
TEST(AlignCliTest, ByteOrderMarkIsNotStored) {
  TempFile en(std::string("\xEF\xBB\xBF") + kEnglish);
  TempFile uk(std::string("\xEF\xBB\xBF") + kUkrainian);
  TempFile db("");
  std::remove(db.path().c_str());
  Output tsv =
      Onoma("tm align --from en --to uk " + en.path() + " " + uk.path());
  EXPECT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(
      tsv.out.rfind("Heavy snow hits Kyiv\tСильний снігопад у Києві\t", 0), 0u)
      << tsv.out;
  Output import =
      Onoma("--db " + db.path() + " tm align --from en --to uk --import " +
            en.path() + " " + uk.path());
  EXPECT_EQ(import.exit_code, 0) << import.err;
  Output tmx = Onoma("--db " + db.path() + " tm export -");
  EXPECT_EQ(tmx.exit_code, 0) << tmx.err;
  EXPECT_NE(tmx.out.find("<seg>Heavy snow hits Kyiv</seg>"), std::string::npos)
      << tmx.out;
  EXPECT_EQ(tmx.out.find("\xEF\xBB\xBF"), std::string::npos) << tmx.out;
}

// Regression: against an empty target every sentence was paired with nothing
// at confidence 1.00 and the command succeeded.
TEST(AlignCliTest, EmptySideIsAnError) {
  TempFile en(kEnglish);
  TempFile empty("");
  TempFile blank("\n  \n");
  for (const TempFile* side : {&empty, &blank}) {
    Output o =
        Onoma("tm align --from en --to uk " + en.path() + " " + side->path());
    EXPECT_EQ(o.exit_code, 3) << o.err;
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(o.err, "onoma: tm align: " + side->path() +
                         ": no sentences to align: the file is empty or "
                         "blank\n");
    o = Onoma("tm align --from en --to uk " + side->path() + " " + en.path());
    EXPECT_EQ(o.exit_code, 3) << o.err;
    EXPECT_NE(o.err.find(side->path() + ": no sentences to align"),
              std::string::npos)
        << o.err;
  }
}

TEST(AlignCliTest, BatchOverDirectories) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "onoma_align_batch";
  fs::remove_all(root);
  fs::create_directories(root / "en");
  fs::create_directories(root / "uk");
  std::ofstream(root / "en" / "a.en.txt") << kEnglish;
  std::ofstream(root / "uk" / "a.uk.txt") << kUkrainian;
  std::ofstream(root / "en" / "b.txt") << "Kyiv is calm.\n";
  std::ofstream(root / "uk" / "b.txt") << "У Києві спокійно.\n";
  std::ofstream(root / "en" / "orphan.txt") << "Alone.\n";
  Output o = Onoma("tm align --from en --to uk " + (root / "en").string() +
                   " " + (root / "uk").string());
  EXPECT_EQ(o.exit_code, 0) << o.err;
  std::size_t lines = 0;
  for (char c : o.out) lines += c == '\n';
  EXPECT_EQ(lines, 5u) << o.out;  // four beads of a, one of b
  EXPECT_NE(o.out.find("Kyiv is calm.\tУ Києві спокійно.\t"),
            std::string::npos);
  EXPECT_NE(o.err.find("orphan.txt: no file of the same name"),
            std::string::npos)
      << o.err;
  fs::remove_all(root);
}

TEST(AlignCliTest, Failures) {
  TempFile en(kEnglish);
  Output missing =
      Onoma("tm align --from en --to uk " + en.path() + " /nonexistent/x");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(
      missing.err,
      "onoma: tm align: /nonexistent/x: cannot read the file: No such file "
      "or directory\n");
  TempFile bad("ok\n\xFF\n");
  Output invalid =
      Onoma("tm align --from en --to uk " + en.path() + " " + bad.path());
  EXPECT_EQ(invalid.exit_code, 3);
  EXPECT_NE(invalid.err.find(bad.path() + ":2:1: invalid UTF-8"),
            std::string::npos)
      << invalid.err;
  TempFile names("kyiv en Kyiv\n");
  Output anchors = Onoma("tm align --from en --to uk --anchors " +
                         names.path() + " " + en.path() + " " + en.path());
  EXPECT_EQ(anchors.exit_code, 3);
  EXPECT_NE(anchors.err.find("--anchors: " + names.path() + ":1:"),
            std::string::npos)
      << anchors.err;
}

// The running text of one side of a gold passage (tests/data/segment/
// README.md): its beads' sentences, paragraphs as lines.
std::string Side(const std::string& gold, bool target) {
  std::string out, paragraph;
  std::size_t begin = 0;
  while (begin < gold.size()) {
    std::size_t end = gold.find('\n', begin);
    if (end == std::string::npos) end = gold.size();
    std::string line = gold.substr(begin, end - begin);
    begin = end + 1;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      if (!paragraph.empty()) out += paragraph + "\n";
      paragraph.clear();
      continue;
    }
    std::size_t tab = line.find('\t');
    std::string side = target ? line.substr(tab + 1) : line.substr(0, tab);
    for (std::size_t at; (at = side.find(" \u00A6 ")) != std::string::npos;) {
      side.replace(at, std::string(" \u00A6 ").size(), " ");
    }
    if (side.empty()) continue;
    paragraph += (paragraph.empty() ? "" : " ") + side;
  }
  if (!paragraph.empty()) out += paragraph + "\n";
  return out;
}

// The names of the term store anchor the alignment: the causes of the
// sell-off are two English sentences that the Korean gives as one, which
// name the United States and the yen; without the store's names the
// aligner finds that bead too (by the numbers and lengths around it) but
// is less sure of it.
TEST(AlignCliTest, StoreNamesAnchorTheAlignment) {
  const std::string unseen =
      std::string(ONOMA_TEST_DATA_DIR) + "/segment/unseen/tune/";
  std::string gold = Slurp(unseen + "en-ko/04-market-rout.txt");
  ASSERT_FALSE(gold.empty());
  TempFile en(Side(gold, false));
  TempFile ko(Side(gold, true));
  TempFile db("");
  std::remove(db.path().c_str());
  Output imported =
      Onoma("--db " + db.path() + " term import " + unseen + "names.tsv");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string align = "--db " + db.path() +
                            " tm align --from en --to ko " + en.path() + " " +
                            ko.path();
  const std::string causes =
      "The sell-off followed weak U.S. jobs data on Friday. It was also "
      "driven by the unwinding of yen carry trades.\t이번 급락은";
  Output with_store = Onoma(align);
  EXPECT_EQ(with_store.exit_code, 0) << with_store.err;
  EXPECT_NE(with_store.out.find("\n" + causes), std::string::npos)
      << with_store.out;
  Output without = Onoma("--db " + db.path() +
                         " tm align --no-store-anchors --from en --to ko " +
                         en.path() + " " + ko.path());
  EXPECT_EQ(without.exit_code, 0) << without.err;
  // The confidence, the last column of the bead's line.
  auto confidence = [&](const std::string& out) {
    const std::size_t at = out.find("\n" + causes);
    if (at == std::string::npos) return -1.0;
    const std::size_t end = out.find('\n', at + 1);
    const std::size_t tab = out.rfind('\t', end);
    return std::stod(out.substr(tab + 1, end - tab - 1));
  };
  EXPECT_GT(confidence(with_store.out), confidence(without.out) + 0.1)
      << with_store.out << without.out;
  // No store at all aligns as --no-store-anchors does.
  Output no_store =
      Onoma("tm align --from en --to ko " + en.path() + " " + ko.path());
  EXPECT_EQ(no_store.exit_code, 0) << no_store.err;
  EXPECT_EQ(no_store.out, without.out);
  EXPECT_FALSE(std::filesystem::exists(db.path() + ".absent"));
}

}  // namespace
}  // namespace onoma::testing
