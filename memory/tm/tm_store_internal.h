// UnitStore: how a TmxUnit becomes rows of tm_unit, tm_variant and tm_meta,
// with the duplicate rules of OnDuplicate. Shared by Import and Add; not
// part of the component's interface.
//
// Each statement is prepared once per UnitStore and reused for every unit;
// text is bound without copying (the unit outlives the step). REQUIRES:
// the caller holds a write transaction for as long as it stores.

#ifndef ONOMA_MEMORY_TM_TM_STORE_INTERNAL_H_
#define ONOMA_MEMORY_TM_TM_STORE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm::internal {

// A variant's id is unit_id * 65536 + seq (memory/schema/0003_tm.sql).
inline constexpr std::size_t kMaxVariants = 65535;

// What Store() did with a unit.
enum class Stored : std::uint8_t { kAdded, kReplaced, kSkippedDuplicate };

// The keys a unit is stored with (tm_unit's derived columns).
struct UnitKeys {
  std::string source_lang;
  int source_seq = 1;  // 1-based
  std::int64_t dup_key = 0;
  std::int64_t content_hash = 0;
  std::string changed;  // "" for none
};

// Computes the keys of `unit`; `header_srclang` is the file's srclang
// ("" when none). REQUIRES: at least one variant.
void ComputeKeys(const formats::TmxUnit& unit, std::string_view header_srclang,
                 UnitKeys& keys);

// A segment's hash: of its markup, or of its text when it is plain.
std::uint64_t SegmentHash(const formats::TmxVariant& v, std::uint64_t seed);
// The hash of a list of notes and props, in order.
std::uint64_t MetaHash(const std::vector<formats::TmxMeta>& meta);

// MurmurHash64A: fast, well mixed, not cryptographic. Collisions among the
// duplicate keys of one memory are about 1 in 2^64 per pair.
std::uint64_t Hash64(std::string_view bytes, std::uint64_t seed);

class UnitStore {
 public:
  [[nodiscard]] static Result<UnitStore> Prepare(sqlite::Database& db);

  // Adds a tm_source row for a file (kind "tmx") or for Add (kind "add").
  [[nodiscard]] Result<std::int64_t> InsertSource(
      std::string_view kind, std::string_view name,
      const formats::TmxHeader& header);

  // Stores `unit` under `source_id`, following `policy`.
  [[nodiscard]] Result<Stored> Store(std::int64_t source_id,
                                     const formats::TmxUnit& unit,
                                     std::string_view header_srclang,
                                     OnDuplicate policy);

 private:
  UnitStore(sqlite::Statement insert_source, sqlite::Statement insert_unit,
            sqlite::Statement insert_variant, sqlite::Statement insert_meta,
            sqlite::Statement find_dups, sqlite::Statement delete_unit,
            sqlite::Database& db);

  Status InsertUnit(std::int64_t source_id, const formats::TmxUnit& unit);
  Status InsertMeta(std::int64_t unit_id, int variant_seq,
                    const std::vector<formats::TmxMeta>& meta);

  sqlite::Statement insert_source_;
  sqlite::Statement insert_unit_;
  sqlite::Statement insert_variant_;
  sqlite::Statement insert_meta_;
  sqlite::Statement find_dups_;
  sqlite::Statement delete_unit_;
  sqlite::Database* db_;

  UnitKeys keys_;
  struct Duplicate {
    std::int64_t id;
    std::int64_t content_hash;
    std::string changed;
  };
  std::vector<Duplicate> dups_;
  std::string scratch_;
};

}  // namespace onoma::tm::internal

#endif  // ONOMA_MEMORY_TM_TM_STORE_INTERNAL_H_
