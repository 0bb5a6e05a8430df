#include "lib/romanize/registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>

#include "lib/romanize/korean.h"
#include "lib/romanize/table.h"
#include "lib/romanize/table_scheme.h"
#include "lib/util/embedded_file.h"

namespace onoma::romanize {
namespace internal {
// Generated from tables/romanize/*.txt (lib/CMakeLists.txt).
std::span<const EmbeddedFile> SchemeTables();
}  // namespace internal

Registry::Registry() = default;
Registry::~Registry() = default;

const Registry& Registry::Default() {
  static const Registry* const kDefault = [] {
    auto* registry = new Registry();
    for (const EmbeddedFile& file : internal::SchemeTables()) {
      std::string path = "tables/romanize/" + std::string(file.name);
      auto spec = ParseTable(file.contents, path);
      Status status = spec.status();
      if (spec.ok()) {
        auto scheme = TableScheme::Create(std::move(*spec));
        status =
            scheme.ok() ? registry->Add(std::move(*scheme)) : scheme.status();
      }
      if (!status.ok()) {
        // A built-in table is checked by the test suite; reaching this is a
        // broken build, not bad user input.
        std::fprintf(stderr, "onoma: built-in table: %s\n",
                     status.ToString().c_str());
        std::abort();
      }
    }
    // Hangul needs its own engine; its tables are compiled in likewise.
    for (auto& scheme : MakeKoreanSchemes()) {
      Status added = registry->Add(std::move(scheme));
      if (!added.ok()) {
        std::fprintf(stderr, "onoma: built-in schemes: %s\n",
                     added.ToString().c_str());
        std::abort();
      }
    }
    return registry;
  }();
  return *kDefault;
}

Result<const Scheme*> Registry::Find(std::string_view id) const {
  for (const auto& scheme : schemes_) {
    if (scheme->id() == id) return scheme.get();
  }
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
  std::sort(out.begin(), out.end(),
            [](const Scheme* a, const Scheme* b) { return a->id() < b->id(); });
  return out;
}

Status Registry::Add(std::unique_ptr<Scheme> scheme) {
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
