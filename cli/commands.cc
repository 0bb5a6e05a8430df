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
    case Command::kTermAdd:
      return RunTermAdd(options);
    case Command::kTermEdit:
      return RunTermEdit(options);
    case Command::kTermRemove:
      return RunTermRemove(options);
    case Command::kTermList:
      return RunTermList(options);
    case Command::kTermImport:
      return RunTermImport(options);
    case Command::kTermExport:
      return RunTermExport(options);
    case Command::kTermLookup:
      return RunTermLookup(options);
    case Command::kSegment:
      return RunSegment(options);
    case Command::kNormalize:
      return RunNormalize(options);
    case Command::kTmAlign:
      return RunTmAlign(options);
    case Command::kTmImport:
      return RunTmImport(options);
    case Command::kTmExport:
      return RunTmExport(options);
    case Command::kTmAdd:
      return RunTmAdd(options);
    case Command::kTmLookup:
      return RunTmLookup(options);
    case Command::kTmIndex:
      return RunTmIndex(options);
    case Command::kTmStats:
      return RunTmStats(options);
    case Command::kTmConcordance:
      return RunTmConcordance(options);
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
