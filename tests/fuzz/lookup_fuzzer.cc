// libFuzzer target: fuzzy lookup on arbitrary queries. The first byte picks
// --min and whether names are used; the rest is the query. Any query must
// be answered or refused with a clear status, never crash, hang or trip a
// sanitizer, and the index must find exactly what scoring every unit finds
// (Lookup::Find against Lookup::BruteForce).
//
//   CXX=clang++ cmake -S . -B build/fuzz -DONOMA_BUILD_FUZZ=ON \
//       -DONOMA_BUILD_TESTS=OFF -DONOMA_BUILD_BENCH=OFF
//   cmake --build build/fuzz --target lookup_fuzzer
//   mkdir -p /tmp/lookup-corpus && cp tests/fuzz/corpus/lookup/*
//   /tmp/lookup-corpus/
//   build/fuzz/tests/fuzz/lookup_fuzzer -max_total_time=600 -max_len=512 \
//       -timeout=10 -rss_limit_mb=2048 /tmp/lookup-corpus
//
// docs/tm-lookup.md has the last run's figures.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/normalize/matcher.h"
#include "lib/normalize/names.h"
#include "memory/sqlite/database.h"
#include "memory/tm/lookup.h"
#include "memory/tm/translation_memory.h"

namespace {

using onoma::normalize::FormKind;
using onoma::normalize::FormStatus;

void Fail(const std::string& why) {
  std::fprintf(stderr, "%s\n", why.c_str());
  __builtin_trap();
}

struct World {
  std::unique_ptr<onoma::sqlite::Database> db;
  std::unique_ptr<onoma::normalize::Matcher> matcher;
  std::unique_ptr<onoma::normalize::NameFinder> names;
  std::map<std::pair<int, bool>, std::unique_ptr<onoma::tm::Lookup>> lookups;
};

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    auto db = onoma::sqlite::Database::Open(":memory:");
    if (!db.ok()) Fail(db.status().ToString());
    w->db = std::make_unique<onoma::sqlite::Database>(std::move(*db));
    onoma::tm::TranslationMemory memory(*w->db);
    const char* pairs[][2] = {
        {"Shelling in Kharkiv on Monday killed 5 people.",
         "Обстріл у Харкові в понеділок убив 5 людей."},
        {"Kyiv said on Monday that talks would resume.",
         "Київ заявив у понеділок, що переговори відновляться."},
        {"Seoul is quiet.", "Сеул спокійний."},
        {"The bridge cost 3,500.5 million", "Міст коштував 3 500,5 млн"},
        {"KYIV, 5 May", "КИЇВ, 5 травня"},
        {"Kyiv", "Київ"},
        {"said", "заявив"},
        {"Talks resume today in Kyiv and Seoul, officials said.",
         "Переговори відновлюються сьогодні в Києві та Сеулі, заявили "
         "посадовці."}};
    for (const auto& p : pairs) {
      if (!memory.Add("en", "uk", p[0], p[1]).ok()) Fail("add");
    }
    onoma::normalize::Input input;
    auto place = [&](const char* slug, const char* en, const char* uk) {
      auto& c = input.concepts.emplace_back();
      c.slug = slug;
      c.is_place = true;
      c.terms = {{"en", en, FormStatus::kPreferred, FormKind::kFullForm, ""},
                 {"uk", uk, FormStatus::kPreferred, FormKind::kFullForm, ""}};
    };
    place("kyiv", "Kyiv", "Київ");
    place("kharkiv", "Kharkiv", "Харків");
    place("seoul", "Seoul", "Сеул");
    auto matcher = onoma::normalize::Matcher::Compile(input);
    if (!matcher.ok()) Fail(matcher.status().ToString());
    w->matcher =
        std::make_unique<onoma::normalize::Matcher>(std::move(*matcher));
    auto names = onoma::normalize::NameFinder::Create(*w->matcher);
    if (!names.ok()) Fail(names.status().ToString());
    w->names =
        std::make_unique<onoma::normalize::NameFinder>(std::move(*names));
    return w;
  }();
  return *world;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 1) return 0;
  World& world = TheWorld();
  const int min = data[0] % 101;
  const bool with_names = (data[0] & 0x80) != 0;
  std::string_view query(reinterpret_cast<const char*>(data + 1), size - 1);
  auto& slot = world.lookups[{min, with_names}];
  if (!slot) {
    onoma::tm::LookupOptions options;
    options.from = "en";
    options.to = "uk";
    options.min_score = min;
    options.max_matches = 100;
    options.names = with_names ? world.names.get() : nullptr;
    auto opened = onoma::tm::Lookup::Open(*world.db, options);
    if (!opened.ok()) Fail(opened.status().ToString());
    slot = std::make_unique<onoma::tm::Lookup>(std::move(*opened));
  }
  auto fast = slot->Find(query);
  auto slow = slot->BruteForce(query);
  if (fast.ok() != slow.ok()) Fail("Find and BruteForce disagree on failing");
  if (!fast.ok()) {
    if (fast.status().message().empty()) Fail("a failure without a message");
    return 0;
  }
  if (fast->size() != slow->size()) Fail("the index lost or added a match");
  for (std::size_t i = 0; i < fast->size(); ++i) {
    const onoma::tm::Match& a = (*fast)[i];
    const onoma::tm::Match& b = (*slow)[i];
    if (a.unit_id != b.unit_id || a.score != b.score ||
        a.proposed != b.proposed) {
      Fail("the index and scoring every unit differ");
    }
    if (a.score < min || a.score > 100) Fail("a score out of range");
  }
  return 0;
}
