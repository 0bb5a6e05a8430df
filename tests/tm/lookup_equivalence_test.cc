// The index misses nothing: for thousands of random queries against a
// random memory, Lookup::Find returns exactly what Lookup::BruteForce
// (every unit scored) returns — the same units with the same scores in the
// same order — at every --min, with and without the term store's names.
// On SQLite, and on PostgreSQL in the onoma_tm_lookup_test_pg run (fewer
// queries there: each unit scored is a round trip to the server).

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "memory/formats/tmx_reader.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"
#include "memory/tm/lookup.h"
#include "memory/tm/tm_index.h"
#include "memory/tm/translation_memory.h"
#include "tests/support/pg_server.h"

namespace onoma::tm {
namespace {

using normalize::FormKind;
using normalize::FormStatus;

struct Name {
  const char* en;
  const char* uk;
};
constexpr Name kNames[] = {{"Kyiv", "Київ"},
                           {"Kiev", "Київ"},
                           {"Kharkiv", "Харків"},
                           {"Odesa", "Одеса"},
                           {"Seoul", "Сеул"},
                           {"Yoon Suk Yeol", "Юн Сук Йоль"},
                           {"Lee Jae-myung", "Лі Дже Мьон"}};

normalize::Input Concepts() {
  normalize::Input input;
  const auto P = FormStatus::kPreferred;
  const auto D = FormStatus::kDeprecated;
  const auto F = FormKind::kFullForm;
  auto add = [&](const char* slug, bool place,
                 std::vector<normalize::FormInput> terms) {
    normalize::ConceptInput& c = input.concepts.emplace_back();
    c.slug = slug;
    c.is_place = place;
    c.terms = std::move(terms);
  };
  add("kyiv", true,
      {{"en", "Kyiv", P, F, ""},
       {"en", "Kiev", D, FormKind::kVariant, ""},
       {"uk", "Київ", P, F, ""}});
  add("kharkiv", true,
      {{"en", "Kharkiv", P, F, ""}, {"uk", "Харків", P, F, ""}});
  add("odesa", true, {{"en", "Odesa", P, F, ""}, {"uk", "Одеса", P, F, ""}});
  add("seoul", true, {{"en", "Seoul", P, F, ""}, {"uk", "Сеул", P, F, ""}});
  add("yoon", false,
      {{"en", "Yoon Suk Yeol", P, F, ""}, {"uk", "Юн Сук Йоль", P, F, "none"}});
  add("lee", false,
      {{"en", "Lee Jae-myung", P, F, ""}, {"uk", "Лі Дже Мьон", P, F, "none"}});
  return input;
}

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {
    const char* syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa",
                               "to", "vi", "do", "pe", "zu", "ba"};
    for (const char* a : syllables) {
      for (const char* b : syllables) words_.push_back(std::string(a) + b);
    }
    for (int i = 0; i < 150; ++i) {
      words_.push_back(words_[i] + syllables[i % 12]);
    }
  }

  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  // A word, the common ones far more often (Zipf-like).
  std::string Word() {
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    return words_[static_cast<std::size_t>(u * u * u * words_.size())];
  }
  std::string Number() {
    return Chance(0.2) ? std::to_string(Uniform(1, 9)) + "," +
                             std::to_string(Uniform(100, 999))
                       : std::to_string(Uniform(1, 60));
  }

  // An English sentence as tokens, and its "translation".
  void Sentence(int length, std::vector<std::string>& en,
                std::vector<std::string>& uk) {
    en.clear();
    uk.clear();
    for (int i = 0; i < length; ++i) {
      if (Chance(0.12)) {
        std::string n = Number();
        en.push_back(n);
        uk.push_back(n);
      } else if (Chance(0.1)) {
        const Name& name = kNames[Uniform(0, 6)];
        en.push_back(name.en);
        if (!Chance(0.2)) uk.push_back(name.uk);  // sometimes left out
      } else if (Chance(0.08)) {
        en.push_back(",");
        uk.push_back(",");
      } else {
        std::string w = Word();
        en.push_back(w);
        uk.push_back("у" + w);
      }
    }
    if (!en.empty() && Chance(0.5))
      en[0][0] =
          static_cast<char>(std::toupper(static_cast<unsigned char>(en[0][0])));
    if (Chance(0.6)) {
      en.push_back(".");
      uk.push_back(".");
    }
  }

  // `tokens` with up to `edits` random changes.
  void Mutate(std::vector<std::string>& tokens, int edits) {
    for (int e = 0; e < edits; ++e) {
      int what = Uniform(0, 5);
      int at =
          tokens.empty() ? 0 : Uniform(0, static_cast<int>(tokens.size()) - 1);
      if (tokens.empty()) what = 2;
      switch (what) {
        case 0:
          tokens[at] = Word();
          break;
        case 1:
          tokens.erase(tokens.begin() + at);
          break;
        case 2:
          tokens.insert(tokens.begin() + at, Word());
          break;
        case 3:
          tokens[at] = Number();
          break;
        case 4:
          tokens[at] = kNames[Uniform(0, 6)].en;
          break;
        default:
          for (char& c : tokens[at]) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          }
      }
    }
  }

  static std::string Join(const std::vector<std::string>& tokens) {
    std::string out;
    for (const std::string& t : tokens) {
      if (!out.empty() && t != "," && t != ".") out += ' ';
      out += t;
    }
    return out;
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> words_;
};

// With `partial`, the memory is a file whose index covers the first half
// of the units only, and the lookups read it through a read-only
// connection, which cannot bring the index up to date: what the index
// lacks is scored unit by unit, and the answers must be the same. With
// `batched`, each lookup runs its queries as one batch
// (Lookup::StartBatch), which counts common keys from bitmaps and bounds
// units from their tokens read in one pass.
void ExpectIndexFindsWhatScoringFinds(bool partial, bool batched = false) {
  const std::string path = ::testing::TempDir() + "onoma_equivalence_" +
                           std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  const bool on_postgres = testing::TestOnPostgres();
  std::optional<testing::PgTestDatabase> pg;
  std::unique_ptr<store::Connection> writer;
  if (on_postgres) {
    auto made = testing::PgTestDatabase::Make();
    if (!made.ok()) ONOMA_SKIP_WITHOUT_PG(made.status());
    pg.emplace(std::move(*made));
    auto opened = store::Open(pg->uri());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    writer = std::move(*opened);
  } else {
    auto file = sqlite::Database::Open(partial ? path : ":memory:");
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    writer = std::make_unique<store::SqliteConnection>(std::move(*file));
  }
  TranslationMemory memory(*writer);
  auto matcher = normalize::Matcher::Compile(Concepts());
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  auto names = normalize::NameFinder::Create(*matcher);
  ASSERT_TRUE(names.ok()) << names.status().ToString();

  Generator gen(20261127);
  std::vector<std::vector<std::string>> sources;
  std::string tmx =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" "
      "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
      "o-tmf=\"t\" adminlang=\"en\" datatype=\"plaintext\"/><body>\n";
  constexpr int kUnits = 300;
  std::vector<std::string> en, uk;
  for (int u = 0; u < kUnits; ++u) {
    if (!sources.empty() && gen.Chance(0.3)) {
      en = sources[gen.Uniform(0, static_cast<int>(sources.size()) - 1)];
      gen.Mutate(en, gen.Uniform(1, 4));
      uk.clear();
      for (const std::string& t : en) uk.push_back("у" + t);
    } else {
      gen.Sentence(gen.Uniform(1, 24), en, uk);
    }
    sources.push_back(en);
    std::string seg = Generator::Join(en);
    if (gen.Chance(0.1) && seg.size() > 4) {
      seg = "<bpt i=\"1\">&lt;b&gt;</bpt>" + seg +
            "<ept i=\"1\">&lt;/b&gt;</ept>";
    }
    tmx += "<tu><tuv xml:lang=\"en\"><seg>" + seg +
           "</seg></tuv><tuv xml:lang=\"uk\"><seg>" + Generator::Join(uk) +
           "</seg></tuv></tu>\n";
    if (u == kUnits / 2 || u == kUnits - 1) {
      tmx += "</body></tmx>\n";
      auto reader = formats::TmxReader::FromBuffer(tmx, "random.tmx", {});
      ASSERT_TRUE(reader.ok()) << reader.status().ToString();
      auto imported = memory.Import(**reader, ImportOptions());
      ASSERT_TRUE(imported.ok()) << imported.status().ToString();
      tmx = tmx.substr(0, tmx.find("<body>") + 7);
      if (partial && u < kUnits - 1) {
        auto tokenizer = MatchTokenizer::Create();
        ASSERT_TRUE(tokenizer.ok());
        ASSERT_TRUE(UpdateIndex(*writer, *tokenizer, {}).ok());
      }
    }
  }
  // The reader: the writer's connection, or a read-only one.
  std::unique_ptr<store::Connection> read_only;
  if (partial) {
    store::OpenOptions options;
    options.read_only = true;
    auto opened = store::Open(on_postgres ? pg->uri() : path, options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    read_only = std::move(*opened);
  }
  store::Connection* db = partial ? read_only.get() : writer.get();
  int stale = 0;

  const int kMins[] = {100, 95, 90, 80, 75, 70, 65, 60, 55, 50, 40, 25};
  std::map<std::pair<int, bool>, std::unique_ptr<Lookup>> lookups;
  std::vector<Lookup::Batch> batches;  // before the lookups they borrow
  batches.reserve(std::size(kMins) * 2);
  auto lookup_for = [&](int min, bool with_names) -> Lookup& {
    auto& slot = lookups[{min, with_names}];
    if (!slot) {
      LookupOptions options;
      options.from = "en";
      options.to = "uk";
      options.min_score = min;
      options.max_matches = 100000;
      options.names = with_names ? &*names : nullptr;
      options.on_index_stale = [&stale] { ++stale; };
      auto opened = Lookup::Open(*db, options);
      EXPECT_TRUE(opened.ok()) << opened.status().ToString();
      slot = std::make_unique<Lookup>(std::move(*opened));
      if (batched) batches.push_back(slot->StartBatch());
    }
    return *slot;
  };

  const int kQueries = on_postgres ? 300 : 2000;
  std::uint64_t found = 0, scored_by_index = 0, scored_by_all = 0;
  int filtered = 0;
  for (int q = 0; q < kQueries; ++q) {
    std::vector<std::string> tokens;
    int kind = gen.Uniform(0, 3);
    if (kind <= 1) {
      tokens = sources[gen.Uniform(0, kUnits - 1)];
      gen.Mutate(tokens, gen.Uniform(0, 8));
    } else if (kind == 2) {
      gen.Sentence(gen.Uniform(1, 24), tokens, uk);
    } else {
      gen.Sentence(gen.Uniform(1, 3), tokens, uk);
    }
    std::string query = Generator::Join(tokens);
    if (query.find_first_not_of(" ,.") == std::string::npos) continue;
    const int min = kMins[q % std::size(kMins)];
    const bool with_names = q % 3 != 0;
    Lookup& lookup = lookup_for(min, with_names);
    auto fast = lookup.Find(query);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    const LookupStats fast_stats = lookup.last_stats();
    auto slow = lookup.BruteForce(query);
    ASSERT_TRUE(slow.ok()) << slow.status().ToString();
    std::vector<std::pair<std::int64_t, int>> a, b;
    for (const Match& m : *fast) a.emplace_back(m.unit_id, m.score);
    for (const Match& m : *slow) b.emplace_back(m.unit_id, m.score);
    ASSERT_EQ(a, b) << "query " << q << " \"" << query << "\" --min " << min
                    << (with_names ? " with names" : "");
    found += a.size();
    // Low thresholds and one-word queries allow little filtering; a
    // sentence at the usual thresholds must be answered from the index.
    if (min >= 70 && tokens.size() >= 6) {
      scored_by_index += fast_stats.scored;
      scored_by_all += lookup.last_stats().scored;
    }
    filtered += fast_stats.filtered ? 1 : 0;
  }
  // The test is worth something only if matches were found, and the index
  // is an index only if it spared most of the scoring.
  EXPECT_GT(found, static_cast<std::uint64_t>(kQueries));
  // (Half a memory unindexed is half a memory scored.)
  if (!partial) {
    EXPECT_LT(scored_by_index * 10, scored_by_all);
  }
  EXPECT_GT(filtered, kQueries * 9 / 10);
  std::printf(
      "%d queries: %llu matches; for sentences at --min 70 and over "
      "the index scored %llu units, scoring all %llu\n",
      kQueries, static_cast<unsigned long long>(found),
      static_cast<unsigned long long>(scored_by_index),
      static_cast<unsigned long long>(scored_by_all));
  EXPECT_EQ(stale, partial ? static_cast<int>(lookups.size()) : 0);
  batches.clear();
  lookups.clear();
  read_only.reset();
  writer.reset();
  std::remove(path.c_str());
}

TEST(LookupEquivalenceTest, IndexFindsExactlyWhatScoringEveryUnitFinds) {
  ExpectIndexFindsWhatScoringFinds(/*partial=*/false);
}

// Regression: a reader that could not bring the index up to date (another
// onoma building it, a read-only database) failed or waited; it now scores
// the units above the index's watermark.
TEST(LookupEquivalenceTest, PartialIndexFindsWhatScoringEveryUnitFinds) {
  ExpectIndexFindsWhatScoringFinds(/*partial=*/true);
}

// A batch of lookups keeps what it decoded of the index from one query to
// the next (onoma pretranslate): the answers stay those of scoring every
// unit.
TEST(LookupEquivalenceTest, BatchOfLookupsFindsWhatScoringEveryUnitFinds) {
  ExpectIndexFindsWhatScoringFinds(/*partial=*/false, /*batched=*/true);
}

TEST(LookupEquivalenceTest, BatchOverAPartialIndexFindsWhatScoringFinds) {
  ExpectIndexFindsWhatScoringFinds(/*partial=*/true, /*batched=*/true);
}

}  // namespace
}  // namespace onoma::tm
