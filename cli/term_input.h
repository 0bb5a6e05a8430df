// The term store as lib/normalize sees it: `onoma normalize` compiles it
// into a Matcher, `onoma tm lookup` into a NameFinder for substitution,
// both through the compiled name index kept beside a SQLite database.

#ifndef ONOMA_CLI_TERM_INPUT_H_
#define ONOMA_CLI_TERM_INPUT_H_

#include <string>

#include "lib/normalize/input.h"
#include "lib/util/status.h"
#include "memory/sqlite/database.h"
#include "memory/store/connection.h"
#include "memory/terms/name_index.h"
#include "memory/terms/term_store.h"

namespace onoma::cli {

// Every concept of `store` with its terms and negative contexts. Memory
// grows with the store, which a Matcher compiled from it holds anyway.
[[nodiscard]] Result<normalize::Input> ReadStore(terms::TermStore& store);

// The store's names compiled, from the name index beside the database when
// it is current, else compiled and written there (memory/terms/
// name_index.h). When they cannot be kept (a read-only database), says so
// once on stderr, as `what` ("normalize").
[[nodiscard]] Result<terms::NameIndex> OpenNames(
    sqlite::Database& db, const std::string& what,
    const terms::NameIndexOptions& options = {});
// The same through the storage seam: a SQLite store as above; a store on
// another engine (PostgreSQL), which has no file beside it, has its names
// compiled in memory at every run (docs/terms.md).
[[nodiscard]] Result<terms::NameIndex> OpenNames(
    store::Connection& db, const std::string& what,
    const terms::NameIndexOptions& options = {});

}  // namespace onoma::cli

#endif  // ONOMA_CLI_TERM_INPUT_H_
