// The file side of `onoma normalize` (cli/normalize_command.cc): the JSON
// Lines report and atomic in-place rewriting. Lines are read by LineReader
// (lib/util/line_reader.h), with a look-ahead for language detection.
//
// Not thread-safe; the command runs on one thread.

#ifndef ONOMA_CLI_NORMALIZE_IO_H_
#define ONOMA_CLI_NORMALIZE_IO_H_

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "lib/normalize/document.h"
#include "lib/util/line_reader.h"
#include "lib/util/status.h"

namespace onoma::cli {

// One JSON Lines record (with its '\n') for a finding in `file`.
std::string ChangeJson(std::string_view file, const normalize::Change& c);

// Whether `path` may be overwritten by a report: it does not exist, is
// empty, is not a regular file (/dev/stdout), or begins as ChangeJson()
// records do.
bool LooksLikeReport(const std::string& path);

// Runs `write` from `path` into an AtomicFile (lib/util/atomic_file.h)
// for `path`, then (on success) commits it: synced, with the original's
// permissions, the original linked (or copied) to PATH~ when `backup`,
// renamed over `path`. On any failure the temporary file is removed and
// `path` is untouched; failure is kIo with the system's reason (No space
// left on device), in the user's language.
//
// The temporary is named .NAME.onoma-PID-XXXXXX. SIGINT, SIGTERM and
// SIGHUP remove it before ending the process as they would have (main
// installs the handler); what SIGKILL leaves is removed by the next run
// writing in that directory, which removes every such file whose PID is
// no longer a process.
//
// A symbolic link stays a link: the file it points to is rewritten (in
// its own directory, its backup beside it).
[[nodiscard]] Status RewriteInPlace(
    const std::string& path, bool backup,
    const std::function<Status(LineReader&, FILE*)>& write);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_NORMALIZE_IO_H_
