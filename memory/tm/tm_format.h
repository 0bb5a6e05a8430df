// The translation memory's storage format in one place, as leveldb keeps
// its keys' layout in db/dbformat.h: how rows are numbered (a variant's id
// from its unit's), the id ranges a query reads, and the SQL that reads and
// writes the memory's tables (memory/schema/0003_tm.sql, and
// memory/schema_postgres/0003_tm.sql with the same columns). Internal to
// memory/tm/.
//
// The SQL is the dialect of the storage seam (memory/store/connection.h),
// which both engines read; the few statements only one engine runs say so.
//
//   const std::int64_t first = format::FirstVariantId(unit_id);
//   const std::int64_t last = format::LastVariantId(unit_id);
//   auto variants = db.Cached(format::sql::kUnitVariants, "read a unit");
//   ONOMA_RETURN_IF_ERROR((*variants)->Bind(1, first));
//   ONOMA_RETURN_IF_ERROR((*variants)->Bind(2, last));

#ifndef ONOMA_MEMORY_TM_TM_FORMAT_H_
#define ONOMA_MEMORY_TM_TM_FORMAT_H_

#include <cstddef>
#include <cstdint>

#include "memory/formats/tmx_model.h"

namespace onoma::tm::format {

// ---- Row layout ----------------------------------------------------------

// A unit's variants are numbered 1, 2, ... in the order of its file (seq),
// and a variant's id is unit_id * kUnitSpan + seq: the variants of unit u
// are ids FirstVariantId(u) ... LastVariantId(u), found in order through the
// primary key alone, with no index on unit_id.
inline constexpr int kVariantSeqBits = 16;
inline constexpr std::int64_t kUnitSpan = std::int64_t{1} << kVariantSeqBits;
// The most variants a unit can have.
inline constexpr std::size_t kMaxVariants = kUnitSpan - 1;

constexpr std::int64_t VariantId(std::int64_t unit_id, std::int64_t seq) {
  return unit_id * kUnitSpan + seq;
}
// The unit of a variant id.
constexpr std::int64_t UnitOfVariant(std::int64_t variant_id) {
  return variant_id >> kVariantSeqBits;
}
// The first and last ids unit `unit_id`'s variants can have.
constexpr std::int64_t FirstVariantId(std::int64_t unit_id) {
  return VariantId(unit_id, 1);
}
constexpr std::int64_t LastVariantId(std::int64_t unit_id) {
  return VariantId(unit_id, kMaxVariants);
}

// Above any unit id, with the ids of its variants still within 64 bits: the
// end of a range that reads to the end of the memory.
inline constexpr std::int64_t kNoUnitId = std::int64_t{1} << 46;
static_assert(LastVariantId(kNoUnitId) > 0, "variant ids overflow");

// The TMX attributes with a column of their own, in the order of the
// columns of tm_source (the header's), tm_unit and tm_variant: the
// statements below bind and read them in this order.
inline constexpr formats::TmxAttr kSourceAttrColumns[] = {
    formats::TmxAttr::kCreationtool, formats::TmxAttr::kCreationtoolversion,
    formats::TmxAttr::kSegtype,      formats::TmxAttr::kOTmf,
    formats::TmxAttr::kAdminlang,    formats::TmxAttr::kSrclang,
    formats::TmxAttr::kDatatype,     formats::TmxAttr::kOEncoding,
    formats::TmxAttr::kCreationdate, formats::TmxAttr::kCreationid,
    formats::TmxAttr::kChangedate,   formats::TmxAttr::kChangeid};
inline constexpr formats::TmxAttr kUnitAttrColumns[] = {
    formats::TmxAttr::kTuid,         formats::TmxAttr::kSrclang,
    formats::TmxAttr::kSegtype,      formats::TmxAttr::kOTmf,
    formats::TmxAttr::kOEncoding,    formats::TmxAttr::kDatatype,
    formats::TmxAttr::kUsagecount,   formats::TmxAttr::kLastusagedate,
    formats::TmxAttr::kCreationtool, formats::TmxAttr::kCreationtoolversion,
    formats::TmxAttr::kCreationdate, formats::TmxAttr::kCreationid,
    formats::TmxAttr::kChangedate,   formats::TmxAttr::kChangeid};
inline constexpr formats::TmxAttr kVariantAttrColumns[] = {
    formats::TmxAttr::kOEncoding,    formats::TmxAttr::kDatatype,
    formats::TmxAttr::kUsagecount,   formats::TmxAttr::kLastusagedate,
    formats::TmxAttr::kCreationtool, formats::TmxAttr::kCreationtoolversion,
    formats::TmxAttr::kCreationdate, formats::TmxAttr::kCreationid,
    formats::TmxAttr::kChangedate,   formats::TmxAttr::kOTmf,
    formats::TmxAttr::kChangeid};

// ---- SQL -----------------------------------------------------------------

namespace sql {

// -- Writing (memory/tm/tm_store.cc) --

// A tm_source row: ?1 kind ("tmx" or "add"), ?2 name, ?3 time of import,
// ?4 TMX version, ?5 the root's other attributes, ?6..?17 the header's
// attributes in the order of the columns, ?18 its other attributes, ?19 its
// notes, props and udes as written.
inline constexpr char kInsertSource[] =
    "INSERT INTO tm_source (kind, name, imported_at, tmx_version, "
    "root_extra, creationtool, creationtoolversion, segtype, o_tmf, "
    "adminlang, srclang, datatype, o_encoding, creationdate, creationid, "
    "changedate, changeid, header_extra, header_body) VALUES (?1, ?2, ?3, "
    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19)";
// A tm_unit row, its id from the table's own numbering.
inline constexpr char kInsertUnit[] =
    "INSERT INTO tm_unit (source_id, tuid, srclang, segtype, o_tmf, "
    "o_encoding, datatype, usagecount, lastusagedate, creationtool, "
    "creationtoolversion, creationdate, creationid, changedate, changeid, "
    "extra, source_lang, source_seq, dup_key, content_hash, changed) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, ?20, ?21)";
// A tm_variant row: ?1 unit id, ?2 seq, and its id computed from them as
// VariantId computes it, in 64 bits (PostgreSQL would take ?1 for a 32-bit
// integer, and the product would overflow past unit 32767).
inline constexpr char kInsertVariant[] =
    "INSERT INTO tm_variant (id, unit_id, seq, lang, o_encoding, "
    "datatype, usagecount, lastusagedate, creationtool, "
    "creationtoolversion, creationdate, creationid, changedate, o_tmf, "
    "changeid, extra, text, markup, skeleton) VALUES ("
    "CAST(?1 AS BIGINT) * 65536 + ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
// A tm_meta row (a note or prop of a unit, variant_seq 0, or of a variant).
inline constexpr char kInsertMeta[] =
    "INSERT INTO tm_meta (unit_id, variant_seq, seq, kind, type, lang, "
    "o_encoding, extra, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
// The targets of PostgreSQL's COPY for the same rows, each column in the
// order its INSERT binds them; a unit's and a variant's id come first.
inline constexpr char kCopyUnit[] =
    "tm_unit (id, source_id, tuid, srclang, segtype, o_tmf, "
    "o_encoding, datatype, usagecount, lastusagedate, creationtool, "
    "creationtoolversion, creationdate, creationid, changedate, "
    "changeid, extra, source_lang, source_seq, dup_key, content_hash, "
    "changed)";
inline constexpr int kCopyUnitParams = 21;
inline constexpr char kCopyVariant[] =
    "tm_variant (id, unit_id, seq, lang, o_encoding, datatype, "
    "usagecount, lastusagedate, creationtool, creationtoolversion, "
    "creationdate, creationid, changedate, o_tmf, changeid, extra, "
    "text, markup, skeleton)";
inline constexpr int kCopyVariantParams = 18;
inline constexpr char kCopyMeta[] =
    "tm_meta (unit_id, variant_seq, seq, kind, type, lang, "
    "o_encoding, extra, value)";
inline constexpr int kCopyMetaParams = 9;
// PostgreSQL: unit ids taken ahead of a COPY, and the sequence set back to
// the last one used (?1).
inline constexpr char kTakeUnitIds[] =
    "SELECT nextval(pg_get_serial_sequence('tm_unit', 'id')) FROM "
    "generate_series(1, 1024)";
inline constexpr char kSetUnitSequence[] =
    "SELECT setval(pg_get_serial_sequence('tm_unit', 'id'), ?1)";

// -- Duplicates (memory/tm/tm_store.cc) --

inline constexpr char kCountUnits[] = "SELECT count(*) FROM tm_unit";
// Every duplicate key; on SQLite a scan of the index alone, which covers it.
inline constexpr char kDupKeysSqlite[] =
    "SELECT dup_key FROM tm_unit INDEXED BY tm_unit_dup_key";
inline constexpr char kDupKeys[] = "SELECT dup_key FROM tm_unit";
inline constexpr char kFindDuplicates[] =
    "SELECT id, content_hash, changed FROM tm_unit WHERE dup_key = ?1";
// The trigger tm_unit_deleted takes the unit's variants, notes and props
// with it.
inline constexpr char kDeleteUnit[] = "DELETE FROM tm_unit WHERE id = ?1";
// The source that Add's units are stored under.
inline constexpr char kFindAddSource[] =
    "SELECT id FROM tm_source WHERE kind = 'add' ORDER BY id LIMIT 1";

// -- Reading units (memory/tm/tm_export.cc) --

// The sources of the memory's units, columns as kInsertSource's from
// tmx_version (1) to header_body (16), then kind (17).
inline constexpr char kSources[] =
    "SELECT id, tmx_version, root_extra, creationtool, "
    "creationtoolversion, segtype, o_tmf, adminlang, srclang, datatype, "
    "o_encoding, creationdate, creationid, changedate, changeid, "
    "header_extra, header_body, kind FROM tm_source WHERE id IN (SELECT "
    "DISTINCT source_id FROM tm_unit) ORDER BY id";
// The units with ids in (?1, ?2], in order.
inline constexpr char kUnitsBetween[] =
    "SELECT id, source_id, tuid, srclang, segtype, o_tmf, o_encoding, "
    "datatype, usagecount, lastusagedate, creationtool, "
    "creationtoolversion, creationdate, creationid, changedate, changeid, "
    "extra FROM tm_unit WHERE id > ?1 AND id <= ?2 ORDER BY id";
// The variants with ids in (?1, ?2]: for the units in (a, b], ?1 is
// LastVariantId(a) and ?2 LastVariantId(b). By id is by unit_id, seq.
inline constexpr char kVariantsBetween[] =
    "SELECT unit_id, seq, lang, o_encoding, datatype, usagecount, "
    "lastusagedate, creationtool, creationtoolversion, creationdate, "
    "creationid, changedate, o_tmf, changeid, extra, text, markup "
    "FROM tm_variant WHERE id > ?1 AND id <= ?2 ORDER BY id";
// The notes and props of the units with ids in (?1, ?2].
inline constexpr char kMetaBetween[] =
    "SELECT unit_id, variant_seq, seq, kind, type, lang, o_encoding, "
    "extra, value FROM tm_meta WHERE unit_id > ?1 AND unit_id <= ?2 "
    "ORDER BY unit_id, variant_seq, seq";
// PostgreSQL: the last id and the count of the (at most ?2) units after
// ?1, which bound a batch.
inline constexpr char kUnitBatchEnd[] =
    "SELECT max(id), count(*) FROM (SELECT id FROM tm_unit WHERE id > ?1 "
    "ORDER BY id LIMIT ?2) batch";

// -- Reading one unit (concordance.cc, pretranslate.cc) --

inline constexpr char kUnitTuid[] =
    "SELECT tuid, source_seq FROM tm_unit WHERE id = ?1";
// The name and kind of the source a unit ?1 came from, and its source seq.
inline constexpr char kUnitOrigin[] =
    "SELECT s.name, s.kind, u.source_seq FROM tm_unit u "
    "JOIN tm_source s ON s.id = u.source_id WHERE u.id = ?1";
// One unit's variants: ?1 FirstVariantId, ?2 LastVariantId of its id.
inline constexpr char kUnitVariantTexts[] =
    "SELECT seq, lang, text FROM tm_variant WHERE id BETWEEN ?1 AND ?2 "
    "ORDER BY id";
inline constexpr char kUnitVariantMarkup[] =
    "SELECT seq, lang, text, markup FROM tm_variant WHERE id BETWEEN ?1 AND "
    "?2 ORDER BY id";

// -- The lookup index (memory/tm/tm_index.cc, lookup.cc, lookup_plan.cc,
// lookup_verify.cc; memory/schema/0004_tm_index.sql and
// 0007_tm_index_batches.sql) --

// How far the index reaches: every unit up to indexed_upto is indexed.
inline constexpr char kIndexedUpto[] =
    "SELECT indexed_upto FROM tm_index_state";
inline constexpr char kSetIndexedUpto[] =
    "UPDATE tm_index_state SET indexed_upto = ?1";
// The watermark and the largest token id, read together: the state a
// lookup's caches were filled under.
inline constexpr char kIndexState[] =
    "SELECT (SELECT indexed_upto FROM tm_index_state), "
    "(SELECT coalesce(max(id), 0) FROM tm_token)";
// Every table of the index emptied, the watermark back to 0.
inline constexpr char kClearIndex[] =
    "DELETE FROM tm_posting; DELETE FROM tm_token; "
    "DELETE FROM tm_tokens; DELETE FROM tm_tokens_chunk; "
    "UPDATE tm_index_state SET indexed_upto = 0";
inline constexpr char kMaxUnitId[] = "SELECT coalesce(max(id), 0) FROM tm_unit";
// The units above ?1, ascending; every unit, ascending; how many are above
// ?1.
inline constexpr char kUnitIdsAfter[] =
    "SELECT id FROM tm_unit WHERE id > ?1 ORDER BY id";
inline constexpr char kUnitIds[] = "SELECT id FROM tm_unit ORDER BY id";
inline constexpr char kCountUnitsAfter[] =
    "SELECT count(*) FROM tm_unit WHERE id > ?1";
// The token dictionary: ids are handed out as the largest plus one.
inline constexpr char kMaxTokenId[] =
    "SELECT coalesce(max(id), 0) FROM tm_token";
inline constexpr char kTokens[] = "SELECT id, lang, key FROM tm_token";
inline constexpr char kInsertToken[] =
    "INSERT INTO tm_token (id, lang, key) VALUES (?1, ?2, ?3)";
inline constexpr char kFindToken[] =
    "SELECT id FROM tm_token WHERE lang = ?1 AND key = ?2";
// The tokens of language ?1 with keys in [?2, ?3): the length keys, which
// begin with U+0001, are bound as ?2 "\x01" and ?3 "\x02" rather than
// written (char(1) is SQLite's, chr(1) PostgreSQL's).
inline constexpr char kTokensBetween[] =
    "SELECT key, id FROM tm_token WHERE lang = ?1 AND key >= ?2 AND "
    "key < ?3";
// Postings: a chunk of key ?1 with ?2 postings, as varints (?3) or as a
// bitmap (?4).
inline constexpr char kInsertPosting[] =
    "INSERT INTO tm_posting (key, count, data, bits) VALUES (?1, ?2, ?3, "
    "?4)";
inline constexpr char kKeyFrequency[] =
    "SELECT coalesce(sum(count), 0) FROM tm_posting WHERE key = ?1";
inline constexpr char kKeyPostings[] =
    "SELECT data FROM tm_posting WHERE key = ?1";
// Each chunk of key ?1 once: its bitmap when it has one (then 0), else its
// varints (then 1). coalesce() reads `data` only when `bits` is NULL.
inline constexpr char kKeyPostingsOrBits[] =
    "SELECT coalesce(bits, data), CASE WHEN bits IS NULL THEN 1 ELSE 0 "
    "END FROM tm_posting WHERE key = ?1";
// A variant's tokens (id ?1, language ?2, varints ?3), replaced when the
// variant is indexed again.
inline constexpr char kUpsertVariantTokens[] =
    "INSERT INTO tm_tokens (id, lang, tokens) VALUES (?1, ?2, ?3) ON "
    "CONFLICT (id) DO UPDATE SET lang = excluded.lang, tokens = "
    "excluded.tokens";
// One unit's variants' tokens: ?1 FirstVariantId, ?2 LastVariantId.
inline constexpr char kUnitVariantTokens[] =
    "SELECT lang, tokens FROM tm_tokens WHERE id BETWEEN ?1 AND ?2";
// The variants' tokens of a batch, in language ?1, in chunks.
inline constexpr char kInsertTokensChunk[] =
    "INSERT INTO tm_tokens_chunk (lang, data) VALUES (?1, ?2)";
inline constexpr char kTokensChunkBytes[] =
    "SELECT coalesce(sum(length(data)), 0) FROM tm_tokens_chunk WHERE "
    "lang = ?1";
inline constexpr char kTokensChunks[] =
    "SELECT data FROM tm_tokens_chunk WHERE lang = ?1 ORDER BY id";
// A unit's tuid and time of change (?1 its id).
inline constexpr char kUnitTuidChanged[] =
    "SELECT tuid, changed FROM tm_unit WHERE id = ?1";

// The variants with ids in (?1, ?2], in order: for the units in (a, b],
// ?1 is LastVariantId(a) and ?2 LastVariantId(b).
inline constexpr char kVariantTextsBetween[] =
    "SELECT id, lang, text FROM tm_variant WHERE id > ?1 AND id <= ?2 "
    "ORDER BY id";
// One unit's variants with their skeletons: ?1 FirstVariantId, ?2
// LastVariantId of its id.
inline constexpr char kUnitVariantSkeletons[] =
    "SELECT lang, text, skeleton FROM tm_variant WHERE id BETWEEN ?1 AND ?2 "
    "ORDER BY id";

// -- The concordance (memory/tm/concordance.cc) --

// SQLite: how far the FTS5 index reaches, and the newest unit.
inline constexpr char kConcordanceState[] =
    "SELECT (SELECT indexed_upto FROM tm_concordance_state WHERE id = 1), "
    "(SELECT coalesce(max(id), 0) FROM tm_unit)";
inline constexpr char kConcordanceIndexedUpto[] =
    "SELECT indexed_upto FROM tm_concordance_state WHERE id = 1";
inline constexpr char kCountUnitsBetween[] =
    "SELECT count(*) FROM tm_unit WHERE id BETWEEN ?1 AND ?2";
// Indexes the variants with ids in [?1, ?2].
inline constexpr char kConcordanceIndexVariants[] =
    "INSERT INTO tm_concordance (rowid, text) SELECT id, text FROM "
    "tm_variant WHERE id BETWEEN ?1 AND ?2";
inline constexpr char kConcordanceMark[] =
    "UPDATE tm_concordance_state SET indexed_upto = ?1 WHERE id = 1";
// The variants with ids above ?1, newest first.
inline constexpr char kVariantsAfterNewestFirst[] =
    "SELECT id, unit_id, lang, text FROM tm_variant WHERE id > ?1 "
    "ORDER BY id DESC";
// Every variant newest first, narrowed by the conditions appended to it.
inline constexpr char kScanVariants[] =
    "SELECT id, unit_id, lang, text FROM tm_variant";
// PostgreSQL: a page of variants whose text (folded by the server's
// locale) is like ?1, below id ?2, at most ?3.
inline constexpr char kConcordancePagePostgres[] =
    "SELECT id, unit_id, lang, text FROM tm_variant WHERE (text COLLATE "
    "\"default\") ILIKE ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3";
// SQLite: the variants the FTS5 index gives for the query ?1, newest first.
inline constexpr char kConcordanceMatch[] =
    "SELECT v.id, v.unit_id, v.lang, v.text FROM tm_concordance JOIN "
    "tm_variant AS v ON v.id = tm_concordance.rowid WHERE tm_concordance "
    "MATCH ?1 ORDER BY tm_concordance.rowid DESC";

// -- What the memory holds (memory/tm/tm_stats.cc) --

inline constexpr char kCountVariants[] = "SELECT count(*) FROM tm_variant";
// lang is COLLATE NOCASE: en-US and EN-US count as one language.
inline constexpr char kCountByLanguage[] =
    "SELECT lang, count(*) FROM tm_variant GROUP BY lang ORDER BY 2 DESC, 1";
inline constexpr char kCountByPair[] =
    "SELECT u.source_lang || ' → ' || v.lang, count(*) FROM tm_unit u JOIN "
    "tm_variant v ON v.unit_id = u.id AND v.seq <> u.source_seq GROUP BY "
    "u.source_lang, v.lang ORDER BY 2 DESC, 1";
// Each source with its kind, name, time of import and count of units. An
// XLIFF file is stored as kind 'tmx' (memory/schema/0003_tm.sql allows no
// other) with its version in o_tmf.
inline constexpr char kSourceCounts[] =
    "SELECT CASE WHEN s.o_tmf LIKE 'XLIFF %' THEN 'xliff' ELSE s.kind END, "
    "s.name, s.imported_at, coalesce(n.units, 0) FROM "
    "tm_source s LEFT JOIN (SELECT source_id, count(*) AS units FROM "
    "tm_unit GROUP BY source_id) n ON n.source_id = s.id ORDER BY s.id";
// PostgreSQL: the database's size, and the pages of the tm_ tables with
// their indexes and TOAST.
inline constexpr char kDatabaseBytesPostgres[] =
    "SELECT pg_database_size(current_database())";
inline constexpr char kTmBytesPostgres[] =
    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND "
    "n.nspname = current_schema() AND c.relname LIKE 'tm\\_%'";
// SQLite: the pages of the memory's tables and indexes, from the dbstat
// table (compiled into Debian's SQLite).
inline constexpr char kTmBytesSqlite[] =
    "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'tm\\_%' "
    "ESCAPE '\\' OR name LIKE 'sqlite_autoindex_tm\\_%' ESCAPE '\\'";

}  // namespace sql
}  // namespace onoma::tm::format

#endif  // ONOMA_MEMORY_TM_TM_FORMAT_H_
