// Export: the memory as TMX 1.4b, streaming. Three ordered cursors (units,
// variants, notes and props) are merged by unit id, so that each unit is
// assembled without a query of its own and memory stays flat. Tested by
// tests/tm/tm_import_test.cc (import, then export) and the corpus round
// trip in tests/formats/tmx_corpus_test.cc.

#include <limits>
#include <map>
#include <set>
#include <utility>

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

constexpr TmxAttr kSourceColumns[] = {
    TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
    TmxAttr::kSegtype,      TmxAttr::kOTmf,
    TmxAttr::kAdminlang,    TmxAttr::kSrclang,
    TmxAttr::kDatatype,     TmxAttr::kOEncoding,
    TmxAttr::kCreationdate, TmxAttr::kCreationid,
    TmxAttr::kChangedate,   TmxAttr::kChangeid};
constexpr TmxAttr kUnitColumns[] = {
    TmxAttr::kTuid,         TmxAttr::kSrclang,
    TmxAttr::kSegtype,      TmxAttr::kOTmf,
    TmxAttr::kOEncoding,    TmxAttr::kDatatype,
    TmxAttr::kUsagecount,   TmxAttr::kLastusagedate,
    TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
    TmxAttr::kCreationdate, TmxAttr::kCreationid,
    TmxAttr::kChangedate,   TmxAttr::kChangeid};
constexpr TmxAttr kVariantColumns[] = {
    TmxAttr::kOEncoding,    TmxAttr::kDatatype,
    TmxAttr::kUsagecount,   TmxAttr::kLastusagedate,
    TmxAttr::kCreationtool, TmxAttr::kCreationtoolversion,
    TmxAttr::kCreationdate, TmxAttr::kCreationid,
    TmxAttr::kChangedate,   TmxAttr::kOTmf,
    TmxAttr::kChangeid};

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

struct Source {
  TmxHeader header;
};

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

  // The sources that contributed units, with their headers.
  std::map<std::int64_t, Source> sources;
  {
    auto query = db.Prepare(format::sql::kSources, "read the memory's sources");
    if (!query.ok()) return query.status();
    store::Statement& q = **query;
    for (;;) {
      auto row = q.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      Source& source = sources[q.ColumnInt64(0)];
      TmxHeader& h = source.header;
      h.present = q.ColumnTextView(17) == "tmx";
      h.version = q.ColumnText(1);
      h.root_extra = q.ColumnText(2);
      int column = 3;
      for (TmxAttr attr : kSourceColumns) ReadAttr(q, column++, attr, h.attrs);
      h.extra = q.ColumnText(15);
      h.body = q.ColumnText(16);
    }
  }

  // The exported header: the one source's own, or one made for several,
  // carrying every source's notes, props and udes once each.
  TmxHeader header;
  const bool single = sources.size() == 1;
  if (single) {
    header = sources.begin()->second.header;
  } else {
    std::set<std::string> bodies;
    std::string srclang;
    bool same_srclang = true;
    for (const auto& [id, source] : sources) {
      const TmxHeader& h = source.header;
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
  }
  ExportSummary summary;
  summary.filled = formats::FillRequiredHeader(header, options.defaults);
  ONOMA_RETURN_IF_ERROR(writer.WriteHeader(header));

  auto units = db.Prepare(format::sql::kUnitsBetween, "read translation units");
  if (!units.ok()) return units.status();
  auto variants = db.Prepare(format::sql::kVariantsBetween, "read variants");
  if (!variants.ok()) return variants.status();
  auto meta = db.Prepare(format::sql::kMetaBetween, "read notes and props");
  if (!meta.ok()) return meta.status();
  std::unique_ptr<store::Statement> batch_end;
  if (db.engine() != store::Engine::kSqlite) {
    auto end = db.Prepare(format::sql::kUnitBatchEnd, "read translation units");
    if (!end.ok()) return end.status();
    batch_end = std::move(*end);
  }

  const std::size_t needed = std::min<std::size_t>(2, options.langs.size());
  TmxUnit unit;
  std::vector<int> kept_seq;  // variant seq of each kept variant
  for (std::int64_t low = 0; low < format::kNoUnitId;) {
    // The batch: units with ids in (low, high].
    std::int64_t high = format::kNoUnitId;
    if (batch_end != nullptr) {
      ONOMA_RETURN_IF_ERROR(batch_end->Bind(1, low));
      ONOMA_RETURN_IF_ERROR(batch_end->Bind(2, kServerBatchUnits));
      auto row = batch_end->Step();
      if (!row.ok()) return row.status();
      if (!*row || batch_end->ColumnInt64(1) == 0) break;
      high = batch_end->ColumnInt64(0);
      batch_end->Reset();
    }
    store::Statement& u = **units;
    u.Reset();
    ONOMA_RETURN_IF_ERROR(u.Bind(1, low));
    ONOMA_RETURN_IF_ERROR(u.Bind(2, high));
    Cursor v{variants->get()};
    Cursor m{meta->get()};
    v.statement->Reset();
    m.statement->Reset();
    ONOMA_RETURN_IF_ERROR(v.statement->Bind(1, format::LastVariantId(low)));
    ONOMA_RETURN_IF_ERROR(v.statement->Bind(2, format::LastVariantId(high)));
    ONOMA_RETURN_IF_ERROR(m.statement->Bind(1, low));
    ONOMA_RETURN_IF_ERROR(m.statement->Bind(2, high));
    ONOMA_RETURN_IF_ERROR(v.Advance());
    ONOMA_RETURN_IF_ERROR(m.Advance());
    low = high;

    for (;;) {
      auto row = u.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      const std::int64_t id = u.ColumnInt64(0);
      unit.Clear();
      unit.variants.clear();
      kept_seq.clear();
      int column = 2;
      for (TmxAttr attr : kUnitColumns) ReadAttr(u, column++, attr, unit.attrs);
      unit.extra = u.ColumnText(16);

      while (v.has_row && v.unit_id() < id) ONOMA_RETURN_IF_ERROR(v.Advance());
      while (v.has_row && v.unit_id() == id) {
        const store::Statement& s = *v.statement;
        if (Wanted(options.langs, s.ColumnTextView(2))) {
          TmxVariant& variant = unit.variants.emplace_back();
          kept_seq.push_back(static_cast<int>(s.ColumnInt64(1)));
          variant.lang = s.ColumnText(2);
          column = 3;
          for (TmxAttr attr : kVariantColumns) {
            ReadAttr(s, column++, attr, variant.attrs);
          }
          variant.extra = s.ColumnText(14);
          variant.text = s.ColumnText(15);
          variant.has_markup = !s.ColumnIsNull(16);
          if (variant.has_markup) variant.markup = s.ColumnText(16);
        }
        ONOMA_RETURN_IF_ERROR(v.Advance());
      }

      while (m.has_row && m.unit_id() < id) ONOMA_RETURN_IF_ERROR(m.Advance());
      while (m.has_row && m.unit_id() == id) {
        const store::Statement& s = *m.statement;
        const int variant_seq = static_cast<int>(s.ColumnInt64(1));
        std::vector<TmxMeta>* into = nullptr;
        if (variant_seq == 0) {
          into = &unit.meta;
        } else {
          for (std::size_t i = 0; i < kept_seq.size(); ++i) {
            if (kept_seq[i] == variant_seq) into = &unit.variants[i].meta;
          }
        }
        if (into != nullptr) {
          TmxMeta& meta_row = into->emplace_back();
          meta_row.kind = s.ColumnTextView(3) == "prop" ? TmxMeta::Kind::kProp
                                                        : TmxMeta::Kind::kNote;
          meta_row.type = s.ColumnText(4);
          meta_row.has_lang = !s.ColumnIsNull(5);
          meta_row.lang = s.ColumnText(5);
          meta_row.has_o_encoding = !s.ColumnIsNull(6);
          meta_row.o_encoding = s.ColumnText(6);
          meta_row.extra = s.ColumnText(7);
          meta_row.value = s.ColumnText(8);
        }
        ONOMA_RETURN_IF_ERROR(m.Advance());
      }

      if (unit.variants.empty() || unit.variants.size() < needed) continue;
      if (!single) {
        // Make explicit what the unit inherited from its own file's header
        // and the shared header says otherwise.
        auto found = sources.find(u.ColumnInt64(1));
        if (found != sources.end()) {
          const TmxAttributes& own = found->second.header.attrs;
          for (TmxAttr attr : kInherited) {
            if (!unit.attrs.has(attr) && own.has(attr) &&
                own.get(attr) != header.attrs.get(attr)) {
              unit.attrs.set(attr, own.get(attr));
            }
          }
        }
      }
      ONOMA_RETURN_IF_ERROR(writer.WriteUnit(unit));
      ++summary.units;
      summary.variants += unit.variants.size();
    }
  }
  return summary;
}

}  // namespace onoma::tm
