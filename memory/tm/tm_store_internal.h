// UnitStore: how a TmxUnit becomes rows of tm_unit, tm_variant and tm_meta,
// with the duplicate rules of OnDuplicate. Shared by Import and Add; not
// part of the component's interface.
//
// Each statement is prepared once per UnitStore and reused for every unit.
// On SQLite text is bound without copying (the unit outlives the step); on
// another engine (memory/store/connection.h) the rows go through the seam.
// REQUIRES: the caller holds a write transaction for as long as it stores.

#ifndef ONOMA_MEMORY_TM_TM_STORE_INTERNAL_H_
#define ONOMA_MEMORY_TM_TM_STORE_INTERNAL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/formats/tmx_model.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/statement.h"
#include "memory/store/connection.h"
#include "memory/tm/tm_format.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm::internal {

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

// A Bloom filter over the duplicate keys in the memory, so that the
// common case of an import — a unit with no duplicate — needs no lookup in
// the database: a "no" is certain, a "maybe" (about 1% of the time when it
// is really no) is checked with the index. 10 bits per key, blocked.
class DupKeyFilter {
 public:
  // Sized for `keys` keys (at least a million bits).
  explicit DupKeyFilter(std::uint64_t keys);
  void Add(std::int64_t key);
  bool MayContain(std::int64_t key) const;
  std::size_t bytes() const { return bits_.size() * sizeof(std::uint64_t); }

 private:
  std::vector<std::uint64_t> bits_;
  std::uint64_t mask_ = 0;  // word count - 1 (a power of two)
};

class UnitStore {
 public:
  [[nodiscard]] static Result<UnitStore> Prepare(store::Connection& db);
  UnitStore(UnitStore&&) noexcept = default;
  UnitStore& operator=(UnitStore&&) noexcept = default;
  ~UnitStore();

  // Loads the memory's duplicate keys into a filter sized for them and
  // `incoming` more, which Store() then consults before its lookup. For
  // imports; without it every unit is looked up.
  [[nodiscard]] Status UseFilter(std::uint64_t incoming);

  // Adds a tm_source row for a file (kind "tmx") or for Add (kind "add").
  [[nodiscard]] Result<std::int64_t> InsertSource(
      std::string_view kind, std::string_view name,
      const formats::TmxHeader& header);

  // Stores `unit` under `source_id`, following `policy`.
  [[nodiscard]] Result<Stored> Store(std::int64_t source_id,
                                     const formats::TmxUnit& unit,
                                     std::string_view header_srclang,
                                     OnDuplicate policy);

  // Writes the rows still held back (on a server, rows go in bulk, by
  // store::Connection::CopyIn); before the transaction commits.
  [[nodiscard]] Status Finish();

  // One table's rows held back for CopyIn, and the row being bound.
  struct CopyTable {
    enum class Layout : std::uint8_t { kUnit, kVariant, kMeta };
    Layout layout;
    int params;
    std::string target;  // "table (column, ...)"
    std::string rows;
    std::vector<std::string> fields;  // by parameter number
    std::vector<char> null;
  };

  // The rows of the four INSERTs, as statements of one engine or the other.
  template <class S>
  struct Inserts {
    S source;
    S unit;
    S variant;
    S meta;
  };

 private:
  UnitStore() = default;

  template <class Row>
  Result<std::int64_t> InsertSourceRow(Row source, std::string_view kind,
                                       std::string_view name,
                                       const formats::TmxHeader& header);
  template <class Row>
  Status InsertUnitRows(Row unit, Row variant, Row meta, std::int64_t source_id,
                        const formats::TmxUnit& unit_in);
  template <class Row>
  Status InsertMetaRows(Row& meta, std::int64_t unit_id, int variant_seq,
                        const std::vector<formats::TmxMeta>& rows);
  Status InsertUnit(std::int64_t source_id, const formats::TmxUnit& unit);
  Status FlushCopies();

 public:
  // The next id for a unit sent by CopyIn, from tm_unit's sequence.
  Result<std::int64_t> NextUnitId();

 private:
  store::Connection* db_ = nullptr;
  // On SQLite: its statements, bound without copying.
  std::optional<Inserts<sqlite::Statement>> sqlite_;
  // On another engine: the seam's.
  std::optional<Inserts<std::unique_ptr<store::Statement>>> seam_;
  // On a server that copies rows: the three tables' rows held back, and
  // ids taken from the sequence ahead of use.
  std::unique_ptr<std::vector<CopyTable>> copy_;
  std::vector<std::int64_t> unit_ids_;
  std::int64_t last_unit_id_ = 0;  // the last id NextUnitId gave
  std::unique_ptr<store::Statement> take_ids_;
  std::unique_ptr<store::Statement> find_dups_;
  std::unique_ptr<store::Statement> delete_unit_;

  std::unique_ptr<DupKeyFilter> filter_;
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
