#include "cli/json.h"

#include <nlohmann/json.hpp>

namespace onoma::cli {
namespace {

// A scalar as the library writes it. The library writes backspace and
// form feed as \b and \f; the command has always written them as \u0008
// and \u000c, and keeps doing so (every other escape is the same).
void AppendScalar(std::string& out, const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (!value.is_string() || value.get_ref<const std::string&>().find_first_of(
                                "\b\f") == std::string::npos) {
    out += text;
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Inside the written string every backslash starts an escape; the
    // character after it says which.
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    if (next == 'b') {
      out += "\\u0008";
    } else if (next == 'f') {
      out += "\\u000c";
    } else {
      out += '\\';
      out += next;
    }
  }
}

}  // namespace

void AppendJson(std::string& out, const Json& value) {
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!first) out += ", ";
      first = false;
      AppendScalar(out, Json(it.key()));
      out += ": ";
      AppendJson(out, it.value());
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    bool first = true;
    for (const Json& element : value) {
      if (!first) out += ", ";
      first = false;
      AppendJson(out, element);
    }
    out += ']';
  } else {
    AppendScalar(out, value);
  }
}

std::string JsonLine(const Json& value) {
  std::string out;
  AppendJson(out, value);
  out += '\n';
  return out;
}

}  // namespace onoma::cli
