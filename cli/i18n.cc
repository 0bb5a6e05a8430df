#include "cli/i18n.h"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <cstdlib>
#include <filesystem>
#include <locale>
#include <optional>
#include <system_error>
#include <vector>

namespace onoma::cli {
namespace {

std::string g_language = "en";
std::optional<std::locale> g_locale;  // set only for a translated language

// The locale name that governs messages, as POSIX orders the variables.
std::string MessageLocaleName() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value != nullptr && *value != '\0') return value;
  }
  return "C";
}

// Where compiled catalogs may be: an override for tests and relocated
// installs, the build tree, the install prefix, and beside the binary.
std::vector<std::string> CatalogDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("ONOMA_LOCALEDIR"); env && *env) {
    dirs.emplace_back(env);
  }
  dirs.emplace_back(ONOMA_BUILD_LOCALEDIR);
  dirs.emplace_back(ONOMA_INSTALL_LOCALEDIR);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    dirs.push_back((exe.parent_path() / "locale").string());
    dirs.push_back(
        (exe.parent_path().parent_path() / "share" / "locale").string());
  }
  return dirs;
}

}  // namespace

void InitMessages() {
  std::string name = MessageLocaleName();
  std::string lang = name.substr(0, 2);
  if (lang != "uk" && lang != "ko") return;  // English needs no catalog
  try {
    boost::locale::generator gen;
    for (const std::string& dir : CatalogDirs()) gen.add_messages_path(dir);
    gen.add_messages_domain("onoma");
    gen.categories(boost::locale::message_facet);
    gen.characters(boost::locale::char_facet);
    // The encoding is always UTF-8: onoma reads and writes UTF-8 only.
    g_locale = gen(lang == "uk" ? "uk_UA.UTF-8" : "ko_KR.UTF-8");
    g_language = lang;
  } catch (const std::exception&) {
    // No usable backend or catalog: stay in English rather than fail.
    g_locale.reset();
  }
}

std::string_view MessageLanguage() { return g_language; }

std::string Tr(const char* english) {
  if (!g_locale) return english;
  try {
    return boost::locale::gettext(english, *g_locale);
  } catch (const std::exception&) {
    return english;
  }
}

std::string Format(std::string_view pattern,
                   std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      std::size_t index = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (index < args.size()) {
        out += *(args.begin() + index);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace onoma::cli
