// onoma db copy SRC DST: a whole store from one database to another, on
// either engine (docs/shared-store.md, "Moving a store"). The rows go over
// in one transaction on DST (memory/store/copy.h); before it commits, the
// copy is checked by its counts per table and by exporting the memory as
// TMX and the term store as TBX from both sides and comparing the bytes.
// Any difference, or any failure, rolls DST back. Tested by
// tests/cli/db_copy_cli_test.cc.

#include <stdlib.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/options_internal.h"
#include "cli/terminal.h"
#include "memory/formats/term_files.h"
#include "memory/store/copy.h"
#include "memory/store/open.h"
#include "memory/terms/term_store.h"
#include "memory/tm/translation_memory.h"

namespace onoma::cli {
namespace {

namespace fs = std::filesystem;

std::chrono::milliseconds BusyTimeout(const Options& options) {
  return std::chrono::milliseconds(
      static_cast<long long>(std::max(0.0, options.busy_timeout) * 1000));
}

// A directory of its own for the two stores' exports, removed when this
// goes.
class ScratchDir {
 public:
  static Result<ScratchDir> Make() {
    std::error_code error;
    fs::path base = fs::temp_directory_path(error);
    if (error) base = "/tmp";
    std::string pattern = (base / "onoma-db-copy-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::Io(Format(Tr("cannot make a directory in {0} for the "
                                  "exports that check the copy"),
                               {base.string()}));
    }
    return ScratchDir(pattern);
  }
  ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  ScratchDir& operator=(ScratchDir&&) = delete;
  ~ScratchDir() {
    if (path_.empty()) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit ScratchDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

// Whether the two files hold the same bytes.
Result<bool> SameBytes(const fs::path& a, const fs::path& b) {
  std::ifstream first(a, std::ios::binary);
  std::ifstream second(b, std::ios::binary);
  if (!first || !second) {
    return Status::Io(Format(Tr("cannot read back the export {0}"),
                             {(!first ? a : b).string()}));
  }
  std::vector<char> x(1 << 16);
  std::vector<char> y(1 << 16);
  for (;;) {
    first.read(x.data(), static_cast<std::streamsize>(x.size()));
    second.read(y.data(), static_cast<std::streamsize>(y.size()));
    if (first.gcount() != second.gcount()) return false;
    if (!std::equal(x.begin(), x.begin() + first.gcount(), y.begin())) {
      return false;
    }
    if (first.gcount() == 0 || !first || !second) {
      return first.eof() == second.eof();
    }
  }
}

// What the exports of the two stores showed.
struct Exports {
  std::uint64_t units = 0;
};

// Exports the memory (TMX) and the term store (TBX) of each store and
// compares them; kDatabase naming the export that differs.
Status CompareExports(store::Connection& source, store::Connection& destination,
                      Exports& exports) {
  auto dir = ScratchDir::Make();
  if (!dir.ok()) return dir.status();
  tm::ExportOptions tmx;
  tmx.defaults.creationtoolversion = ONOMA_VERSION;
  const fs::path tmx_a = dir->path() / "source.tmx";
  const fs::path tmx_b = dir->path() / "destination.tmx";
  auto a = tm::TranslationMemory(source).Export(tmx_a, tmx);
  if (!a.ok()) return a.status();
  auto b = tm::TranslationMemory(destination).Export(tmx_b, tmx);
  if (!b.ok()) return b.status();
  exports.units = a->units;
  auto same = SameBytes(tmx_a, tmx_b);
  if (!same.ok()) return same.status();
  if (!*same) {
    return Status::Database(
        Format(Tr("the copy's memory exports as other TMX than {0}'s; "
                  "{1} was left as it was"),
               {source.name(), destination.name()}));
  }
  const fs::path tbx_a = dir->path() / "source.tbx";
  const fs::path tbx_b = dir->path() / "destination.tbx";
  terms::TermStore from(source);
  ONOMA_RETURN_IF_ERROR(formats::WriteTermFile(tbx_a.string(), from));
  terms::TermStore to(destination);
  ONOMA_RETURN_IF_ERROR(formats::WriteTermFile(tbx_b.string(), to));
  same = SameBytes(tbx_a, tbx_b);
  if (!same.ok()) return same.status();
  if (!*same) {
    return Status::Database(
        Format(Tr("the copy's term store exports as other TBX than {0}'s; "
                  "{1} was left as it was"),
               {source.name(), destination.name()}));
  }
  return Status::Ok();
}

std::uint64_t RowsOf(const std::vector<store::TableCount>& counts,
                     std::string_view table) {
  for (const store::TableCount& count : counts) {
    if (count.table == table) return count.rows;
  }
  return 0;
}

// A SQLite file made for the copy, removed again (with its journal) when
// the copy fails, so that a failed copy leaves nothing behind.
class MadeFile {
 public:
  explicit MadeFile(fs::path path) : path_(std::move(path)) {}
  ~MadeFile() {
    if (path_.empty()) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::remove(path_.string() + suffix, ignored);
    }
  }
  void Keep() { path_.clear(); }

 private:
  fs::path path_;
};

// Refuses a source that is not there and a destination that is the
// source. Returns whether the destination is a file that the copy makes.
Result<bool> CheckCopyPaths(const DbCopyArgs& args) {
  const bool source_pg = store::IsPostgresUri(args.source);
  std::error_code error;
  if (!source_pg && !fs::exists(args.source, error)) {
    return Status::Database(
        Format(Tr("no database at {0} to copy"), {args.source}));
  }
  if (store::IsPostgresUri(args.destination)) return false;
  error.clear();
  const bool made = !fs::exists(args.destination, error) && !error;
  if (!source_pg && !made &&
      fs::equivalent(args.source, args.destination, error)) {
    return Status::BadArgument(Format(Tr("{0} and {1} are the same database"),
                                      {args.source, args.destination}));
  }
  return made;
}

// Refuses a destination that holds a store, unless --replace. Said here
// with what it holds; CopyStore refuses it again inside its transaction,
// for a writer that fills it meanwhile.
Status CheckEmpty(store::Connection& destination) {
  auto held = store::CountRows(destination);
  if (!held.ok()) return held.status();
  std::uint64_t rows = 0;
  for (const store::TableCount& count : *held) rows += count.rows;
  if (rows == 0) return Status::Ok();
  return Status::Database(Format(
      Tr("{0} is not empty ({1} concepts, {2} memory units); copy into a "
         "new or empty database, or add --replace to empty it first"),
      {destination.name(), std::to_string(RowsOf(*held, "concept")),
       std::to_string(RowsOf(*held, "tm_unit"))}));
}

// What was copied, table by table, and what was checked.
std::string CopyReport(const store::Connection& source,
                       const store::Connection& destination,
                       const store::CopySummary& summary,
                       const Exports& exports) {
  std::string out =
      Format(Tr("copied {0} to {1}:"), {source.name(), destination.name()}) +
      '\n';
  for (const store::TableCount& count : summary.destination) {
    std::string rows = std::to_string(count.rows);
    out += "  " + count.table +
           std::string(count.table.size() < 20 ? 20 - count.table.size() : 1,
                       ' ') +
           std::string(rows.size() < 10 ? 10 - rows.size() : 0, ' ') + rows +
           '\n';
  }
  out += Format(Tr("checked: every table holds as many rows in both, and "
                   "both export the same TMX ({0} units) and the same TBX "
                   "({1} concepts), byte for byte"),
                {std::to_string(exports.units),
                 std::to_string(RowsOf(summary.destination, "concept"))}) +
         '\n';
  return out;
}

Status Copy(const Options& options) {
  const DbCopyArgs& args = options.db_copy;
  auto made = CheckCopyPaths(args);
  if (!made.ok()) return made.status();

  store::OpenOptions read;
  read.read_only = true;
  read.create = false;
  read.busy_timeout = BusyTimeout(options);
  auto source = store::Open(args.source, read);
  if (!source.ok()) return source.status();

  store::OpenOptions write;
  write.busy_timeout = BusyTimeout(options);
  std::unique_ptr<MadeFile> made_file;
  if (*made) made_file = std::make_unique<MadeFile>(args.destination);
  auto destination = store::Open(args.destination, write);
  if (!destination.ok()) return destination.status();
  if (*made) {
    std::cerr << "onoma: "
              << Format(Tr("created the database {0}"), {args.destination})
              << '\n';
  }
  if (!args.replace) ONOMA_RETURN_IF_ERROR(CheckEmpty(**destination));

  ProgressLine progress(Tr("copying the store: {0}%"));
  store::CopyOptions copy;
  copy.replace = args.replace;
  copy.progress = [&](const store::CopyProgress& p) {
    progress.Update(p.rows_done, p.rows_total);
  };
  Exports exports;
  copy.verify = [&] {
    return CompareExports(**source, **destination, exports);
  };
  auto summary = store::CopyStore(**source, **destination, copy);
  if (!summary.ok()) return summary.status();
  if (made_file) made_file->Keep();
  std::fputs(CopyReport(**source, **destination, *summary, exports).c_str(),
             stdout);
  return Status::Ok();
}

}  // namespace

int RunDbCopy(const Options& options) {
  Status copied = Copy(options);
  if (!copied.ok()) return Fail(options.command_name, copied);
  return kExitOk;
}

// The command line of db (the rows of cli/command_table.cc).

CLI::App* DefineDbGroup(CLI::App& app, Options& /*opts*/) {
  CLI::App* db_group =
      Sub(app, "db",
          Tr("Move a whole store from one database to another (SQLite or "
             "PostgreSQL)"),
          "  onoma db copy news.db postgresql://onoma_desk@db.desk/onoma\n");
  db_group->require_subcommand(1);
  return db_group;
}

CLI::App* DefineDbCopy(CLI::App& db, Options& opts) {
  CLI::App* db_copy =
      Sub(db, "copy",
          Tr("Copy the term store and the memory of SRC into DST, which "
             "must be empty, in one transaction, and check the copy"),
          "  onoma db copy news.db postgresql:///onoma?host=/run/postgresql\n"
          "  onoma db copy postgresql://db.desk/onoma backup.db\n");
  db_copy
      ->add_option("source", opts.db_copy.source,
                   Tr("The store to copy: a SQLite file or a PostgreSQL URI"))
      ->required()
      ->type_name(Tr("SRC"));
  db_copy
      ->add_option("destination", opts.db_copy.destination,
                   Tr("Where to copy it: a SQLite file (made if it is not "
                      "there) or a PostgreSQL URI"))
      ->required()
      ->type_name(Tr("DST"));
  db_copy->add_flag("--replace", opts.db_copy.replace,
                    Tr("Empty DST first when it holds a store (in the same "
                       "transaction as the copy)"));
  return db_copy;
}

}  // namespace onoma::cli
