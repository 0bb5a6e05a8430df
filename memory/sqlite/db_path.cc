#include "memory/sqlite/db_path.h"

#include <cstdlib>
#include <system_error>
#include <utility>

namespace onoma::sqlite {
namespace {

// A variable that is set and not empty; POSIX shells make "unset" and
// "empty" hard to tell apart, and the XDG spec treats them alike.
std::optional<std::string> NonEmpty(const Env& env, std::string_view name) {
  std::optional<std::string> value = env.Get(name);
  if (value.has_value() && value->empty()) return std::nullopt;
  return value;
}

}  // namespace

Result<DbLocation> LocateDb(std::optional<std::string> explicit_path,
                            const Env& env) {
  if (explicit_path.has_value()) {
    if (explicit_path->empty()) {
      return Status::BadArgument("--db: the database path is empty");
    }
    return DbLocation{std::move(*explicit_path), DbPathSource::kFlag};
  }
  if (std::optional<std::string> onoma_db = NonEmpty(env, "ONOMA_DB")) {
    return DbLocation{std::move(*onoma_db), DbPathSource::kOnomaDb};
  }
  if (std::optional<std::string> xdg = NonEmpty(env, "XDG_DATA_HOME")) {
    std::filesystem::path base(std::move(*xdg));
    // The XDG Base Directory spec: "If an implementation encounters a
    // relative path in any of these variables it should consider the path
    // invalid and ignore it."
    if (base.is_absolute()) {
      return DbLocation{base / "onoma" / "onoma.db",
                        DbPathSource::kXdgDataHome};
    }
  }
  if (std::optional<std::string> home = NonEmpty(env, "HOME")) {
    return DbLocation{std::filesystem::path(std::move(*home)) / ".local" /
                          "share" / "onoma" / "onoma.db",
                      DbPathSource::kHome};
  }
  return Status::BadArgument(
      "cannot tell where the database is: none of ONOMA_DB, XDG_DATA_HOME "
      "and HOME is set; give --db PATH");
}

std::optional<std::string> Env::Get(std::string_view name) const {
  if (vars_.has_value()) {
    auto it = vars_->find(name);
    if (it == vars_->end()) return std::nullopt;
    return it->second;
  }
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

Result<std::filesystem::path> ResolveDbPath(
    std::optional<std::string> explicit_path, const Env& env) {
  Result<DbLocation> resolved = LocateDb(std::move(explicit_path), env);
  if (!resolved.ok()) return resolved.status();
  return std::move(resolved->path);
}

Status EnsureParentDirectory(const std::filesystem::path& db_path) {
  if (db_path == ":memory:") return Status::Ok();
  const std::filesystem::path dir = db_path.parent_path();
  if (dir.empty()) return Status::Ok();
  std::error_code ec;
  // create_directories succeeds without doing anything when the directory
  // is there, and fails when the path exists as something else.
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::Io("cannot create directory " + dir.string() +
                      " for the database: " + ec.message());
  }
  return Status::Ok();
}

Result<std::filesystem::path> PrepareDbPath(
    std::optional<std::string> explicit_path, const Env& env) {
  Result<DbLocation> resolved = LocateDb(std::move(explicit_path), env);
  if (!resolved.ok()) return resolved.status();
  if (resolved->source == DbPathSource::kXdgDataHome ||
      resolved->source == DbPathSource::kHome) {
    ONOMA_RETURN_IF_ERROR(EnsureParentDirectory(resolved->path));
  }
  return std::move(resolved->path);
}

}  // namespace onoma::sqlite
