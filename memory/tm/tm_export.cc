// Export: the memory as TMX 1.4b, streaming. Three ordered cursors (units,
// variants, notes and props) are merged by unit id, so that each unit is
// assembled without a query of its own and memory stays flat. Tested by
// tests/tm/tm_import_test.cc (import, then export) and the corpus round
// trip in tests/formats/tmx_corpus_test.cc.

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "memory/store/connection.h"
#include "memory/tm/tm_format.h"
#include "memory/tm/translation_memory.h"

namespace onoma::tm {
namespace {

using formats::TmxAttr;
using formats::TmxAttributes;
using formats::TmxHeader;
using formats::TmxMeta;
using formats::TmxUnit;
using formats::TmxVariant;
using formats::TmxWriter;

// The header attributes a unit inherits when it has none of its own
// (TMX 1.4b, section 3): pushed down onto the unit when units of several
// files share one exported header.
constexpr TmxAttr kInherited[] = {TmxAttr::kSrclang,
                                  TmxAttr::kSegtype,
                                  TmxAttr::kOTmf,
                                  TmxAttr::kOEncoding,
                                  TmxAttr::kDatatype,
                                  TmxAttr::kCreationtool,
                                  TmxAttr::kCreationtoolversion,
                                  TmxAttr::kCreationdate,
                                  TmxAttr::kCreationid,
                                  TmxAttr::kChangedate,
                                  TmxAttr::kChangeid};

void ReadAttr(const store::Statement& s, int column, TmxAttr attr,
              TmxAttributes& attrs) {
  if (s.ColumnIsNull(column)) return;
  if (attr == TmxAttr::kUsagecount) {
    attrs.set(attr, std::to_string(s.ColumnInt64(column)));
  } else {
    attrs.set(attr, s.ColumnTextView(column));
  }
}

using Sources = std::map<std::int64_t, TmxHeader>;

// One of the three cursors, one row ahead.
struct Cursor {
  store::Statement* statement = nullptr;
  bool has_row = false;
  Status Advance() {
    auto row = statement->Step();
    if (!row.ok()) return row.status();
    has_row = *row;
    return Status::Ok();
  }
  std::int64_t unit_id() const { return statement->ColumnInt64(0); }
  // Moves past the rows of units before `id`.
  Status SkipTo(std::int64_t id) {
    while (has_row && unit_id() < id) ONOMA_RETURN_IF_ERROR(Advance());
    return Status::Ok();
  }
};

// Units read per batch from a server, whose statements return all their
// rows at once: memory stays flat. SQLite steps its cursors row by row and
// reads the memory in one batch.
constexpr std::int64_t kServerBatchUnits = 4096;

bool Wanted(const std::vector<std::string>& langs, std::string_view lang) {
  if (langs.empty()) return true;
  for (const std::string& range : langs) {
    if (formats::LanguageMatches(range, lang)) return true;
  }
  return false;
}

// The sources that contributed units, with their headers.
Result<Sources> ReadSources(store::Connection& db) {
  Sources sources;
  auto query = db.Prepare(format::sql::kSources, "read the memory's sources");
  if (!query.ok()) return query.status();
  store::Statement& q = **query;
  for (;;) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    TmxHeader& h = sources[q.ColumnInt64(0)];
    h.present = q.ColumnTextView(17) == "tmx";
    h.version = q.ColumnText(1);
    h.root_extra = q.ColumnText(2);
    int column = 3;
    for (TmxAttr attr : format::kSourceAttrColumns)
      ReadAttr(q, column++, attr, h.attrs);
    h.extra = q.ColumnText(15);
    h.body = q.ColumnText(16);
  }
  return sources;
}

// The exported header: the one source's own, or one made for several,
// carrying every source's notes, props and udes once each.
TmxHeader SharedHeader(const Sources& sources) {
  if (sources.size() == 1) return sources.begin()->second;
  TmxHeader header;
  std::set<std::string> bodies;
  std::string srclang;
  bool same_srclang = true;
  for (const auto& [id, h] : sources) {
    if (bodies.insert(h.body).second) header.body += h.body;
    const std::string& s = h.attrs.get(TmxAttr::kSrclang);
    if (srclang.empty()) {
      srclang = s;
    } else if (!formats::SameLanguage(srclang, s)) {
      same_srclang = false;
    }
  }
  if (same_srclang && !srclang.empty()) {
    header.attrs.set(TmxAttr::kSrclang, srclang);
  }
  return header;
}

// The memory's units in batches of ids (low, high], each unit assembled
// from the three cursors, which are merged by unit id.
class UnitReader {
 public:
  static Result<UnitReader> Prepare(store::Connection& db) {
    UnitReader r;
    auto units =
        db.Prepare(format::sql::kUnitsBetween, "read translation units");
    if (!units.ok()) return units.status();
    auto variants = db.Prepare(format::sql::kVariantsBetween, "read variants");
    if (!variants.ok()) return variants.status();
    auto meta = db.Prepare(format::sql::kMetaBetween, "read notes and props");
    if (!meta.ok()) return meta.status();
    r.units_ = std::move(*units);
    r.variants_ = std::move(*variants);
    r.meta_ = std::move(*meta);
    if (db.engine() != store::Engine::kSqlite) {
      auto end =
          db.Prepare(format::sql::kUnitBatchEnd, "read translation units");
      if (!end.ok()) return end.status();
      r.batch_end_ = std::move(*end);
    }
    return r;
  }

  // Starts the next batch: false when the memory has no more units.
  Result<bool> NextBatch() {
    if (low_ >= format::kNoUnitId) return false;
    std::int64_t high = format::kNoUnitId;
    if (batch_end_ != nullptr) {
      ONOMA_RETURN_IF_ERROR(batch_end_->Bind(1, low_));
      ONOMA_RETURN_IF_ERROR(batch_end_->Bind(2, kServerBatchUnits));
      auto row = batch_end_->Step();
      if (!row.ok()) return row.status();
      if (!*row || batch_end_->ColumnInt64(1) == 0) return false;
      high = batch_end_->ColumnInt64(0);
      batch_end_->Reset();
    }
    units_->Reset();
    variants_->Reset();
    meta_->Reset();
    ONOMA_RETURN_IF_ERROR(units_->Bind(1, low_));
    ONOMA_RETURN_IF_ERROR(units_->Bind(2, high));
    ONOMA_RETURN_IF_ERROR(variants_->Bind(1, format::LastVariantId(low_)));
    ONOMA_RETURN_IF_ERROR(variants_->Bind(2, format::LastVariantId(high)));
    ONOMA_RETURN_IF_ERROR(meta_->Bind(1, low_));
    ONOMA_RETURN_IF_ERROR(meta_->Bind(2, high));
    v_ = Cursor{variants_.get()};
    m_ = Cursor{meta_.get()};
    ONOMA_RETURN_IF_ERROR(v_.Advance());
    ONOMA_RETURN_IF_ERROR(m_.Advance());
    low_ = high;
    return true;
  }

  // Reads the batch's next unit into `unit` (with only the variants in
  // `langs`, and their notes and props) and its source into `source_id`:
  // false at the batch's end.
  Result<bool> Next(const std::vector<std::string>& langs, TmxUnit& unit,
                    std::int64_t& source_id) {
    auto row = units_->Step();
    if (!row.ok()) return row.status();
    if (!*row) return false;
    const store::Statement& u = *units_;
    const std::int64_t id = u.ColumnInt64(0);
    source_id = u.ColumnInt64(1);
    unit.Clear();
    unit.variants.clear();
    kept_seq_.clear();
    int column = 2;
    for (TmxAttr attr : format::kUnitAttrColumns)
      ReadAttr(u, column++, attr, unit.attrs);
    unit.extra = u.ColumnText(16);
    ONOMA_RETURN_IF_ERROR(ReadVariants(id, langs, unit));
    ONOMA_RETURN_IF_ERROR(ReadMeta(id, unit));
    return true;
  }

 private:
  UnitReader() = default;

  Status ReadVariants(std::int64_t id, const std::vector<std::string>& langs,
                      TmxUnit& unit) {
    ONOMA_RETURN_IF_ERROR(v_.SkipTo(id));
    while (v_.has_row && v_.unit_id() == id) {
      const store::Statement& s = *v_.statement;
      if (Wanted(langs, s.ColumnTextView(2))) ReadVariant(s, unit);
      ONOMA_RETURN_IF_ERROR(v_.Advance());
    }
    return Status::Ok();
  }

  void ReadVariant(const store::Statement& s, TmxUnit& unit) {
    TmxVariant& variant = unit.variants.emplace_back();
    kept_seq_.push_back(static_cast<int>(s.ColumnInt64(1)));
    variant.lang = s.ColumnText(2);
    int column = 3;
    for (TmxAttr attr : format::kVariantAttrColumns) {
      ReadAttr(s, column++, attr, variant.attrs);
    }
    variant.extra = s.ColumnText(14);
    variant.text = s.ColumnText(15);
    variant.has_markup = !s.ColumnIsNull(16);
    if (variant.has_markup) variant.markup = s.ColumnText(16);
  }

  // The unit's notes and props, and those of the variants kept.
  Status ReadMeta(std::int64_t id, TmxUnit& unit) {
    ONOMA_RETURN_IF_ERROR(m_.SkipTo(id));
    while (m_.has_row && m_.unit_id() == id) {
      const store::Statement& s = *m_.statement;
      if (std::vector<TmxMeta>* into = MetaOf(s.ColumnInt64(1), unit)) {
        ReadOneMeta(s, into->emplace_back());
      }
      ONOMA_RETURN_IF_ERROR(m_.Advance());
    }
    return Status::Ok();
  }

  // Where the notes and props of variant `variant_seq` go: the unit's
  // (0), a kept variant's, or nowhere.
  std::vector<TmxMeta>* MetaOf(std::int64_t variant_seq, TmxUnit& unit) {
    if (variant_seq == 0) return &unit.meta;
    for (std::size_t i = 0; i < kept_seq_.size(); ++i) {
      if (kept_seq_[i] == variant_seq) return &unit.variants[i].meta;
    }
    return nullptr;
  }

  static void ReadOneMeta(const store::Statement& s, TmxMeta& meta) {
    meta.kind = s.ColumnTextView(3) == "prop" ? TmxMeta::Kind::kProp
                                              : TmxMeta::Kind::kNote;
    meta.type = s.ColumnText(4);
    meta.has_lang = !s.ColumnIsNull(5);
    meta.lang = s.ColumnText(5);
    meta.has_o_encoding = !s.ColumnIsNull(6);
    meta.o_encoding = s.ColumnText(6);
    meta.extra = s.ColumnText(7);
    meta.value = s.ColumnText(8);
  }

  std::unique_ptr<store::Statement> units_;
  std::unique_ptr<store::Statement> variants_;
  std::unique_ptr<store::Statement> meta_;
  std::unique_ptr<store::Statement> batch_end_;  // on a server
  Cursor v_;
  Cursor m_;
  std::int64_t low_ = 0;
  std::vector<int> kept_seq_;  // variant seq of each kept variant
};

// Makes explicit what a unit inherited from its own file's header
// (`own`) where the shared header says otherwise.
void PushDownInherited(const TmxHeader& own, const TmxHeader& shared,
                       TmxUnit& unit) {
  for (TmxAttr attr : kInherited) {
    if (!unit.attrs.has(attr) && own.attrs.has(attr) &&
        own.attrs.get(attr) != shared.attrs.get(attr)) {
      unit.attrs.set(attr, own.attrs.get(attr));
    }
  }
}

}  // namespace

Result<ExportSummary> TranslationMemory::Export(
    const std::filesystem::path& path, const ExportOptions& options) {
  auto writer = TmxWriter::Create(path);
  if (!writer.ok()) return writer.status();
  auto summary = Export(**writer, options);
  if (!summary.ok()) return summary.status();
  ONOMA_RETURN_IF_ERROR((*writer)->Finish());
  return summary;
}

Result<ExportSummary> TranslationMemory::Export(TmxWriter& writer,
                                                const ExportOptions& options) {
  store::Connection& db = *db_;
  // One snapshot for every cursor even while another connection writes
  // (on PostgreSQL, across the batches too); inside a transaction (a copy
  // checking what it wrote, memory/store/copy.h), that transaction's.
  store::ReadScope snapshot(db);

  auto sources = ReadSources(db);
  if (!sources.ok()) return sources.status();
  TmxHeader header = SharedHeader(*sources);
  const bool single = sources->size() == 1;
  ExportSummary summary;
  summary.filled = formats::FillRequiredHeader(header, options.defaults);
  ONOMA_RETURN_IF_ERROR(writer.WriteHeader(header));

  auto reader = UnitReader::Prepare(db);
  if (!reader.ok()) return reader.status();
  const std::size_t needed = std::min<std::size_t>(2, options.langs.size());
  TmxUnit unit;
  std::int64_t source_id = 0;
  for (;;) {
    auto batch = reader->NextBatch();
    if (!batch.ok()) return batch.status();
    if (!*batch) break;
    for (;;) {
      auto next = reader->Next(options.langs, unit, source_id);
      if (!next.ok()) return next.status();
      if (!*next) break;
      if (unit.variants.empty() || unit.variants.size() < needed) continue;
      if (!single) {
        auto own = sources->find(source_id);
        if (own != sources->end()) PushDownInherited(own->second, header, unit);
      }
      ONOMA_RETURN_IF_ERROR(writer.WriteUnit(unit));
      ++summary.units;
      summary.variants += unit.variants.size();
    }
  }
  return summary;
}

}  // namespace onoma::tm
