// Storing units: prepared statements, the derived keys and the duplicate
// rules. Tested by tests/tm/tm_import_test.cc.

#include <algorithm>
#include <cstring>
#include <ctime>
#include <utility>

#include "lib/util/tab_field.h"
#include "memory/tm/tm_store_internal.h"

namespace onoma::tm::internal {
namespace {

using formats::TmxAttr;
using formats::TmxAttributes;
using formats::TmxHeader;
using formats::TmxMeta;
using formats::TmxUnit;
using formats::TmxVariant;

// A row of an INSERT on SQLite: text bound without copying, since the unit
// outlives the step, and copying every segment twice more would cost a
// tenth of the import. The first failure is kept and reported by Run().
class SqliteRow {
 public:
  SqliteRow(sqlite::Statement& statement, sqlite::Database& db)
      : statement_(statement), db_(db) {}
  void Text(int index, std::string_view text) {
    if (rc_ == 0) Check(statement_.BindTextUncopiedCode(index, text), index);
  }
  void Int(int index, std::int64_t value) {
    if (rc_ == 0) Check(statement_.BindInt64Code(index, value), index);
  }
  void Null(int index) {
    if (rc_ == 0) Check(statement_.BindNullCode(index), index);
  }
  Status Run() {
    if (rc_ != 0) {
      Status failed = statement_.BindFailure(rc_, failed_index_);
      rc_ = 0;
      return failed;
    }
    Status status = statement_.Run();
    statement_.Reset();
    return status;
  }
  // Run(), and the id the row was given.
  Result<std::int64_t> Insert() {
    ONOMA_RETURN_IF_ERROR(Run());
    return db_.LastInsertRowId();
  }

 private:
  void Check(int rc, int index) {
    rc_ = rc;
    failed_index_ = index;
  }

  sqlite::Statement& statement_;
  sqlite::Database& db_;
  int rc_ = 0;  // SQLite's code of the first failed bind
  int failed_index_ = 0;
};

// The same through the storage seam: the statement's INSERT ends in
// RETURNING id.
class SeamRow {
 public:
  explicit SeamRow(store::Statement& statement) : statement_(statement) {}
  void Text(int index, std::string_view text) {
    if (status_.ok()) status_ = statement_.BindText(index, text);
  }
  void Int(int index, std::int64_t value) {
    if (status_.ok()) status_ = statement_.BindInt64(index, value);
  }
  void Null(int index) {
    if (status_.ok()) status_ = statement_.BindNull(index);
  }
  Status Run() {
    Status status = std::exchange(status_, Status::Ok());
    if (status.ok()) status = statement_.Run();
    statement_.Reset();
    return status;
  }
  Result<std::int64_t> Insert() {
    Status status = std::exchange(status_, Status::Ok());
    if (!status.ok()) {
      statement_.Reset();
      return status;
    }
    Result<bool> row = statement_.Step();
    std::int64_t id = row.ok() && *row ? statement_.ColumnInt64(0) : 0;
    statement_.Reset();
    if (!row.ok()) return row.status();
    return id;
  }

 private:
  store::Statement& statement_;
  Status status_;
};

// The same into rows held back for CopyIn (PostgreSQL's COPY text format):
// a unit's id comes from the sequence, a variant's is computed as the
// INSERT computes it.
class CopyRow {
 public:
  using Table = UnitStore::CopyTable;
  CopyRow(Table& table, UnitStore& store) : table_(&table), store_(&store) {}
  void Text(int index, std::string_view text) {
    std::string& field = table_->fields[index];
    field.clear();
    AppendTabField(field, text);
    table_->null[index] = 0;
  }
  void Int(int index, std::int64_t value) {
    table_->fields[index] = std::to_string(value);
    table_->null[index] = 0;
  }
  void Null(int index) { table_->null[index] = 1; }
  Status Run() {
    std::string& out = table_->rows;
    if (table_->layout == Table::Layout::kVariant) {
      const std::int64_t unit = std::stoll(table_->fields[1]);
      const std::int64_t seq = std::stoll(table_->fields[2]);
      out += std::to_string(format::VariantId(unit, seq));
      out += '\t';
    }
    Append(out);
    return Status::Ok();
  }
  Result<std::int64_t> Insert() {
    auto id = store_->NextUnitId();
    if (!id.ok()) return id.status();
    table_->rows += std::to_string(*id);
    table_->rows += '\t';
    Append(table_->rows);
    return *id;
  }

 private:
  void Append(std::string& out) {
    for (int i = 1; i <= table_->params; ++i) {
      if (i > 1) out += '\t';
      if (table_->null[i] != 0) {
        out += "\\N";
      } else {
        out += table_->fields[i];
      }
      table_->null[i] = 1;
    }
    out += '\n';
  }

  Table* table_;
  UnitStore* store_;
};

template <class Row>
void BindAttr(Row& row, int index, const TmxAttributes& attrs, TmxAttr attr) {
  if (!attrs.has(attr)) return row.Null(index);
  if (attr == TmxAttr::kUsagecount) {
    // Digits only, checked by the reader; at most 18 of them.
    const std::string& value = attrs.get(attr);
    std::int64_t count = 0;
    for (char c : value) count = count * 10 + (c - '0');
    return row.Int(index, count);
  }
  row.Text(index, attrs.get(attr));
}

template <class Row>
void BindOptionalText(Row& row, int index, std::string_view text) {
  if (text.empty()) return row.Null(index);
  row.Text(index, text);
}

void AppendLower(std::string_view text, std::string& out) {
  for (char c : text) out += (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

// Order-independent combination of per-variant hashes: a sum, then a mix.
std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::uint64_t MetaHash(const std::vector<TmxMeta>& meta) {
  std::uint64_t h = 0x6d657461;
  for (const TmxMeta& m : meta) {
    h = Hash64(m.type, h ^ (m.kind == TmxMeta::Kind::kProp ? 1 : 2));
    h = Hash64(m.lang, h);
    h = Hash64(m.value, h);
  }
  return h;
}

// A segment's identity: its markup, which for a plain segment is its
// escaped text, so hashing the text (seeded apart) is the same test.
std::uint64_t SegmentHash(const TmxVariant& v, std::uint64_t seed) {
  return v.has_markup ? Hash64(v.markup, seed ^ 0x6d61726b7570ULL)
                      : Hash64(v.text, seed);
}

std::uint64_t Hash64(std::string_view bytes, std::uint64_t seed) {
  constexpr std::uint64_t m = 0xc6a4a7935bd1e995ULL;
  constexpr int r = 47;
  std::uint64_t h = seed ^ (bytes.size() * m);
  const unsigned char* data =
      reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t blocks = bytes.size() / 8;
  for (std::size_t i = 0; i < blocks; ++i) {
    std::uint64_t k;
    std::memcpy(&k, data + 8 * i, 8);
    k *= m;
    k ^= k >> r;
    k *= m;
    h ^= k;
    h *= m;
  }
  const unsigned char* tail = data + 8 * blocks;
  switch (bytes.size() & 7) {
    case 7:
      h ^= std::uint64_t{tail[6]} << 48;
      [[fallthrough]];
    case 6:
      h ^= std::uint64_t{tail[5]} << 40;
      [[fallthrough]];
    case 5:
      h ^= std::uint64_t{tail[4]} << 32;
      [[fallthrough]];
    case 4:
      h ^= std::uint64_t{tail[3]} << 24;
      [[fallthrough]];
    case 3:
      h ^= std::uint64_t{tail[2]} << 16;
      [[fallthrough]];
    case 2:
      h ^= std::uint64_t{tail[1]} << 8;
      [[fallthrough]];
    case 1:
      h ^= std::uint64_t{tail[0]};
      h *= m;
      break;
    default:
      break;
  }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

void ComputeKeys(const TmxUnit& unit, std::string_view header_srclang,
                 UnitKeys& keys) {
  std::string_view srclang = unit.attrs.get(TmxAttr::kSrclang);
  if (srclang.empty()) srclang = header_srclang;
  std::size_t source = 0;
  if (!srclang.empty() && srclang != "*all*") {
    bool found = false;
    for (std::size_t i = 0; i < unit.variants.size() && !found; ++i) {
      if (formats::SameLanguage(unit.variants[i].lang, srclang)) {
        source = i;
        found = true;
      }
    }
    // "en" names en-US's variant, and "en-US" names "en"'s, when nothing
    // matches exactly.
    for (std::size_t i = 0; i < unit.variants.size() && !found; ++i) {
      if (formats::LanguageMatches(srclang, unit.variants[i].lang) ||
          formats::LanguageMatches(unit.variants[i].lang, srclang)) {
        source = i;
        found = true;
      }
    }
  }
  const TmxVariant& src = unit.variants[source];
  keys.source_seq = static_cast<int>(source) + 1;
  keys.source_lang.assign(src.lang);

  std::string lower;
  std::uint64_t langs = 0;
  // What makes two duplicates "differ" for the default policy: any
  // segment, the tuid, or any note or prop; not dates, counts or who
  // changed what (docs/tm.md, "Duplicates").
  std::uint64_t content = Mix(
      Hash64(unit.attrs.get(TmxAttr::kTuid), 0x74756964) ^ MetaHash(unit.meta));
  std::uint64_t dup = 0;
  for (std::size_t i = 0; i < unit.variants.size(); ++i) {
    const TmxVariant& v = unit.variants[i];
    lower.clear();
    AppendLower(v.lang, lower);
    const std::uint64_t lang_hash = Hash64(lower, 0x6c616e67);
    const std::uint64_t segment = SegmentHash(v, 0x736567);
    langs += Mix(lang_hash);
    content += Mix(segment ^ Mix(lang_hash ^ MetaHash(v.meta)));
    if (i == source) dup = Mix(segment ^ Mix(lang_hash + 0x737263));
  }
  dup = Mix(dup ^ Mix(langs + 0x9e3779b97f4a7c15ULL));
  keys.dup_key = static_cast<std::int64_t>(dup);
  keys.content_hash = static_cast<std::int64_t>(Mix(content));

  // TMX dates sort as text, so the latest is the largest.
  keys.changed.clear();
  auto consider = [&](const TmxAttributes& attrs) {
    for (TmxAttr attr : {TmxAttr::kChangedate, TmxAttr::kCreationdate}) {
      if (attrs.has(attr) && attrs.get(attr) > keys.changed) {
        keys.changed = attrs.get(attr);
      }
    }
  };
  consider(unit.attrs);
  for (const TmxVariant& v : unit.variants) consider(v.attrs);
}

DupKeyFilter::DupKeyFilter(std::uint64_t keys) {
  std::uint64_t bits = std::uint64_t{1} << 20;
  while (bits < keys * 10 && bits < (std::uint64_t{1} << 32)) bits <<= 1;
  bits_.assign(bits / 64, 0);
  mask_ = bits / 64 - 1;
}

// Blocked: the three bits of a key lie in one 64-bit word, so that a test
// costs one cache miss, not three; the key is itself a hash, whose low
// bits pick the word and high bits the bits.
void DupKeyFilter::Add(std::int64_t key) {
  const std::uint64_t h = static_cast<std::uint64_t>(key);
  bits_[h & mask_] |= (std::uint64_t{1} << (h >> 58)) |
                      (std::uint64_t{1} << ((h >> 52) & 63)) |
                      (std::uint64_t{1} << ((h >> 46) & 63));
}

bool DupKeyFilter::MayContain(std::int64_t key) const {
  const std::uint64_t h = static_cast<std::uint64_t>(key);
  const std::uint64_t want = (std::uint64_t{1} << (h >> 58)) |
                             (std::uint64_t{1} << ((h >> 52) & 63)) |
                             (std::uint64_t{1} << ((h >> 46) & 63));
  return (bits_[h & mask_] & want) == want;
}

UnitStore::~UnitStore() = default;

Status UnitStore::UseFilter(std::uint64_t incoming) {
  auto count =
      db_->Prepare(format::sql::kCountUnits, "count translation units");
  if (!count.ok()) return count.status();
  auto row = (*count)->Step();
  if (!row.ok()) return row.status();
  const auto existing = static_cast<std::uint64_t>((*count)->ColumnInt64(0));
  filter_ = std::make_unique<DupKeyFilter>(existing + incoming);
  // SQLite: a scan of the index alone (it covers dup_key).
  auto keys =
      db_->Prepare(db_->sqlite() != nullptr ? format::sql::kDupKeysSqlite
                                            : format::sql::kDupKeys,
                   "read duplicate keys");
  if (!keys.ok()) return keys.status();
  for (;;) {
    auto next = (*keys)->Step();
    if (!next.ok()) return next.status();
    if (!*next) break;
    filter_->Add((*keys)->ColumnInt64(0));
  }
  return Status::Ok();
}

Result<UnitStore> UnitStore::Prepare(store::Connection& db) {
  UnitStore store;
  store.db_ = &db;
  if (sqlite::Database* file = db.sqlite(); file != nullptr) {
    auto source =
        file->Prepare(format::sql::kInsertSource, "record the imported file");
    if (!source.ok()) return source.status();
    auto unit =
        file->Prepare(format::sql::kInsertUnit, "store a translation unit");
    if (!unit.ok()) return unit.status();
    auto variant =
        file->Prepare(format::sql::kInsertVariant, "store a variant");
    if (!variant.ok()) return variant.status();
    auto meta = file->Prepare(format::sql::kInsertMeta, "store a note or prop");
    if (!meta.ok()) return meta.status();
    store.sqlite_.emplace(
        Inserts<sqlite::Statement>{std::move(*source), std::move(*unit),
                                   std::move(*variant), std::move(*meta)});
  } else {
    if (db.copies_rows()) {
      auto table = [](CopyTable::Layout layout, int params,
                      std::string target) {
        CopyTable t{layout, params, std::move(target), {}, {}, {}};
        t.fields.resize(params + 1);
        t.null.assign(params + 1, 1);
        return t;
      };
      store.copy_ = std::make_unique<std::vector<CopyTable>>();
      store.copy_->push_back(table(CopyTable::Layout::kUnit,
                                   format::sql::kCopyUnitParams,
                                   format::sql::kCopyUnit));
      store.copy_->push_back(table(CopyTable::Layout::kVariant,
                                   format::sql::kCopyVariantParams,
                                   format::sql::kCopyVariant));
      store.copy_->push_back(table(CopyTable::Layout::kMeta,
                                   format::sql::kCopyMetaParams,
                                   format::sql::kCopyMeta));
      auto ids =
          db.Prepare(format::sql::kTakeUnitIds, "number translation units");
      if (!ids.ok()) return ids.status();
      store.take_ids_ = std::move(*ids);
    }
    auto source =
        db.Prepare(std::string(format::sql::kInsertSource) + " RETURNING id",
                   "record the imported file");
    if (!source.ok()) return source.status();
    auto unit =
        db.Prepare(std::string(format::sql::kInsertUnit) + " RETURNING id",
                   "store a translation unit");
    if (!unit.ok()) return unit.status();
    auto variant = db.Prepare(format::sql::kInsertVariant, "store a variant");
    if (!variant.ok()) return variant.status();
    auto meta = db.Prepare(format::sql::kInsertMeta, "store a note or prop");
    if (!meta.ok()) return meta.status();
    store.seam_.emplace(Inserts<std::unique_ptr<store::Statement>>{
        std::move(*source), std::move(*unit), std::move(*variant),
        std::move(*meta)});
  }
  auto find = db.Prepare(format::sql::kFindDuplicates, "look for duplicates");
  if (!find.ok()) return find.status();
  store.find_dups_ = std::move(*find);
  // The trigger tm_unit_deleted takes the unit's variants, notes and props
  // with it (foreign keys are off during an import; see tm_import.cc).
  auto erase = db.Prepare(format::sql::kDeleteUnit, "replace a duplicate unit");
  if (!erase.ok()) return erase.status();
  store.delete_unit_ = std::move(*erase);
  return store;
}

Result<std::int64_t> UnitStore::InsertSource(std::string_view kind,
                                             std::string_view name,
                                             const TmxHeader& header) {
  if (sqlite_) {
    return InsertSourceRow(SqliteRow(sqlite_->source, *db_->sqlite()), kind,
                           name, header);
  }
  return InsertSourceRow(SeamRow(*seam_->source), kind, name, header);
}

template <class Row>
Result<std::int64_t> UnitStore::InsertSourceRow(Row s, std::string_view kind,
                                                std::string_view name,
                                                const TmxHeader& header) {
  const std::string now = formats::FormatTmxDate(std::time(nullptr));
  s.Text(1, kind);
  s.Text(2, name);
  s.Text(3, now);
  BindOptionalText(s, 4, header.version);
  BindOptionalText(s, 5, header.root_extra);
  int index = 6;
  for (TmxAttr attr : format::kSourceAttrColumns)
    BindAttr(s, index++, header.attrs, attr);
  BindOptionalText(s, 18, header.extra);
  s.Text(19, header.body);
  return s.Insert();
}

template <class Row>
Status UnitStore::InsertMetaRows(Row& s, std::int64_t unit_id, int variant_seq,
                                 const std::vector<TmxMeta>& meta) {
  int seq = 0;
  for (const TmxMeta& m : meta) {
    const bool prop = m.kind == TmxMeta::Kind::kProp;
    s.Int(1, unit_id);
    s.Int(2, variant_seq);
    s.Int(3, ++seq);
    s.Text(4, prop ? "prop" : "note");
    if (prop) {
      s.Text(5, m.type);
    } else {
      s.Null(5);
    }
    if (m.has_lang) {
      s.Text(6, m.lang);
    } else {
      s.Null(6);
    }
    if (m.has_o_encoding) {
      s.Text(7, m.o_encoding);
    } else {
      s.Null(7);
    }
    BindOptionalText(s, 8, m.extra);
    s.Text(9, m.value);
    ONOMA_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Result<std::int64_t> UnitStore::NextUnitId() {
  if (unit_ids_.empty()) {
    store::Statement& take = *take_ids_;
    take.Reset();
    for (;;) {
      auto row = take.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      unit_ids_.push_back(take.ColumnInt64(0));
    }
    take.Reset();
    if (unit_ids_.empty()) {
      return Status::Database("cannot number translation units");
    }
    // Taken from the back: largest first.
    std::sort(unit_ids_.rbegin(), unit_ids_.rend());
  }
  const std::int64_t id = unit_ids_.back();
  unit_ids_.pop_back();
  last_unit_id_ = id;
  return id;
}

Status UnitStore::FlushCopies() {
  if (copy_ == nullptr) return Status::Ok();
  for (CopyTable& table : *copy_) {
    if (table.rows.empty()) continue;
    Status sent = db_->CopyIn(table.target, table.rows);
    table.rows.clear();
    ONOMA_RETURN_IF_ERROR(sent);
  }
  return Status::Ok();
}

Status UnitStore::Finish() {
  ONOMA_RETURN_IF_ERROR(FlushCopies());
  if (unit_ids_.empty()) return Status::Ok();
  // Ids taken and not used go back, so that units are numbered as on
  // SQLite, one after the other: the write lock keeps any other onoma from
  // taking ids meanwhile.
  unit_ids_.clear();
  auto back =
      db_->Prepare(format::sql::kSetUnitSequence, "number translation units");
  if (!back.ok()) return back.status();
  ONOMA_RETURN_IF_ERROR((*back)->Bind(1, last_unit_id_));
  return (*back)->Run();
}

Status UnitStore::InsertUnit(std::int64_t source_id, const TmxUnit& unit) {
  if (copy_ != nullptr) {
    std::vector<CopyTable>& t = *copy_;
    ONOMA_RETURN_IF_ERROR(
        InsertUnitRows(CopyRow(t[0], *this), CopyRow(t[1], *this),
                       CopyRow(t[2], *this), source_id, unit));
    // Rows held back: a few MB at most.
    if (t[0].rows.size() + t[1].rows.size() + t[2].rows.size() >
        (std::size_t{8} << 20)) {
      return FlushCopies();
    }
    return Status::Ok();
  }
  if (sqlite_) {
    sqlite::Database& file = *db_->sqlite();
    return InsertUnitRows(SqliteRow(sqlite_->unit, file),
                          SqliteRow(sqlite_->variant, file),
                          SqliteRow(sqlite_->meta, file), source_id, unit);
  }
  return InsertUnitRows(SeamRow(*seam_->unit), SeamRow(*seam_->variant),
                        SeamRow(*seam_->meta), source_id, unit);
}

template <class Row>
Status UnitStore::InsertUnitRows(Row s, Row v, Row meta, std::int64_t source_id,
                                 const TmxUnit& unit) {
  s.Int(1, source_id);
  int index = 2;
  for (TmxAttr attr : format::kUnitAttrColumns)
    BindAttr(s, index++, unit.attrs, attr);
  BindOptionalText(s, 16, unit.extra);
  s.Text(17, keys_.source_lang);
  s.Int(18, keys_.source_seq);
  s.Int(19, keys_.dup_key);
  s.Int(20, keys_.content_hash);
  BindOptionalText(s, 21, keys_.changed);
  auto inserted = s.Insert();
  if (!inserted.ok()) return inserted.status();
  const std::int64_t unit_id = *inserted;
  if (!unit.meta.empty())
    ONOMA_RETURN_IF_ERROR(InsertMetaRows(meta, unit_id, 0, unit.meta));

  int seq = 0;
  for (const TmxVariant& variant : unit.variants) {
    v.Int(1, unit_id);
    v.Int(2, ++seq);
    v.Text(3, variant.lang);
    index = 4;
    for (TmxAttr attr : format::kVariantAttrColumns) {
      BindAttr(v, index++, variant.attrs, attr);
    }
    BindOptionalText(v, 15, variant.extra);
    v.Text(16, variant.text);
    if (variant.has_markup) {
      v.Text(17, variant.markup);
    } else {
      v.Null(17);
    }
    if (variant.has_codes) {
      v.Text(18, variant.skeleton);
    } else {
      v.Null(18);
    }
    ONOMA_RETURN_IF_ERROR(v.Run());
    if (!variant.meta.empty()) {
      ONOMA_RETURN_IF_ERROR(InsertMetaRows(meta, unit_id, seq, variant.meta));
    }
  }
  return Status::Ok();
}

Result<Stored> UnitStore::Store(std::int64_t source_id, const TmxUnit& unit,
                                std::string_view header_srclang,
                                OnDuplicate policy) {
  if (unit.variants.size() > format::kMaxVariants) {
    return Status::BadInput("<tu> has " + std::to_string(unit.variants.size()) +
                            " variants; onoma keeps at most " +
                            std::to_string(format::kMaxVariants) + " per unit");
  }
  ComputeKeys(unit, header_srclang, keys_);

  dups_.clear();
  if (filter_ == nullptr || filter_->MayContain(keys_.dup_key)) {
    // The rows held back must be there for the lookup to see them.
    ONOMA_RETURN_IF_ERROR(FlushCopies());
    store::Statement& find = *find_dups_;
    ONOMA_RETURN_IF_ERROR(find.Bind(1, keys_.dup_key));
    for (;;) {
      Result<bool> row = find.Step();
      if (!row.ok()) {
        find.Reset();
        return row.status();
      }
      if (!*row) break;
      dups_.push_back(Duplicate{find.ColumnInt64(0), find.ColumnInt64(1),
                                find.ColumnText(2)});
    }
    find.Reset();
  }

  bool replace = false;
  if (!dups_.empty()) {
    switch (policy) {
      case OnDuplicate::kDefault:
        for (const Duplicate& d : dups_) {
          if (d.content_hash == keys_.content_hash) {
            return Stored::kSkippedDuplicate;
          }
        }
        break;  // targets differ: keep both
      case OnDuplicate::kKeep:
        return Stored::kSkippedDuplicate;
      case OnDuplicate::kReplace:
        replace = true;
        break;
      case OnDuplicate::kNewest:
        for (const Duplicate& d : dups_) {
          if (!(keys_.changed > d.changed)) return Stored::kSkippedDuplicate;
        }
        replace = true;
        break;
    }
  }
  if (replace) {
    for (const Duplicate& d : dups_) {
      ONOMA_RETURN_IF_ERROR(delete_unit_->Bind(1, d.id));
      Status erased = delete_unit_->Run();
      delete_unit_->Reset();
      ONOMA_RETURN_IF_ERROR(erased);
    }
  }
  ONOMA_RETURN_IF_ERROR(InsertUnit(source_id, unit));
  if (filter_ != nullptr) filter_->Add(keys_.dup_key);
  return replace ? Stored::kReplaced : Stored::kAdded;
}

}  // namespace onoma::tm::internal
