// The tool's own messages in English, Ukrainian and Korean.
//
//   InitMessages();                        // once, at the start of main
//   std::string s = Tr("unknown command");  // translated, or as given
//   Format(Tr("unknown scheme '{0}'"), id);
//
// Catalogs are gettext .po files in po/, compiled to .mo at build time and
// read through Boost.Locale. The language comes from LC_ALL, LC_MESSAGES or
// LANG, in that order (as POSIX says); uk* gives Ukrainian, ko* Korean,
// anything else English. Boost.Locale's ICU backend builds the locale
// itself, so translation works on machines without system locales.
//
// Not thread-safe before InitMessages() returns; read-only afterwards.

#ifndef ONOMA_CLI_I18N_H_
#define ONOMA_CLI_I18N_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace onoma::cli {

// Chooses the language and loads its catalog. Never fails: without a
// catalog, messages stay in English.
void InitMessages();

// The language chosen: "en", "uk" or "ko".
std::string_view MessageLanguage();

// `english` translated into the user's language (English when untranslated).
std::string Tr(const char* english);

// Replaces {0}, {1}, ... in `pattern` with the arguments.
std::string Format(std::string_view pattern,
                   std::initializer_list<std::string_view> args);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_I18N_H_
