// The parts of lib/util/atomic_file.cc that its tests reach into; not for
// use elsewhere.

#ifndef ONOMA_LIB_UTIL_ATOMIC_FILE_INTERNAL_H_
#define ONOMA_LIB_UTIL_ATOMIC_FILE_INTERNAL_H_

#include <string>
#include <string_view>

#include "lib/util/status.h"

namespace onoma::internal {

// Whether `name` is an AtomicFile temporary, ".NAME.onoma-PID-XXXXXX", or
// one of the TMX writer of earlier versions, ".NAME.onoma-PID-N.tmp";
// sets `pid` when it is.
bool ParseTempName(std::string_view name, long& pid);

// Removes the temporaries in `dir` ("" or ending in '/') whose process no
// longer exists. A live process's (this one's too), a non-regular file and
// a name of another form are kept. Returns how many were removed.
int RemoveStaleTemporaries(const std::string& dir);

// link(2), or a stand-in for tests.
using LinkFunction = int (*)(const char* from, const char* to);

// Keeps `path` as `backup`: removes `backup`, then links `path` to it, or,
// where `link_file` fails because the file system cannot link (EXDEV,
// EPERM, ENOTSUP, EMLINK), copies it there through an AtomicFile with the
// same permissions. kIo naming `backup` on failure.
[[nodiscard]] Status KeepBackup(const std::string& path,
                                const std::string& backup,
                                LinkFunction link_file);

}  // namespace onoma::internal

#endif  // ONOMA_LIB_UTIL_ATOMIC_FILE_INTERNAL_H_
