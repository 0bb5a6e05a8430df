// Validation of the XLIFF files the tests write against the OASIS schemas
// in ../shared/corpora/spec (xliff20/all.xsd: the 2.0 core with the
// Translation Candidates and Glossary modules; xliff12's strict schema),
// with xmllint as SOURCES.md there gives it.
//
//   ONOMA_REQUIRE_XLIFF_SCHEMAS();   // skips (fails under CI=true) when
//                                    // ../shared or xmllint is absent
//   EXPECT_EQ(testing::XliffSchemaErrors(path, testing::Xliff::k20), "");

#ifndef ONOMA_TESTS_SUPPORT_XLIFF_SCHEMA_H_
#define ONOMA_TESTS_SUPPORT_XLIFF_SCHEMA_H_

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/shared_corpora.h"

namespace onoma::testing {

enum class Xliff { k20, k12 };

inline bool HaveXmllint() {
  return std::system("xmllint --version >/dev/null 2>&1") == 0;
}

// The schema for `version`; empty when ../shared is absent.
inline std::filesystem::path XliffSchema(Xliff version) {
  const std::filesystem::path shared = SharedDir();
  if (shared.empty()) return {};
  return version == Xliff::k20
             ? shared / "corpora" / "spec" / "xliff20" / "all.xsd"
             : shared / "corpora" / "spec" / "xliff12" /
                   "xliff-core-1.2-strict.xsd";
}

// xmllint's complaints about `file`; "" when it validates. "" as well
// when the schemas or xmllint are absent (ONOMA_REQUIRE_XLIFF_SCHEMAS
// tells that apart).
inline std::string XliffSchemaErrors(const std::filesystem::path& file,
                                     Xliff version) {
  const std::filesystem::path schema = XliffSchema(version);
  if (schema.empty() || !HaveXmllint()) return "";
  const std::string command = "xmllint --noout --schema '" + schema.string() +
                              "' '" + file.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "cannot run xmllint";
  std::string out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    out.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  return status == 0 ? "" : out;
}

}  // namespace onoma::testing

#define ONOMA_REQUIRE_XLIFF_SCHEMAS()                                       \
  do {                                                                      \
    ONOMA_REQUIRE_SHARED_DIR();                                             \
    if (!::onoma::testing::HaveXmllint()) {                                 \
      if (::onoma::testing::RunningInCi()) {                                \
        FAIL() << "xmllint is missing (apt-get install libxml2-utils), "    \
                  "and CI=true requires it";                                \
      }                                                                     \
      GTEST_SKIP() << "xmllint is absent (apt-get install libxml2-utils); " \
                      "skipping XLIFF validation";                          \
    }                                                                       \
  } while (false)

#endif  // ONOMA_TESTS_SUPPORT_XLIFF_SCHEMA_H_
