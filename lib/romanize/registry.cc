#include "lib/romanize/registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "lib/romanize/korean.h"
#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/util/embedded_file.h"

namespace onoma::romanize {
namespace internal {
// Generated from tables/romanize/*.txt (lib/CMakeLists.txt).
std::span<const EmbeddedFile> SchemeTables();
}  // namespace internal

// A group of built-in schemes made together on first use. `ids` are the
// ids the group will hold, known beforehand (from the tables' names);
// making it checks that they are what was made.
struct Registry::Lazy {
  std::vector<std::string> ids;
  std::function<std::vector<std::unique_ptr<Scheme>>()> make;
  mutable std::once_flag once;
  mutable std::vector<std::unique_ptr<Scheme>> made;

  bool Has(std::string_view id) const {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  const std::vector<std::unique_ptr<Scheme>>& Made() const {
    std::call_once(once, [this] {
      made = make();
      bool same = made.size() == ids.size();
      for (std::size_t i = 0; same && i < made.size(); ++i) {
        same = made[i]->id() == ids[i];
      }
      if (!same) {
        // A built-in table whose scheme id is not its file name: a broken
        // build, caught by the test suite.
        std::fprintf(stderr,
                     "onoma: built-in schemes: a table's scheme id differs "
                     "from its file name (expected %s...)\n",
                     ids.empty() ? "" : ids[0].c_str());
        std::abort();
      }
    });
    return made;
  }
};

namespace {

// The scheme of one built-in table of tables/romanize/.
std::vector<std::unique_ptr<Scheme>> MakeTableScheme(const EmbeddedFile& file) {
  std::string path = "tables/romanize/" + std::string(file.name);
  auto spec = ParseTable(file.contents, path);
  Status status = spec.status();
  std::vector<std::unique_ptr<Scheme>> made;
  if (spec.ok()) {
    auto scheme = TableScheme::Create(std::move(*spec));
    if (scheme.ok()) {
      made.push_back(std::move(*scheme));
      return made;
    }
    status = scheme.status();
  }
  // A built-in table is checked by the test suite; reaching this is a
  // broken build, not bad user input.
  std::fprintf(stderr, "onoma: built-in table: %s\n",
               status.ToString().c_str());
  std::abort();
}

}  // namespace

Registry::Registry() = default;
Registry::~Registry() = default;

const Registry& Registry::Default() {
  static const Registry* const kDefault = [] {
    auto* registry = new Registry();
    for (const EmbeddedFile& file : internal::SchemeTables()) {
      auto lazy = std::make_unique<Lazy>();
      std::string_view name = file.name;
      if (name.ends_with(".txt")) name.remove_suffix(4);
      lazy->ids.emplace_back(name);
      lazy->make = [file] { return MakeTableScheme(file); };
      registry->lazy_.push_back(std::move(lazy));
    }
    // Hangul needs its own engine; its tables are compiled in likewise.
    auto korean = std::make_unique<Lazy>();
    korean->ids = KoreanSchemeIds();
    korean->make = [] { return MakeKoreanSchemes(); };
    registry->lazy_.push_back(std::move(korean));
    return registry;
  }();
  return *kDefault;
}

const Scheme* Registry::FindBuilt(std::string_view id) const {
  for (const auto& scheme : schemes_) {
    if (scheme->id() == id) return scheme.get();
  }
  for (const auto& lazy : lazy_) {
    if (!lazy->Has(id)) continue;
    for (const auto& scheme : lazy->Made()) {
      if (scheme->id() == id) return scheme.get();
    }
  }
  return nullptr;
}

Result<const Scheme*> Registry::Find(std::string_view id) const {
  if (const Scheme* scheme = FindBuilt(id)) return scheme;
  std::string known;
  for (const Scheme* scheme : List()) {
    if (!known.empty()) known += ", ";
    known += scheme->id();
  }
  return Status::NotFound("unknown scheme '" + std::string(id) +
                          "' (known: " + known + ")");
}

std::vector<const Scheme*> Registry::List() const {
  std::vector<const Scheme*> out;
  out.reserve(schemes_.size());
  for (const auto& scheme : schemes_) out.push_back(scheme.get());
  for (const auto& lazy : lazy_) {
    for (const auto& scheme : lazy->Made()) out.push_back(scheme.get());
  }
  std::sort(out.begin(), out.end(),
            [](const Scheme* a, const Scheme* b) { return a->id() < b->id(); });
  return out;
}

Status Registry::Add(std::unique_ptr<Scheme> scheme) {
  for (const auto& lazy : lazy_) {
    if (lazy->Has(scheme->id())) {
      return Status::BadArgument("scheme '" + std::string(scheme->id()) +
                                 "' is defined twice");
    }
  }
  for (const auto& existing : schemes_) {
    if (existing->id() == scheme->id()) {
      return Status::BadArgument("scheme '" + std::string(scheme->id()) +
                                 "' is defined twice");
    }
  }
  schemes_.push_back(std::move(scheme));
  return Status::Ok();
}

}  // namespace onoma::romanize
