// Where the database lives when the user does not say: the rules of
// docs/cli.md (--db, else $ONOMA_DB, else the XDG data directory).
//
//   1. --db PATH, when given;
//   2. else $ONOMA_DB, when set and not empty;
//   3. else $XDG_DATA_HOME/onoma/onoma.db, when XDG_DATA_HOME is set to an
//      absolute path (the XDG Base Directory spec says to ignore a relative
//      one);
//   4. else $HOME/.local/share/onoma/onoma.db.
//
//   onoma::Result<std::filesystem::path> path =
//       PrepareDbPath(options.db, Env::Process());
//   if (!path.ok()) return path.status();
//   auto db = Database::Open(*path);
//
// Only the defaults of rules 3 and 4 get their directories created (by
// PrepareDbPath or EnsureParentDirectory, which the CLI calls only for a
// command that writes and so creates the database): a path
// the user named (--db, $ONOMA_DB) in a directory that does not exist is
// more likely a typo than a wish, so opening it fails with a clear kDatabase
// error instead ("onoma --db /nonexistent-dir/x.db tm stats" exits 4).
//
// Thread safety: Env::Process() reads the environment with getenv, which
// races with setenv in another thread; otherwise these are plain functions.

#ifndef ONOMA_MEMORY_SQLITE_DB_PATH_H_
#define ONOMA_MEMORY_SQLITE_DB_PATH_H_

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "lib/util/status.h"

namespace onoma::sqlite {

// The environment variables the path rules read. A value type: tests build
// one from a map instead of changing the process's environment, which
// other tests running in the same process would see.
class Env {
 public:
  // Reads the process environment.
  static Env Process() { return Env(std::nullopt); }
  // Only `vars`; everything else is unset.
  static Env FromMap(std::map<std::string, std::string, std::less<>> vars) {
    return Env(std::move(vars));
  }

  // The variable's value; nullopt when unset. An empty value is returned as
  // "" (the rules above treat it as unset).
  std::optional<std::string> Get(std::string_view name) const;

 private:
  explicit Env(
      std::optional<std::map<std::string, std::string, std::less<>>> vars)
      : vars_(std::move(vars)) {}

  // nullopt: the process environment.
  std::optional<std::map<std::string, std::string, std::less<>>> vars_;
};

// Which of the rules above gave the path: what `onoma info` reports.
enum class DbPathSource { kFlag, kOnomaDb, kXdgDataHome, kHome };

struct DbLocation {
  std::filesystem::path path;
  DbPathSource source;
};

// Applies the rules above and says which one gave the path. Creates
// nothing. Failure: as ResolveDbPath.
[[nodiscard]] Result<DbLocation> LocateDb(
    std::optional<std::string> explicit_path, const Env& env = Env::Process());

// Applies the rules above. `explicit_path` is --db's argument. Creates
// nothing. Failure: kBadArgument when --db is given empty, or when no rule
// applies (neither ONOMA_DB, XDG_DATA_HOME nor HOME is set).
[[nodiscard]] Result<std::filesystem::path> ResolveDbPath(
    std::optional<std::string> explicit_path, const Env& env = Env::Process());

// Creates the directory that will hold `db_path`, and its parents, when
// missing. Does nothing for ":memory:" or a path without a directory part.
// Failure: kIo with the directory and the system's reason.
[[nodiscard]] Status EnsureParentDirectory(
    const std::filesystem::path& db_path);

// ResolveDbPath, then EnsureParentDirectory when (and only when) the path
// came from rule 3 or 4. What the CLI calls before Database::Open.
[[nodiscard]] Result<std::filesystem::path> PrepareDbPath(
    std::optional<std::string> explicit_path, const Env& env = Env::Process());

}  // namespace onoma::sqlite

#endif  // ONOMA_MEMORY_SQLITE_DB_PATH_H_
