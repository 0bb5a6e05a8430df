// The score of docs/tm-lookup.md against scores worked out by hand.

#include "memory/tm/match_score.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "memory/tm/match_tokens.h"

namespace onoma::tm {
namespace {

class MatchScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = MatchTokenizer::Create();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tokenizer_.emplace(std::move(*t));
  }

  // Scores `query` against `source`; `codes` inline codes in the source.
  ScoreResult Run(const std::string& query, const std::string& source,
                  int codes = 0) {
    query_ = query;
    source_ = source;
    tokenizer_->Tokenize(query_, q_);
    tokenizer_->Tokenize(source_, s_);
    input_ = ScoreInput();
    input_.query_text = query_;
    input_.query = &q_;
    input_.source_text = source_;
    input_.source = &s_;
    input_.inline_codes = codes;
    return Score(input_, scratch_);
  }

  // Marks every number of both sides exchangeable, the source's
  // substitutable as `found_in_target` says.
  void NumbersExchangeable(bool found_in_target) {
    for (std::uint32_t i = 0; i < q_.size(); ++i) {
      if (q_[i].kind != TokenKind::kNumber) continue;
      input_.query_spans.push_back(
          {Exchangeable::Kind::kNumber, i, i + 1, 0, -1, true});
    }
    for (std::uint32_t i = 0; i < s_.size(); ++i) {
      if (s_[i].kind != TokenKind::kNumber) continue;
      input_.source_spans.push_back(
          {Exchangeable::Kind::kNumber, i, i + 1, 0, -1, found_in_target});
    }
  }

  ScoreResult Rescore() { return Score(input_, scratch_); }

  std::optional<MatchTokenizer> tokenizer_;
  std::string query_, source_;
  std::vector<MatchToken> q_, s_;
  ScoreInput input_;
  ScoreScratch scratch_;
};

// A cap on the tokens: the first max_tokens + 1 come out as without it, so
// that the index learns a text is too long without holding all of it.
TEST_F(MatchScoreTest, TokenizerStopsOneTokenPastItsCap) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "Kyiv, 5 May. ";
  std::vector<MatchToken> all, capped;
  tokenizer_->Tokenize(text, all);
  ASSERT_EQ(all.size(), 5000u);
  tokenizer_->Tokenize(text, capped, 10);
  ASSERT_EQ(capped.size(), 11u);
  for (std::size_t i = 0; i < capped.size(); ++i) {
    EXPECT_EQ(capped[i].begin, all[i].begin);
    EXPECT_EQ(capped[i].end, all[i].end);
    EXPECT_EQ(capped[i].key, all[i].key);
  }
  tokenizer_->Tokenize("Kyiv, 5 May.", capped, 5);
  EXPECT_EQ(capped.size(), 5u);  // no more than the text has
}

TEST_F(MatchScoreTest, TokensAreWordsNumbersAndPunctuationWithoutSpaces) {
  std::vector<MatchToken> tokens;
  tokenizer_->Tokenize("Kyiv,  5 May\u00A0— KYIV's", tokens);
  std::vector<std::string> keys;
  for (const MatchToken& t : tokens) keys.push_back(t.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"kyiv", ",", "5", "may", "—", "kyiv's"}));
  EXPECT_EQ(tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunctuation);
  EXPECT_EQ(IndexKey(tokens[2]), "#");
  EXPECT_EQ(IndexKey(tokens[0]), "kyiv");
}

TEST_F(MatchScoreTest, IdenticalIs100) {
  ScoreResult r = Run("Kyiv said on Monday.", "Kyiv said on Monday.");
  EXPECT_EQ(r.score, 100);
  EXPECT_EQ(r.edits, 0);
}

TEST_F(MatchScoreTest, WhitespaceDoesNotCount) {
  EXPECT_EQ(Run("Kyiv  said\ton Monday.", "Kyiv said on Monday.").score, 100);
}

TEST_F(MatchScoreTest, OneWordReplacedInTen) {
  // 10 tokens each, d = 1: 100 * 9 / 10 = 90.
  ScoreResult r = Run("The minister said on Monday that talks would resume .",
                      "The minister said on Friday that talks would resume .");
  EXPECT_EQ(r.edits, 1);
  EXPECT_EQ(r.length, 10);
  EXPECT_EQ(r.score, 90);
}

TEST_F(MatchScoreTest, ExtraTokenUsesTheLongerLength) {
  // 4 and 5 tokens, d = 1, L = 5: 80.
  EXPECT_EQ(Run("Kyiv said on Monday", "Kyiv said late on Monday").score, 80);
  // The other way round: the same.
  EXPECT_EQ(Run("Kyiv said late on Monday", "Kyiv said on Monday").score, 80);
}

TEST_F(MatchScoreTest, PunctuationIsAToken) {
  // "Kyiv , Ukraine" against "Kyiv Ukraine": d = 1, L = 3: floor(66.7).
  EXPECT_EQ(Run("Kyiv, Ukraine", "Kyiv Ukraine").score, 66);
}

TEST_F(MatchScoreTest, CaseAloneCostsOnePointPerToken) {
  ScoreResult r = Run("kyiv said on monday", "Kyiv said on Monday");
  EXPECT_EQ(r.edits, 0);
  EXPECT_EQ(r.case_penalty, 2);
  EXPECT_EQ(r.score, 98);
  EXPECT_EQ(Run("КИЇВ заявив", "Київ заявив").score, 99);
}

TEST_F(MatchScoreTest, InlineCodesCostOnePointEachUpToFive) {
  EXPECT_EQ(Run("Kyiv said", "Kyiv said", 2).score, 98);
  EXPECT_EQ(Run("Kyiv said", "Kyiv said", 9).score, 95);
  // With a replaced word too: 100 * 1 / 2 = 50, less 2.
  EXPECT_EQ(Run("Kyiv said", "Kyiv wrote", 2).score, 48);
}

TEST_F(MatchScoreTest, NumbersExchangeOnlyWhenTheTargetHasThem) {
  // 4 tokens, one number differs.
  Run("killed 7 people .", "killed 5 people .");
  EXPECT_EQ(Rescore().score, 75);  // not exchangeable: d = 1
  NumbersExchangeable(/*found_in_target=*/false);
  EXPECT_EQ(Rescore().score, 75);
  input_.source_spans.clear();
  input_.query_spans.clear();
  NumbersExchangeable(/*found_in_target=*/true);
  ScoreResult r = Rescore();
  EXPECT_EQ(r.edits, 0);
  EXPECT_EQ(r.exchange_penalty, 1);
  EXPECT_EQ(r.score, 99);
  ASSERT_EQ(r.steps.size(), 4u);
  EXPECT_EQ(r.steps[1].op, AlignOp::kExchange);
  EXPECT_TRUE(r.steps[1].changes_text);
}

TEST_F(MatchScoreTest, EqualNumbersNeedNoExchange) {
  Run("killed 5 people", "killed 5 people");
  NumbersExchangeable(true);
  ScoreResult r = Rescore();
  EXPECT_EQ(r.score, 100);
  EXPECT_EQ(r.exchange_penalty, 0);
}

TEST_F(MatchScoreTest, NamesOfTwoConceptsExchangeAsWholes) {
  // "Yoon Suk Yeol met officials" against "Lee Jae - myung met officials":
  // the names (3 and 4 tokens) exchange; nothing else differs. L = 6.
  Run("Yoon Suk Yeol met officials", "Lee Jae-myung met officials");
  input_.query_spans.push_back({Exchangeable::Kind::kName, 0, 3, 7, -1, true});
  input_.source_spans.push_back({Exchangeable::Kind::kName, 0, 4, 9, -1, true});
  ScoreResult r = Rescore();
  EXPECT_EQ(r.edits, 0);
  EXPECT_EQ(r.score, 99);
  // Without a rendering in the target language the names are just words:
  // 3 replaced and 1 extra of L = 6: floor(100 * 2 / 6).
  input_.query_spans[0].substitutable = false;
  r = Rescore();
  EXPECT_EQ(r.edits, 4);
  EXPECT_EQ(r.score, 33);
}

TEST_F(MatchScoreTest, AnotherFormOfTheSameNameCostsAPoint) {
  Run("Shelling in Kiev", "Shelling in Kyiv");
  input_.query_spans.push_back({Exchangeable::Kind::kName, 2, 3, 1, -1, false});
  input_.source_spans.push_back(
      {Exchangeable::Kind::kName, 2, 3, 1, -1, false});
  ScoreResult r = Rescore();
  EXPECT_EQ(r.edits, 0);
  EXPECT_EQ(r.score, 99);
}

TEST_F(MatchScoreTest, NamesFollowedByDifferentParticlesDoNotExchange) {
  // 서울은 (topic) against 서울에서 (locative): one token each, different.
  Run("서울은 조용하다", "서울에서 조용하다");
  input_.query_spans.push_back({Exchangeable::Kind::kName, 0, 1, 3, 4, true});
  input_.source_spans.push_back({Exchangeable::Kind::kName, 0, 1, 3, 9, true});
  EXPECT_EQ(Rescore().score, 50);
  input_.source_spans[0].suffix = 4;
  EXPECT_EQ(Rescore().score, 99);  // same particle, other form: a point
}

TEST_F(MatchScoreTest, DifferencesAreReportedAsSteps) {
  ScoreResult r = Run("Kyiv said on Monday", "Kyiv told reporters on Monday");
  EXPECT_EQ(r.edits, 2);
  // "told reporters" for "said": one replaced, one extra, in some order.
  std::map<AlignOp, int> ops;
  for (const AlignStep& s : r.steps) ++ops[s.op];
  EXPECT_EQ(ops, (std::map<AlignOp, int>{{AlignOp::kMatch, 3},
                                         {AlignOp::kReplace, 1},
                                         {AlignOp::kExtra, 1}}));
  EXPECT_EQ(r.steps.front().op, AlignOp::kMatch);
  EXPECT_EQ(r.steps.back().source_end, 5u);
  EXPECT_EQ(r.score, 60);  // L = 5, d = 2
}

TEST_F(MatchScoreTest, NothingInCommonIsZero) {
  EXPECT_EQ(Run("Kyiv", "Seoul").score, 0);
  EXPECT_EQ(Run("a b", "c d", 5).score, 0);  // never below zero
}

TEST_F(MatchScoreTest, KoreanWordsKeepTheirParticles) {
  // ICU does not split particles off: 2 tokens, one differs.
  EXPECT_EQ(Run("서울에서 회담", "서울에서 회담이").score, 50);
}

}  // namespace
}  // namespace onoma::tm
