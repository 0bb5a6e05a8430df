#include "cli/language_option.h"

#include <CLI/CLI.hpp>
#include <string_view>

#include "cli/i18n.h"
#include "lib/text/language_tag.h"

// Tested by tests/cli/tm_cli_test.cc and tests/cli/term_cli_test.cc.

namespace onoma::cli {

std::string LanguageTagError(const std::string& value,
                             const std::string& what) {
  if (text::IsLanguageTag(value)) return {};
  std::string_view hint = text::LanguageTagForName(value);
  std::string message =
      hint.empty()
          ? Format(Tr("'{0}' is not a BCP 47 language tag (e.g. en, uk, ko, "
                      "en-US)"),
                   {value})
          : Format(Tr("'{0}' is not a BCP 47 language tag; did you mean "
                      "'{1}'?"),
                   {value, std::string(hint)});
  return what.empty() ? message : what + ": " + message;
}

CLI::Validator LanguageTag(bool allow_all) {
  // No description: the option's help stays as it is.
  return CLI::Validator(
      [allow_all](std::string& value) {
        if (allow_all && value == "*") return std::string();
        return LanguageTagError(value, "");
      },
      "", "LanguageTag");
}

}  // namespace onoma::cli
