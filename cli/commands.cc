#include "cli/commands.h"

#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/store.h"
#include "memory/sqlite/db_path.h"

namespace onoma::cli {

Result<sqlite::Database> OpenStore(const Options& options) {
  auto path = sqlite::PrepareDbPath(options.db);
  if (!path.ok()) return path.status().WithContext("--db");
  return sqlite::Database::Open(*path);
}

int Run(const Options& options) {
  switch (options.command) {
    case Command::kRomanize:
      return RunRomanize(options);
    case Command::kNone:
      return kExitUsage;
    // Each command added here: `case Command::kX: return RunX(options);`
    default:
      break;
  }
  if (options.command != Command::kSegment) {
    // Open (and create or upgrade) the store first, so that a bad --db is
    // reported as such whatever the command.
    auto db = OpenStore(options);
    if (!db.ok()) return Fail(options.command_name, db.status());
  }
  return Fail(options.command_name,
              Status::BadArgument(Tr("this command is not implemented yet")));
}

}  // namespace onoma::cli
