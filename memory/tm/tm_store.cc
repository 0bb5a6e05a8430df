// Storing units: prepared statements, the derived keys and the duplicate
// rules. Tested by tests/tm/tm_import_test.cc.

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "memory/tm/tm_store_internal.h"

namespace onoma::tm::internal {
namespace {

using formats::TmxAttr;
using formats::TmxAttributes;
using formats::TmxHeader;
using formats::TmxMeta;
using formats::TmxUnit;
using formats::TmxVariant;

// Text is bound SQLITE_STATIC: the unit outlives the step, and copying
// every segment twice more would cost a tenth of the import.
int BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
  return sqlite3_bind_text64(stmt, index, text.data() ? text.data() : "",
                             text.size(), SQLITE_STATIC, SQLITE_UTF8);
}

int BindAttr(sqlite3_stmt* stmt, int index, const TmxAttributes& attrs,
             TmxAttr attr) {
  if (!attrs.has(attr)) return sqlite3_bind_null(stmt, index);
  if (attr == TmxAttr::kUsagecount) {
    // Digits only, checked by the reader; at most 18 of them.
    const std::string& value = attrs.get(attr);
    std::int64_t count = 0;
    for (char c : value) count = count * 10 + (c - '0');
    return sqlite3_bind_int64(stmt, index, count);
  }
  return BindText(stmt, index, attrs.get(attr));
}

int BindOptionalText(sqlite3_stmt* stmt, int index, std::string_view text) {
  if (text.empty()) return sqlite3_bind_null(stmt, index);
  return BindText(stmt, index, text);
}

Status BindFailure(sqlite::Statement& statement, int rc) {
  return Status::Database("cannot " + statement.purpose() + ": " +
                          sqlite3_errstr(rc));
}

// Runs a statement already bound, then resets it for the next unit.
Status RunAndReset(sqlite::Statement& statement) {
  Status status = statement.Run();
  statement.Reset();
  return status;
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

Status UnitStore::UseFilter(std::uint64_t incoming) {
  auto count =
      db_->Prepare("SELECT count(*) FROM tm_unit", "count translation units");
  if (!count.ok()) return count.status();
  auto row = count->Step();
  if (!row.ok()) return row.status();
  const auto existing = static_cast<std::uint64_t>(count->ColumnInt64(0));
  filter_ = std::make_unique<DupKeyFilter>(existing + incoming);
  // A scan of the index alone (it covers dup_key).
  auto keys = db_->Prepare(
      "SELECT dup_key FROM tm_unit INDEXED BY "
      "tm_unit_dup_key",
      "read duplicate keys");
  if (!keys.ok()) return keys.status();
  for (;;) {
    auto next = keys->Step();
    if (!next.ok()) return next.status();
    if (!*next) break;
    filter_->Add(keys->ColumnInt64(0));
  }
  return Status::Ok();
}

UnitStore::UnitStore(sqlite::Statement insert_source,
                     sqlite::Statement insert_unit,
                     sqlite::Statement insert_variant,
                     sqlite::Statement insert_meta, sqlite::Statement find_dups,
                     sqlite::Statement delete_unit, sqlite::Database& db)
    : insert_source_(std::move(insert_source)),
      insert_unit_(std::move(insert_unit)),
      insert_variant_(std::move(insert_variant)),
      insert_meta_(std::move(insert_meta)),
      find_dups_(std::move(find_dups)),
      delete_unit_(std::move(delete_unit)),
      db_(&db) {}

Result<UnitStore> UnitStore::Prepare(sqlite::Database& db) {
  auto source = db.Prepare(
      "INSERT INTO tm_source (kind, name, imported_at, tmx_version, "
      "root_extra, creationtool, creationtoolversion, segtype, o_tmf, "
      "adminlang, srclang, datatype, o_encoding, creationdate, creationid, "
      "changedate, changeid, header_extra, header_body) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19)",
      "record the imported file");
  if (!source.ok()) return source.status();
  auto unit = db.Prepare(
      "INSERT INTO tm_unit (source_id, tuid, srclang, segtype, o_tmf, "
      "o_encoding, datatype, usagecount, lastusagedate, creationtool, "
      "creationtoolversion, creationdate, creationid, changedate, changeid, "
      "extra, source_lang, source_seq, dup_key, content_hash, changed) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
      "?15, ?16, ?17, ?18, ?19, ?20, ?21)",
      "store a translation unit");
  if (!unit.ok()) return unit.status();
  auto variant = db.Prepare(
      "INSERT INTO tm_variant (id, unit_id, seq, lang, o_encoding, "
      "datatype, usagecount, lastusagedate, creationtool, "
      "creationtoolversion, creationdate, creationid, changedate, o_tmf, "
      "changeid, extra, text, markup, skeleton) VALUES (?1 * 65536 + ?2, "
      "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
      "?16, ?17, ?18)",
      "store a variant");
  if (!variant.ok()) return variant.status();
  auto meta = db.Prepare(
      "INSERT INTO tm_meta (unit_id, variant_seq, seq, kind, type, lang, "
      "o_encoding, extra, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      "store a note or prop");
  if (!meta.ok()) return meta.status();
  auto find = db.Prepare(
      "SELECT id, content_hash, changed FROM tm_unit WHERE dup_key = ?1",
      "look for duplicates");
  if (!find.ok()) return find.status();
  // The trigger tm_unit_deleted takes the unit's variants, notes and props
  // with it (foreign keys are off during an import; see tm_import.cc).
  auto erase = db.Prepare("DELETE FROM tm_unit WHERE id = ?1",
                          "replace a duplicate unit");
  if (!erase.ok()) return erase.status();
  return UnitStore(std::move(*source), std::move(*unit), std::move(*variant),
                   std::move(*meta), std::move(*find), std::move(*erase), db);
}

Result<std::int64_t> UnitStore::InsertSource(std::string_view kind,
                                             std::string_view name,
                                             const TmxHeader& header) {
  sqlite3_stmt* s = insert_source_.handle();
  const std::string now = formats::FormatTmxDate(std::time(nullptr));
  int rc = BindText(s, 1, kind);
  if (rc == SQLITE_OK) rc = BindText(s, 2, name);
  if (rc == SQLITE_OK) rc = BindText(s, 3, now);
  if (rc == SQLITE_OK) rc = BindOptionalText(s, 4, header.version);
  if (rc == SQLITE_OK) rc = BindOptionalText(s, 5, header.root_extra);
  static constexpr TmxAttr kColumns[] = {
      TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
      TmxAttr::kSegtype,      TmxAttr::kOTmf,
      TmxAttr::kAdminlang,    TmxAttr::kSrclang,
      TmxAttr::kDatatype,     TmxAttr::kOEncoding,
      TmxAttr::kCreationdate, TmxAttr::kCreationid,
      TmxAttr::kChangedate,   TmxAttr::kChangeid};
  int index = 6;
  for (TmxAttr attr : kColumns) {
    if (rc == SQLITE_OK) rc = BindAttr(s, index, header.attrs, attr);
    ++index;
  }
  if (rc == SQLITE_OK) rc = BindOptionalText(s, 18, header.extra);
  if (rc == SQLITE_OK) rc = BindText(s, 19, header.body);
  if (rc != SQLITE_OK) return BindFailure(insert_source_, rc);
  ONOMA_RETURN_IF_ERROR(RunAndReset(insert_source_));
  return db_->LastInsertRowId();
}

Status UnitStore::InsertMeta(std::int64_t unit_id, int variant_seq,
                             const std::vector<TmxMeta>& meta) {
  sqlite3_stmt* s = insert_meta_.handle();
  int seq = 0;
  for (const TmxMeta& m : meta) {
    const bool prop = m.kind == TmxMeta::Kind::kProp;
    int rc = sqlite3_bind_int64(s, 1, unit_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, 2, variant_seq);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, 3, ++seq);
    if (rc == SQLITE_OK) rc = BindText(s, 4, prop ? "prop" : "note");
    if (rc == SQLITE_OK) {
      rc = prop ? BindText(s, 5, m.type) : sqlite3_bind_null(s, 5);
    }
    if (rc == SQLITE_OK) {
      rc = m.has_lang ? BindText(s, 6, m.lang) : sqlite3_bind_null(s, 6);
    }
    if (rc == SQLITE_OK) {
      rc = m.has_o_encoding ? BindText(s, 7, m.o_encoding)
                            : sqlite3_bind_null(s, 7);
    }
    if (rc == SQLITE_OK) rc = BindOptionalText(s, 8, m.extra);
    if (rc == SQLITE_OK) rc = BindText(s, 9, m.value);
    if (rc != SQLITE_OK) return BindFailure(insert_meta_, rc);
    ONOMA_RETURN_IF_ERROR(RunAndReset(insert_meta_));
  }
  return Status::Ok();
}

Status UnitStore::InsertUnit(std::int64_t source_id, const TmxUnit& unit) {
  sqlite3_stmt* s = insert_unit_.handle();
  int rc = sqlite3_bind_int64(s, 1, source_id);
  static constexpr TmxAttr kUnitColumns[] = {
      TmxAttr::kTuid,         TmxAttr::kSrclang,
      TmxAttr::kSegtype,      TmxAttr::kOTmf,
      TmxAttr::kOEncoding,    TmxAttr::kDatatype,
      TmxAttr::kUsagecount,   TmxAttr::kLastusagedate,
      TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
      TmxAttr::kCreationdate, TmxAttr::kCreationid,
      TmxAttr::kChangedate,   TmxAttr::kChangeid};
  int index = 2;
  for (TmxAttr attr : kUnitColumns) {
    if (rc == SQLITE_OK) rc = BindAttr(s, index, unit.attrs, attr);
    ++index;
  }
  if (rc == SQLITE_OK) rc = BindOptionalText(s, 16, unit.extra);
  if (rc == SQLITE_OK) rc = BindText(s, 17, keys_.source_lang);
  if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, 18, keys_.source_seq);
  if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 19, keys_.dup_key);
  if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 20, keys_.content_hash);
  if (rc == SQLITE_OK) rc = BindOptionalText(s, 21, keys_.changed);
  if (rc != SQLITE_OK) return BindFailure(insert_unit_, rc);
  ONOMA_RETURN_IF_ERROR(RunAndReset(insert_unit_));
  const std::int64_t unit_id = db_->LastInsertRowId();
  if (!unit.meta.empty())
    ONOMA_RETURN_IF_ERROR(InsertMeta(unit_id, 0, unit.meta));

  sqlite3_stmt* v = insert_variant_.handle();
  static constexpr TmxAttr kVariantColumns[] = {
      TmxAttr::kOEncoding,    TmxAttr::kDatatype,
      TmxAttr::kUsagecount,   TmxAttr::kLastusagedate,
      TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
      TmxAttr::kCreationdate, TmxAttr::kCreationid,
      TmxAttr::kChangedate,   TmxAttr::kOTmf,
      TmxAttr::kChangeid};
  int seq = 0;
  for (const TmxVariant& variant : unit.variants) {
    rc = sqlite3_bind_int64(v, 1, unit_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(v, 2, ++seq);
    if (rc == SQLITE_OK) rc = BindText(v, 3, variant.lang);
    index = 4;
    for (TmxAttr attr : kVariantColumns) {
      if (rc == SQLITE_OK) rc = BindAttr(v, index, variant.attrs, attr);
      ++index;
    }
    if (rc == SQLITE_OK) rc = BindOptionalText(v, 15, variant.extra);
    if (rc == SQLITE_OK) rc = BindText(v, 16, variant.text);
    if (rc == SQLITE_OK) {
      rc = variant.has_markup ? BindText(v, 17, variant.markup)
                              : sqlite3_bind_null(v, 17);
    }
    if (rc == SQLITE_OK) {
      rc = variant.has_codes ? BindText(v, 18, variant.skeleton)
                             : sqlite3_bind_null(v, 18);
    }
    if (rc != SQLITE_OK) return BindFailure(insert_variant_, rc);
    ONOMA_RETURN_IF_ERROR(RunAndReset(insert_variant_));
    if (!variant.meta.empty()) {
      ONOMA_RETURN_IF_ERROR(InsertMeta(unit_id, seq, variant.meta));
    }
  }
  return Status::Ok();
}

Result<Stored> UnitStore::Store(std::int64_t source_id, const TmxUnit& unit,
                                std::string_view header_srclang,
                                OnDuplicate policy) {
  if (unit.variants.size() > kMaxVariants) {
    return Status::BadInput("<tu> has " + std::to_string(unit.variants.size()) +
                            " variants; onoma keeps at most " +
                            std::to_string(kMaxVariants) + " per unit");
  }
  ComputeKeys(unit, header_srclang, keys_);

  dups_.clear();
  if (filter_ == nullptr || filter_->MayContain(keys_.dup_key)) {
    ONOMA_RETURN_IF_ERROR(find_dups_.Bind(1, keys_.dup_key));
    for (;;) {
      Result<bool> row = find_dups_.Step();
      if (!row.ok()) {
        find_dups_.Reset();
        return row.status();
      }
      if (!*row) break;
      dups_.push_back(Duplicate{find_dups_.ColumnInt64(0),
                                find_dups_.ColumnInt64(1),
                                find_dups_.ColumnText(2)});
    }
    find_dups_.Reset();
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
      ONOMA_RETURN_IF_ERROR(delete_unit_.Bind(1, d.id));
      ONOMA_RETURN_IF_ERROR(RunAndReset(delete_unit_));
    }
  }
  ONOMA_RETURN_IF_ERROR(InsertUnit(source_id, unit));
  if (filter_ != nullptr) filter_->Add(keys_.dup_key);
  return replace ? Stored::kReplaced : Stored::kAdded;
}

}  // namespace onoma::tm::internal
