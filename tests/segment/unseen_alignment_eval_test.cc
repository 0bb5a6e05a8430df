// Alignment of unseen wire copy (tests/data/segment/unseen/, README there):
// passages written by someone who had not seen onoma's code, en-uk and
// en-ko, each part ("tune", and "heldout" once it is put beside it) with
// a termbase of its names. Scored end to end (the segmenter's sentences
// from the running text, then the aligner) by sentence links: a bead links
// every sentence of its source side with every sentence of its target
// side, and a sentence the segmenter cut otherwise than the gold counts as
// every gold sentence it overlaps, so that where a dateline or a
// quotation is cut does not decide the score. Each pair is measured with
// the termbase's names as anchors (normalize::NameAnchors) and without;
// the figures are printed for docs/segment.md and held to lower bounds.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/name_anchors.h"
#include "lib/segment/aligner.h"
#include "lib/segment/anchors.h"
#include "lib/segment/document.h"
#include "lib/segment/sentence_splitter.h"
#include "tests/segment/gold_corpus.h"

namespace onoma::testing {
namespace {

namespace fs = std::filesystem;

std::string UnseenDir(const std::string& part) {
  return std::string(ONOMA_TEST_DATA_DIR) + "/segment/unseen/" + part;
}

// The termbase of a part (names.tsv: concept, type, lang, form, status,
// term_type, ...) as the normalizer's input.
normalize::Input ReadNames(const std::string& path) {
  normalize::Input input;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string f; std::getline(fields, f, '\t');) cols.push_back(f);
    if (cols.size() < 4) continue;
    if (input.concepts.empty() || input.concepts.back().slug != cols[0]) {
      normalize::ConceptInput& c = input.concepts.emplace_back();
      c.slug = cols[0];
      c.is_place = cols[1] == "place";
    }
    normalize::FormInput form;
    form.lang = cols[2];
    form.form = cols[3];
    if (cols.size() > 4 && cols[4] == "admitted") {
      form.status = normalize::FormStatus::kAdmitted;
    } else if (cols.size() > 4 && cols[4] == "deprecated") {
      form.status = normalize::FormStatus::kDeprecated;
    }
    if (cols.size() > 5 && cols[5] == "shortForm") {
      form.kind = normalize::FormKind::kShortForm;
    } else if (cols.size() > 5 && cols[5] == "acronym") {
      form.kind = normalize::FormKind::kAcronym;
    }
    input.concepts.back().terms.push_back(std::move(form));
  }
  return input;
}

using Span = std::pair<std::size_t, std::size_t>;  // bytes of the text

// Where each sentence of `doc` lies in `text`, searched in order.
std::vector<Span> Spans(const segment::Document& doc, const std::string& text) {
  std::vector<Span> out;
  std::size_t from = 0;
  for (const std::string& s : doc.sentences) {
    std::size_t at = text.find(s, from);
    if (at == std::string::npos) at = from;  // cannot happen: same text
    out.emplace_back(at, at + s.size());
    from = at + s.size();
  }
  return out;
}

// The gold sentences each sentence of `doc` overlaps.
std::vector<std::vector<std::uint32_t>> Overlaps(
    const std::vector<Span>& mine, const std::vector<Span>& gold) {
  std::vector<std::vector<std::uint32_t>> out(mine.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (mine[i].first < gold[g].second && gold[g].first < mine[i].second) {
        out[i].push_back(static_cast<std::uint32_t>(g));
      }
    }
  }
  return out;
}

using Links = std::set<std::pair<std::uint32_t, std::uint32_t>>;

// Links of gold sentence indexes made by `beads` over sentences that map
// to gold ones through `s_map` and `t_map`.
Links LinksOf(const std::vector<segment::Bead>& beads,
              const std::vector<std::vector<std::uint32_t>>& s_map,
              const std::vector<std::vector<std::uint32_t>>& t_map) {
  Links out;
  for (const segment::Bead& b : beads) {
    for (std::uint32_t i = b.source_begin; i < b.source_begin + b.source_count;
         ++i) {
      for (std::uint32_t j = b.target_begin;
           j < b.target_begin + b.target_count; ++j) {
        for (std::uint32_t gs : s_map[i]) {
          for (std::uint32_t gt : t_map[j]) out.emplace(gs, gt);
        }
      }
    }
  }
  return out;
}

struct LinkScore {
  std::size_t predicted = 0, gold = 0, correct = 0;
  double precision() const {
    return predicted == 0 ? 0 : static_cast<double>(correct) / predicted;
  }
  double recall() const {
    return gold == 0 ? 0 : static_cast<double>(correct) / gold;
  }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Figures {
  std::size_t passages = 0;
  LinkScore with_names;
  LinkScore without_names;
};

// Measures one pair of one part; false when the part is not there.
bool Measure(const std::string& part, const std::string& pair, Figures& f) {
  const std::string dir = UnseenDir(part);
  if (!fs::exists(fs::path(dir) / pair)) return false;
  std::string error;
  std::vector<GoldPassage> passages = LoadGold(dir, pair, error);
  EXPECT_EQ(error, "");
  f.passages = passages.size();
  const std::string target_lang = pair.substr(3);
  auto source_splitter = segment::SentenceSplitter::Create("en");
  auto target_splitter = segment::SentenceSplitter::Create(target_lang);
  EXPECT_TRUE(source_splitter.ok() && target_splitter.ok());
  if (!source_splitter.ok() || !target_splitter.ok()) return true;

  auto matcher = normalize::Matcher::Compile(ReadNames(dir + "/names.tsv"));
  EXPECT_TRUE(matcher.ok()) << matcher.status().ToString();
  if (!matcher.ok()) return true;
  auto names = normalize::NameAnchors::Create(*matcher);
  EXPECT_TRUE(names.ok()) << names.status().ToString();
  if (!names.ok()) return true;
  segment::AnchorSet with_names;
  with_names.Add(&*names);

  for (const GoldPassage& p : passages) {
    Links gold = LinksOf(p.beads,
                         Overlaps(Spans(p.source, p.source_text),
                                  Spans(p.source, p.source_text)),
                         Overlaps(Spans(p.target, p.target_text),
                                  Spans(p.target, p.target_text)));
    segment::Document s =
        segment::SegmentDocument(p.source_text, *source_splitter);
    segment::Document t =
        segment::SegmentDocument(p.target_text, *target_splitter);
    auto s_map =
        Overlaps(Spans(s, p.source_text), Spans(p.source, p.source_text));
    auto t_map =
        Overlaps(Spans(t, p.target_text), Spans(p.target, p.target_text));
    for (bool use_names : {true, false}) {
      segment::AlignOptions options;
      options.source_lang = "en";
      options.target_lang = target_lang;
      if (use_names) options.anchors = &with_names;
      auto beads = segment::Align(s, t, options);
      EXPECT_TRUE(beads.ok()) << beads.status().ToString();
      if (!beads.ok()) continue;
      Links mine = LinksOf(*beads, s_map, t_map);
      LinkScore& score = use_names ? f.with_names : f.without_names;
      score.predicted += mine.size();
      score.gold += gold.size();
      for (const auto& link : mine) score.correct += gold.count(link);
      if (use_names) {
        for (const segment::Bead& b : *beads) {
          Links one = LinksOf({b}, s_map, t_map);
          bool wrong = false;
          for (const auto& link : one) wrong = wrong || gold.count(link) == 0;
          if (!wrong) continue;
          std::string src, tgt;
          for (std::uint32_t k = 0; k < b.source_count; ++k) {
            src += " | " + s.sentences[b.source_begin + k];
          }
          for (std::uint32_t k = 0; k < b.target_count; ++k) {
            tgt += " | " + t.sentences[b.target_begin + k];
          }
          std::printf("  %s: wrong bead [%s] <-> [%s]\n", p.name.c_str(),
                      src.c_str(), tgt.c_str());
        }
      }
    }
  }
  auto show = [](const char* what, const LinkScore& x) {
    std::printf(
        "  %s: links %zu gold, %zu found, %zu right: P %.3f R %.3f "
        "F1 %.3f\n",
        what, x.gold, x.predicted, x.correct, x.precision(), x.recall(),
        x.f1());
  };
  std::printf("%s %s: %zu passages, end to end\n", part.c_str(), pair.c_str(),
              f.passages);
  show("with the termbase's names", f.with_names);
  show("without (numbers and dates only)", f.without_names);
  return true;
}

void Evaluate(const std::string& part, const std::string& pair,
              double min_f1_names, double min_f1_plain) {
  Figures f;
  if (!Measure(part, pair, f)) {
    GTEST_SKIP() << "tests/data/segment/unseen/" << part << "/" << pair
                 << " is not there (the held-out part is added at the end)";
  }
  EXPECT_GE(f.passages, 5u);
  EXPECT_GE(f.with_names.f1(), min_f1_names);
  EXPECT_GE(f.without_names.f1(), min_f1_plain);
}

// Floors at the figures measured (docs/segment.md), since quotations cut
// between two sentences are paired by what is quoted, sentences that
// begin with a number are split off, and a sentence left out beside one
// added in its place is no pair.
// Measured: with names P 0.981 R 0.975 F1 0.978 (0.975 before a 1-1 bead
// whose sides both have anchors and share none cost 1.5, 0.969 before a
// 1-1 bead that shares no anchor was penalized); without F1 0.966 (0.963).
TEST(UnseenAlignmentEvalTest, TuneEnglishUkrainian) {
  Evaluate("tune", "en-uk", 0.975, 0.965);
}
// Measured: with names P 0.988 R 0.975 F1 0.981 (0.978 before a 1-1 bead
// whose sides both have anchors and share none cost 1.5, 0.975 before
// dates told from the day of the story were anchors, 0.972 before a
// shared name the story repeats counted less); without F1 0.975 (0.972,
// 0.966, 0.963).
TEST(UnseenAlignmentEvalTest, TuneEnglishKorean) {
  Evaluate("tune", "en-ko", 0.98, 0.975);
}
// The held-out part, first scored once after the tuning was done (en-uk
// F1 0.957, en-ko 0.939 with names), then used for error analysis too.
// Measured: en-uk with names P 1.000 R 0.988 F1 0.994 (0.988 before
// pounds gave kilograms and a 1-1 bead whose sides both have anchors and
// share none cost 1.5, 0.981 before a 1-1 bead that shares no anchor was
// penalized), without F1 0.969; en-ko with names P 0.976 R 1.000 F1
// 0.988, without F1 0.963.
TEST(UnseenAlignmentEvalTest, HeldOutEnglishUkrainian) {
  Evaluate("heldout", "en-uk", 0.99, 0.965);
}
TEST(UnseenAlignmentEvalTest, HeldOutEnglishKorean) {
  Evaluate("heldout", "en-ko", 0.98, 0.96);
}
// A second set by another writer (tests/data/segment/unseen/fresh/), kept
// out of sight until the aligner's work was done and scored once (en-uk
// F1 0.976 / 0.958 with / without names, en-ko 0.929 / 0.902), then used
// for error analysis: times before a capital ("1:13 a.m. About"), Korean
// numbers by groups of ten thousands, ordinals, times of day by the hour
// (10 p.m. and 22:00), round quantities (thousands, 수천), weekdays
// against days of the month, and substitutions.
// Measured: en-uk with names P 1.000 R 1.000 F1 1.000 (0.990 before a
// 1-1 bead that shares no anchor was penalized), without F1 0.972; en-ko
// with names P 0.978 R 0.971 F1 0.974, without F1 0.970 (0.955). Since
// a quotation cut between its sentences on both sides is no 2-2 bead:
// en-ko with names P 0.993 R 0.971 F1 0.982.
TEST(UnseenAlignmentEvalTest, FreshEnglishUkrainian) {
  Evaluate("fresh", "en-uk", 0.995, 0.97);
}
TEST(UnseenAlignmentEvalTest, FreshEnglishKorean) {
  Evaluate("fresh", "en-ko", 0.98, 0.965);
}

// A third set by a third writer (tests/data/segment/unseen/fresh2/: 7
// en-uk and 14 en-ko passages), kept out of sight until the aligner's work
// on the sets above was done, and scored once.
// Measured once: en-uk with names P 0.960 R 0.979 F1 0.969, without F1
// 0.959; en-ko with names P 0.915 R 0.963 F1 0.939, without F1 0.941 (a
// sentence left out beside one added in its place, paired, in 10 of 14
// passages). Since a 1-1 bead that shares no anchor while one side has
// one costs more: en-uk the same; en-ko with names P 0.920 R 0.969 F1
// 0.944, without F1 0.946. Since a shared name the story repeats counts
// less: en-uk without F1 0.969. Since dates told from the day of the
// story ("last year", "지난해") and 첫 starting a word are anchors: en-ko
// with names P 0.935 R 0.974 F1 0.954, without F1 0.949. Since a 2-2
// bead whose halves each share a rare anchor and agree in length is two
// 1-1 beads: en-ko with names P 0.954 R 0.974 F1 0.964, without F1 0.954.
TEST(UnseenAlignmentEvalTest, SecondFreshEnglishUkrainian) {
  Evaluate("fresh2", "en-uk", 0.965, 0.965);
}
TEST(UnseenAlignmentEvalTest, SecondFreshEnglishKorean) {
  Evaluate("fresh2", "en-ko", 0.96, 0.95);
}

// A fourth set by a fourth writer (tests/data/segment/unseen/fresh3/: 5
// en-uk and 12 en-ko passages), kept out of sight until the aligner's work
// on the sets above was done, and scored once.
// Measured: en-uk with names P 0.970 R 0.985 F1 0.977, without F1 0.970;
// en-ko with names P 0.910 R 0.974 F1 0.941, without P 0.933 R 0.981
// F1 0.956 (the names add pairs a translation dropped beside one it
// added). Since sharing a name the story repeats counts less, and a 1-1
// bead that shares only such names costs more: en-ko with names P 0.933
// R 0.981 F1 0.956, without P 0.944 R 0.981 F1 0.962 (0.969 since dates
// told from the day of the story are anchors). Since a 1-1 bead whose
// sides both have anchors and share none costs 1.5: with names P 0.944
// R 0.981 F1 0.962; since a 2-2 bead whose halves each share a rare
// anchor and agree in length is two 1-1 beads, P 0.956 R 0.981 F1 0.968.
TEST(UnseenAlignmentEvalTest, ThirdFreshEnglishUkrainian) {
  Evaluate("fresh3", "en-uk", 0.975, 0.965);
}
TEST(UnseenAlignmentEvalTest, ThirdFreshEnglishKorean) {
  Evaluate("fresh3", "en-ko", 0.965, 0.965);
}

// A fifth set by a fifth writer (tests/data/segment/unseen/fresh4/: 6
// en-uk and 10 en-ko passages, a dropped English sentence beside an added
// Korean one in 9 of the 10), kept out of sight until the aligner's work
// on the sets above was done, and scored once. Measured: en-uk with names
// P 1.000 R 0.971 F1 0.985, without F1 0.964; en-ko with names P 0.934
// R 0.961 F1 0.947, without P 0.891 R 0.951 F1 0.920. Since a 1-1 bead
// whose sides both have anchors and share none costs 1.5: with names
// P 0.952 R 0.961 F1 0.957; since a 2-2 bead whose halves each share a
// rare anchor and agree in length is two 1-1 beads, P 0.971 R 0.961 F1
// 0.966.
TEST(UnseenAlignmentEvalTest, FourthFreshEnglishUkrainian) {
  Evaluate("fresh4", "en-uk", 0.98, 0.96);
}
TEST(UnseenAlignmentEvalTest, FourthFreshEnglishKorean) {
  Evaluate("fresh4", "en-ko", 0.965, 0.915);
}

// A sixth set by a sixth writer (tests/data/segment/unseen/fresh5/: 6
// en-uk and 12 en-ko passages, a dropped English sentence beside an added
// one that names the same person or place in 11 of the 12), kept out of
// sight until the aligner's work on the sets above was done, and scored
// once. Measured: en-uk with names P 0.974 R 0.974 F1 0.974, without
// F1 0.961; en-ko with names P 0.929 R 0.960 F1 0.945, without P 0.890
// R 0.960 F1 0.924. Every en-ko miss is a dropped sentence paired with the
// added one beside it (two of them two sentences each).
TEST(UnseenAlignmentEvalTest, FifthFreshEnglishUkrainian) {
  Evaluate("fresh5", "en-uk", 0.97, 0.96);
}
TEST(UnseenAlignmentEvalTest, FifthFreshEnglishKorean) {
  Evaluate("fresh5", "en-ko", 0.94, 0.92);
}

}  // namespace
}  // namespace onoma::testing
