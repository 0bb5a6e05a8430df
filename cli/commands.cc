#include "cli/commands.h"

#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "memory/sqlite/database.h"
#include "memory/sqlite/db_path.h"

namespace onoma::cli {
namespace {

// Whether the command keeps its data in the store.
bool UsesStore(Command command) {
  switch (command) {
    case Command::kNone:
    case Command::kRomanize:
    case Command::kSegment:
      return false;
    default:
      return true;
  }
}

}  // namespace

int Run(const Options& options) {
  switch (options.command) {
    case Command::kRomanize:
      return RunRomanize(options);
    case Command::kNone:
      return kExitUsage;
    default:
      break;
  }
  if (UsesStore(options.command)) {
    // Open (and create or upgrade) the store first, so that a bad --db is
    // reported as such whatever the command.
    auto path = sqlite::PrepareDbPath(options.db);
    if (!path.ok()) return Fail("--db", path.status());
    auto db = sqlite::Database::Open(*path);
    if (!db.ok()) return Fail(options.command_name, db.status());
  }
  return Fail(options.command_name,
              Status::BadArgument(Tr("this command is not implemented yet")));
}

}  // namespace onoma::cli
