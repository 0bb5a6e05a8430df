// The files a command writes must never be the files it reads or the
// database: `normalize --report a.txt a.txt` or `tm export m.db` with
// --db m.db would destroy the very thing the user asked to read.
//
// Every command that writes a named file (normalize --report and
// --in-place, tm export, term export, tm align --output) asks
// CheckOutputPath() first, then writes through an AtomicFile
// (lib/util/atomic_file.h). Tested by tests/cli/output_safety_cli_test.cc.
//
// Plain functions; they stat the files and resolve paths, nothing more.

#ifndef ONOMA_CLI_OUTPUT_PATH_H_
#define ONOMA_CLI_OUTPUT_PATH_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "lib/util/status.h"

namespace onoma::cli {

// Whether `a` and `b` name the same file: the same device and inode when
// both exist, else the same path once symbolic links, "." and ".." are
// resolved (a file about to be created, such as a database's -wal).
bool SameFile(const std::filesystem::path& a, const std::filesystem::path& b);

// The database the options name (--db, $ONOMA_DB or the default), without
// creating anything; nullopt when no rule gives one or it is ":memory:".
std::optional<std::filesystem::path> StorePath(const Options& options);

// OK when `output` is none of `inputs` and neither the database `db` nor
// its -wal, -shm or -journal file or its name index (.names). "-"
// (standard input or output) is never compared. Failure: kBadArgument
// (exit 2) naming both files.
[[nodiscard]] Status CheckOutputPath(
    const std::string& output, const std::vector<std::string>& inputs,
    const std::optional<std::filesystem::path>& db);

// OK unless standard output is a regular file that is one of `inputs`
// (`onoma normalize a.txt >> a.txt` would read its own output forever).
// Failure: kBadArgument (exit 2) naming the input.
[[nodiscard]] Status CheckStandardOutput(
    const std::vector<std::string>& inputs);

// `status` with the English words that AtomicFile (lib/util/atomic_file.h)
// and the TMX and term file writers put first ("cannot write the output:
// File too large") in the user's language; any other status as it is.
[[nodiscard]] Status TranslateFileError(const Status& status);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_OUTPUT_PATH_H_
