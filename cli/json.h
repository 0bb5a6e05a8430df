// JSON output for the command's --json and --report forms (JSON Lines) and
// for `onoma serve`'s API: values are built with nlohmann-json and written
// in the command's one layout.
//
//   #include <nlohmann/json.hpp>   // in the .cc that builds the value
//   #include "cli/json.h"
//
//   Json line;
//   line["query"] = query;
//   line["concepts"] = Json::array();
//   std::string out = JsonLine(line);  // {"query": "Kiev", "concepts": []}\n
//
// This header only forward-declares the library (json_fwd.hpp); the files
// that build values include <nlohmann/json.hpp> themselves.

#ifndef ONOMA_CLI_JSON_H_
#define ONOMA_CLI_JSON_H_

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace onoma::cli {

// A JSON value whose object members keep the order they were set in, so
// that the output names its fields in the order docs/cli.md shows.
using Json = nlohmann::ordered_json;

// Appends `value` on one line: ", " between members and elements, ": "
// after a key, strings as UTF-8 with quotes, backslashes and control
// characters escaped (\n \r \t, others as \u00XX) and everything else, non-
// ASCII included, as is. Bytes that are not UTF-8 (a file name, say) are
// written as U+FFFD, so that the line is always valid JSON.
void AppendJson(std::string& out, const Json& value);

// `value` as AppendJson writes it, followed by a newline: one JSON Line.
std::string JsonLine(const Json& value);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_JSON_H_
