#include "cli/house_spelling.h"

#include <filesystem>
#include <iostream>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/i18n.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/db_path.h"
#include "memory/store/open.h"
#include "memory/store/sqlite_connection.h"
#include "memory/terms/search_keys.h"
#include "memory/terms/term_store.h"

namespace onoma::cli {
namespace {

bool IsLang(std::string_view tag, std::string_view lang) {
  return tag == lang || (tag.size() > lang.size() && tag.starts_with(lang) &&
                         tag[lang.size()] == '-');
}

// The preferred English full form: plain "en" before a regional "en-GB".
std::optional<std::string> PreferredEnglish(const terms::Concept& c) {
  const terms::Term* regional = nullptr;
  for (const terms::Term& t : c.terms) {
    if (t.status != terms::TermStatus::kPreferred ||
        t.type != terms::TermType::kFullForm || !IsLang(t.lang, "en")) {
      continue;
    }
    if (t.lang == "en") return t.form;
    if (regional == nullptr) regional = &t;
  }
  if (regional != nullptr) return regional->form;
  return std::nullopt;
}

}  // namespace

HouseSpelling::HouseSpelling() = default;
HouseSpelling::HouseSpelling(HouseSpelling&&) noexcept = default;
HouseSpelling& HouseSpelling::operator=(HouseSpelling&&) noexcept = default;
HouseSpelling::~HouseSpelling() = default;

Result<HouseSpelling> HouseSpelling::Open(const Options& options) {
  auto path = sqlite::ResolveDbPath(options.db);
  if (!path.ok()) return path.status().WithContext("--db");
  HouseSpelling house;
  if (store::IsPostgresUri(path->string())) {
    store::OpenOptions open;
    open.read_only = true;
    auto db = store::Open(path->string(), open);
    if (!db.ok()) return db.status();
    house.db_ = std::move(*db);
    return house;
  }
  std::error_code ec;
  // Romanizing never writes: a store that is not there is not made, and
  // every name takes the scheme's spelling.
  if (!std::filesystem::exists(*path, ec)) {
    std::cerr << "onoma: romanize: "
              << Format(Tr("no database at {0}; every name is written as "
                           "the scheme spells it"),
                        {path->string()})
              << "\n";
    return house;
  }
  sqlite::OpenOptions open;
  open.read_only = true;
  auto db = sqlite::Database::Open(*path, open);
  if (!db.ok()) return db.status();
  house.db_ = std::make_unique<store::SqliteConnection>(std::move(*db));
  return house;
}

Result<std::optional<std::string>> HouseSpelling::Find(std::string_view name,
                                                       std::string_view lang) {
  if (db_ == nullptr || name.empty()) return std::optional<std::string>();
  std::string key(lang);
  key += '\t';
  key += name;
  if (auto cached = cache_.find(key); cached != cache_.end()) {
    return cached->second;
  }
  terms::TermStore store(*db_);
  auto hits = store.Lookup(name);
  std::optional<std::string> found;
  if (!hits.ok()) {
    // A word over the store's length limit names nothing in it.
    if (hits.status().code() != StatusCode::kBadInput) return hits.status();
  } else {
    const std::string folded = terms::FoldKey(name);
    for (const terms::LookupHit& hit : *hits) {
      if (hit.match != terms::MatchKind::kExact &&
          hit.match != terms::MatchKind::kFolded) {
        continue;
      }
      bool named = false;
      for (const terms::Term& t : hit.entry.terms) {
        if (IsLang(t.lang, lang) &&
            (t.form == name || terms::FoldKey(t.form) == folded)) {
          named = true;
          break;
        }
      }
      if (!named) continue;
      found = PreferredEnglish(hit.entry);
      if (found.has_value()) break;
    }
  }
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_.emplace(std::move(key), found);
  return found;
}

}  // namespace onoma::cli
