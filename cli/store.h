// Opening the store for a command: the --db path rules of DESIGN.md, the
// schema created or upgraded, errors as Status (exit 4 through Fail()).

#ifndef ONOMA_CLI_STORE_H_
#define ONOMA_CLI_STORE_H_

#include "cli/options.h"
#include "lib/util/status.h"
#include "memory/sqlite/database.h"

namespace onoma::cli {

// Opens (creating and migrating as needed) the database the options name.
Result<sqlite::Database> OpenStore(const Options& options);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_STORE_H_
