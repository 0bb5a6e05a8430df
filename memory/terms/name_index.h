// The compiled name index: the term store's names compiled for normalize
// and translation-memory lookup (lib/normalize/matcher.h), kept on disk
// beside the database so that a command maps them and starts at once
// instead of compiling 100k concepts at every start (docs/terms.md, "The
// compiled name index").
//
//   auto index = terms::OpenNameIndex(db, [&] { return ReadInput(db); });
//   if (!index.ok()) return index.status();
//   normalize::NameFinder::Create(index->matcher) ...
//   if (!index->not_kept.empty()) ... say once why it lives in memory
//
// The index is the file NameIndexPath(db): the Matcher's image
// (lib/normalize/compiled_image_internal.h) stamped with the store's id
// and the version of its terms, which every write to the terms bumps in
// the same transaction (memory/schema/0006_term_version.sql). It is read
// only when whole and current: size, checksum, byte order, the build of
// onoma that made it, the store and the version must all agree, else it
// is compiled again from the store and written anew. Writing goes to a
// temporary file in the same directory, renamed over the index once
// complete, so that a reader never sees half of one and two processes
// building at once leave one good index. The file is not synced: it is
// derived data, and one cut short by a crash fails its checks and is
// rebuilt.
//
// The checksum reads every byte of the index, which from a cold page
// cache is most of a start-up at 100k concepts. So once an index has
// passed it, the file's identity (device, inode, size, modification and
// change times) is noted in "<index>.checked", and a later open that finds
// the file unchanged checks the header alone. Any write to the file, a
// rename over it or a copy changes its change time, which no program can
// set back; an identity is noted only for a file last changed at least
// `settle` before, so that a write within the file system clock's last
// tick cannot pass for no change. What the note cannot see is damage
// below the file system (a bad sector), as with any file onoma maps. A
// read-only database notes nothing and checks in full at every open.
//
// A database that may not be written (read-only, --read-only, a directory
// that refuses the file) gets its names compiled in memory, and
// `not_kept` says why.
//
// Thread safety: as the Database. The Matcher returned may be shared.
// Tested by tests/terms/name_index_test.cc and
// tests/cli/term_index_cli_test.cc.

#ifndef ONOMA_MEMORY_TERMS_NAME_INDEX_H_
#define ONOMA_MEMORY_TERMS_NAME_INDEX_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "lib/normalize/input.h"
#include "lib/normalize/matcher.h"
#include "lib/util/status.h"
#include "memory/sqlite/database.h"

namespace onoma::terms {

struct NameIndexOptions {
  // Compile and write the index even when the one on disk is current, and
  // even for a store without concepts (onoma term index --rebuild).
  // Default: false.
  bool rebuild = false;
  // Write an index for a store without concepts too (onoma term index).
  // Default: false: an empty store compiles in no time, and a command
  // that merely reads it leaves no file behind.
  bool keep_empty = false;
  // How long ago the index must have last changed for its identity to be
  // noted as checked (above). Default: 2 s, well over the coarsest clock
  // tick of Linux file systems; tests set it to zero.
  std::chrono::nanoseconds settle = std::chrono::seconds(2);
};

struct NameIndex {
  normalize::Matcher matcher;
  // Where the index is kept; empty for a database in memory.
  std::filesystem::path path;
  // How the matcher came: mapped from the index, or compiled now.
  bool mapped = false;
  // Compiled now: why the index on disk was not used ("no index yet",
  // "made at version 12 of the term store, which is now at 14", "the
  // checksum does not match", ...).
  std::string rebuilt_because;
  // Compiled now and not written: why ("the database is opened
  // read-only", "cannot write /x/onoma.db.names: Permission denied");
  // empty when it was written, or when there is nowhere to write it (a
  // database in memory, an empty store).
  std::string not_kept;
  // Bytes of the index (of the image, when it was not written).
  std::uint64_t size = 0;
  // Mapped, and its checksum read at this open (false: the file was
  // noted as checked and is unchanged since).
  bool checksum_read = false;
};

// The index file of the database at `db_path`: "<db_path>.names".
std::filesystem::path NameIndexPath(const std::filesystem::path& db_path);
// Where the identity of an index that passed its checksum is noted:
// "<index>.checked".
std::filesystem::path NameIndexCheckedPath(
    const std::filesystem::path& index_path);

// The store's names, from the index when it is current, else compiled from
// `read_input` (called inside the read snapshot in which the store's
// version is read, so that the index is stamped with the version of the
// terms it holds) and written as the index where the database allows.
// Failure: what `read_input` or the compiler returns; kDatabase when the
// store's version cannot be read. A damaged, stale or unwritable index is
// no failure.
[[nodiscard]] Result<NameIndex> OpenNameIndex(
    sqlite::Database& db,
    const std::function<Result<normalize::Input>()>& read_input,
    const NameIndexOptions& options = {});

// The store's id and the version of its terms, as an index is stamped.
[[nodiscard]] Result<normalize::ImageKey> ReadNameIndexKey(
    sqlite::Database& db);

}  // namespace onoma::terms

#endif  // ONOMA_MEMORY_TERMS_NAME_INDEX_H_
