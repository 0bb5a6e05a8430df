// Status and Result: how onoma reports failure without exceptions.
//
// Every library function that can fail on bad input, a missing file or a busy
// database returns a Status (no value) or a Result<T> (a value or a Status).
// Exceptions never cross the library boundary; the CLI maps the few codes
// below to its exit codes in one place (cli/exit_codes.cc).
//
//   onoma::Result<Scheme> scheme = LoadScheme(id);
//   if (!scheme.ok()) return scheme.status().WithContext("--scheme");
//   Use(*scheme);
//
//   onoma::Status s = onoma::Status::BadInput("<tu> has no <tuv>")
//                         .At({"news.tmx", 112, 7, 4031});
//   s.ToString();  // "news.tmx:112:7: <tu> has no <tuv>"
//
// Thread safety: Status and Result are values; distinct objects may be used
// from distinct threads, as with std::string.

#ifndef ONOMA_LIB_UTIL_STATUS_H_
#define ONOMA_LIB_UTIL_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace onoma {

// The few failure kinds a user can act on. Each maps to one exit code of the
// `onoma` command (docs/cli.md, "Exit codes").
enum class StatusCode : std::uint8_t {
  kOk = 0,
  kBadArgument,  // the caller asked for something that cannot be: exit 2
  kBadInput,     // malformed file, invalid UTF-8, bad table: exit 3
  kNotFound,     // unknown scheme id, missing concept: exit 2 or 3 by context
  kIo,           // a file could not be read or written: exit 3
  kDatabase,     // SQLite refused: exit 4
  kInternal,     // a bug in onoma: exit 4
};

// Where in a file or text a fault lies. line and column are 1-based and
// count code points; byte_offset is 0-based. Zero means "not known".
struct Location {
  std::string path;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
  std::uint64_t byte_offset = 0;
};

class [[nodiscard]] Status {
 public:
  // Success.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status BadArgument(std::string message) {
    return Status(StatusCode::kBadArgument, std::move(message));
  }
  static Status BadInput(std::string message) {
    return Status(StatusCode::kBadInput, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status Io(std::string message) {
    return Status(StatusCode::kIo, std::move(message));
  }
  static Status Database(std::string message) {
    return Status(StatusCode::kDatabase, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::optional<Location>& location() const { return location_; }
  // The offending text, when known (an invalid byte sequence in hex, a
  // table line), for the user to find the fault.
  const std::string& snippet() const { return snippet_; }

  // Returns a copy that records where the fault lies.
  Status At(Location location) const&;
  Status At(Location location) &&;
  // Returns a copy that carries the offending text.
  Status WithSnippet(std::string snippet) &&;
  // Returns a copy whose message is prefixed with "context: ".
  Status WithContext(std::string_view context) const&;
  Status WithContext(std::string_view context) &&;

  // "path:line:column: message" (the parts that are known), then
  // " (near: snippet)" when a snippet is set.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<Location> location_;
  std::string snippet_;
};

// A value of type T, or the Status that says why there is none.
// REQUIRES: a Result built from a Status is built from a failed one.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)                         // NOLINT: implicit by design
      : data_(std::move(status)) {
    if (std::get<Status>(data_).ok()) {
      data_ = Status::Internal("Result built from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(data_); }

  // The failure; Status::Ok() when a value is held.
  Status status() const {
    if (ok()) return Status::Ok();
    return std::get<Status>(data_);
  }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace onoma

// Returns from the enclosing function when `expr` (a Status) failed.
#define ONOMA_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::onoma::Status onoma_status_ = (expr);        \
    if (!onoma_status_.ok()) return onoma_status_; \
  } while (false)

#endif  // ONOMA_LIB_UTIL_STATUS_H_
