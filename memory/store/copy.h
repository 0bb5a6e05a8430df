// Copying a whole store from one database to another, on either engine:
// the term store and the translation memory, row for row, ids kept
// (docs/shared-store.md, "Moving a store"). `onoma db copy` runs it.
//
//   auto from = store::Open("news.db", {.read_only = true, .create = false});
//   auto to = store::Open("postgresql:///onoma?host=/run/pg", {});
//   store::CopyOptions options;
//   options.verify = [&] { return CompareExports(**from, **to); };
//   Result<store::CopySummary> copied = store::CopyStore(**from, **to,
//                                                        options);
//
// What is copied: the tables that hold what a user stored (CopiedTables):
// concepts, terms, negative contexts, the memory's sources with their
// headers, units, variants, notes and props. What is not: the indexes
// derived from them (the memory's lookup postings and token lists, SQLite's
// concordance index), which the destination builds again on first use,
// and `meta` (the destination keeps its own schema version and creation
// date).
//
// All of it in one transaction on the destination, reading one snapshot
// of the source: a failure anywhere (a row the destination refuses, a
// lost connection, `verify` failing) leaves the destination as it was.

#ifndef ONOMA_MEMORY_STORE_COPY_H_
#define ONOMA_MEMORY_STORE_COPY_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"
#include "memory/store/connection.h"

namespace onoma::store {

// The tables a copy carries, in the order it writes them (a row's parent
// before the row).
std::span<const std::string_view> CopiedTables();
// The tables a copy leaves behind: indexes and state the destination
// derives again from the copied tables. With CopiedTables and `meta`, every
// table of the schema (tests/store/copy_test.cc checks it).
std::span<const std::string_view> DerivedTables();

struct TableCount {
  std::string table;
  std::uint64_t rows = 0;
};

// The rows of each of CopiedTables in `db`, in that order, read in one
// snapshot. Failure: kDatabase.
[[nodiscard]] Result<std::vector<TableCount>> CountRows(Connection& db);

struct CopyProgress {
  std::string_view table;        // the table being copied
  std::uint64_t rows_done = 0;   // rows of every table copied so far
  std::uint64_t rows_total = 0;  // rows of every table to copy
};

struct CopyOptions {
  // Empty the destination first (in the same transaction) rather than
  // refuse one that holds anything. Default: false.
  bool replace = false;
  // Called after each batch of rows (a few thousand). May be empty.
  std::function<void(const CopyProgress&)> progress;
  // Called when every row is written, before the destination's transaction
  // commits, with the source's snapshot still open: a failure rolls the
  // copy back and is returned. May be empty.
  std::function<Status()> verify;
};

struct CopySummary {
  std::vector<TableCount> source;       // rows per table in the source
  std::vector<TableCount> destination;  // and in the destination, after
};

// Copies every row of CopiedTables from `source` to `destination`, keeping
// ids, in one transaction on the destination, then compares the two
// stores' counts table by table and runs options.verify. Success: the
// counts, equal. Failure: kDatabase for a destination that is not empty
// (without options.replace), is read-only, is the source, whose schema
// differs from the source's, or that refuses a row; kDatabase naming the
// table for a count that differs; the status of options.verify. The
// destination is then as it was.
// REQUIRES: both opened with migrations (the same schema: this onoma's).
// Thread safety: none; the two connections are used from this thread.
[[nodiscard]] Result<CopySummary> CopyStore(Connection& source,
                                            Connection& destination,
                                            const CopyOptions& options);

}  // namespace onoma::store

#endif  // ONOMA_MEMORY_STORE_COPY_H_
