// JSON output for the command's --json and --report forms (JSON Lines).

#ifndef ONOMA_CLI_JSON_H_
#define ONOMA_CLI_JSON_H_

#include <string>
#include <string_view>

namespace onoma::cli {

// Appends `s` (UTF-8) as a JSON string literal: quotes, backslashes and
// control characters escaped; everything else, non-ASCII included, as is.
void AppendJsonString(std::string& out, std::string_view s);

// `s` as a JSON string literal.
std::string JsonString(std::string_view s);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_JSON_H_
