#include "lib/util/status.h"

namespace onoma {

Status Status::At(Location location) const& {
  Status copy = *this;
  copy.location_ = std::move(location);
  return copy;
}

Status Status::At(Location location) && {
  location_ = std::move(location);
  return std::move(*this);
}

Status Status::WithSnippet(std::string snippet) && {
  snippet_ = std::move(snippet);
  return std::move(*this);
}

Status Status::WithContext(std::string_view context) const& {
  Status copy = *this;
  return std::move(copy).WithContext(context);
}

Status Status::WithContext(std::string_view context) && {
  if (ok()) return std::move(*this);
  std::string prefixed(context);
  prefixed += ": ";
  prefixed += message_;
  message_ = std::move(prefixed);
  return std::move(*this);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (location_) {
    const Location& loc = *location_;
    if (!loc.path.empty()) out += loc.path + ":";
    if (loc.line != 0) {
      out += std::to_string(loc.line) + ":";
      if (loc.column != 0) out += std::to_string(loc.column) + ":";
    }
    if (!out.empty()) out += " ";
  }
  out += message_;
  if (!snippet_.empty()) out += " (near: " + snippet_ + ")";
  return out;
}

}  // namespace onoma
