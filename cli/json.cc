#include "cli/json.h"

#include <nlohmann/json.hpp>

#include "lib/text/utf8.h"

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

// A string of well-formed UTF-8 escaped as AppendScalar writes it, by
// hand: normalize --report writes a record for every name it changes, and
// the library's dump of each scalar (a copy of the string, a std::string
// per scalar) took 12 of the 15 CPU seconds of an 8 MB line with 1.7
// million names; escaped here, the whole run takes 8. Text that is not UTF-8
// goes the library's way, which replaces the bytes that are not.
// tests/cli/serve_test.cc holds the two ways to the same output.
void AppendString(std::string& out, std::string_view text) {
  if (!text::ValidateUtf8(text, "").ok()) {
    AppendScalar(out, Json(std::string(text)));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:  // \b and \f too: written as \u0008 and \u000c
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
        break;
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

}  // namespace

void AppendJson(std::string& out, const Json& value) {
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!first) out += ", ";
      first = false;
      AppendString(out, it.key());
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
  } else if (value.is_string()) {
    AppendString(out, value.get_ref<const std::string&>());
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
