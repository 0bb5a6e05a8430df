// SRX 2.0 segmentation rules as plain data, and the choice of the rules
// that apply to one language.
//
// SRX (Segmentation Rules eXchange, LISA/GALA 2.0) is the XML format in
// which CAT tools keep their sentence-break rules. The XML is read in
// memory/formats/srx_reader.h (libxml2 lives in libonoma_memory); what it
// produces is this struct, which lib/segment consumes, so that lib/ needs
// no XML parser and any other source (a test, a built-in set) can fill it.
//
//   segment::SrxRules rules = ...;            // from ReadSrxFile()
//   auto splitter = segment::SentenceSplitter::CreateFromSrx(rules, "en");
//
// Semantics follow SRX 2.0 section 2.5: at each position between two
// characters, the rules that apply are tried in order and the first whose
// `beforebreak` pattern matches the text ending there and whose
// `afterbreak` matches the text starting there decides: break or no break.
// No rule matching means no break. With `cascade`, the rules of every
// language map whose pattern matches the language apply, in map order;
// without, only the first map's. Patterns are ICU regular expressions,
// which accept the Java syntax SRX files are written in, bar a few
// rarities (possessive quantifiers behave, named groups do not appear).
//
// Values; thread-safe as std::vector is.

#ifndef ONOMA_LIB_SEGMENT_SRX_H_
#define ONOMA_LIB_SEGMENT_SRX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/util/status.h"

namespace onoma::segment {

struct SrxRule {
  bool is_break = true;
  std::string before;      // regex; empty matches anywhere
  std::string after;       // regex; empty matches anywhere
  std::uint64_t line = 0;  // where the <rule> was, for messages
};

struct SrxLanguageRule {
  std::string name;  // languagerulename
  std::vector<SrxRule> rules;
};

struct SrxLanguageMap {
  std::string pattern;  // languagepattern, a regex over language codes
  std::string rule_name;
};

struct SrxRules {
  std::string path;  // where the rules came from, for messages
  bool cascade = true;
  std::vector<SrxLanguageRule> language_rules;
  std::vector<SrxLanguageMap> maps;
};

// The rules that apply to `lang` (a BCP 47 code such as "en" or "uk-UA"),
// in the order SRX tries them. Map patterns are matched against the whole
// code, ignoring case. kBadInput for a map pattern that does not compile or
// a map naming a language rule that does not exist; an empty list when no
// map matches (then nothing breaks but paragraph ends).
[[nodiscard]] Result<std::vector<SrxRule>> SelectSrxRules(
    const SrxRules& rules, std::string_view lang);

}  // namespace onoma::segment

#endif  // ONOMA_LIB_SEGMENT_SRX_H_
