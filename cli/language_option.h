// The check every command option that takes a language runs at parse
// time: a BCP 47 tag (lib/text/language_tag.h), else a usage error (exit 2)
// with the tag a language's name stands for ("english": did you mean
// "en"?).

#ifndef ONOMA_CLI_LANGUAGE_OPTION_H_
#define ONOMA_CLI_LANGUAGE_OPTION_H_

#include <string>

namespace CLI {
class Validator;  // <CLI/CLI.hpp>, which only cli/options.cc includes
}

namespace onoma::cli {

// A CLI11 validator accepting a BCP 47 tag, and "*" with `allow_all`.
CLI::Validator LanguageTag(bool allow_all = false);

// The message for `value` when it is not a BCP 47 tag, empty when it is,
// translated (cli/i18n.h); `what` ("--langs") starts it when not empty.
std::string LanguageTagError(const std::string& value, const std::string& what);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_LANGUAGE_OPTION_H_
