// SrxReader: segmentation rules from an SRX 2.0 (or 1.0) file, as the
// plain struct lib/segment consumes (lib/segment/srx.h).
//
//   Result<segment::SrxRules> rules = formats::ReadSrxFile("okapi.srx");
//   if (!rules.ok()) return rules.status();  // "okapi.srx:12:5: ..."
//   auto splitter = segment::SentenceSplitter::CreateFromSrx(*rules, "en");
//
// Reads <header cascade>, every <languagerule> with its <rule break>,
// <beforebreak> and <afterbreak>, and every <languagemap> (SRX 2.0 puts
// them straight under <maprules>, SRX 1.0 inside <maprule>). Elements SRX
// does not define for segmentation (<formathandle>, vendor extensions) are
// ignored. Namespaces are not checked: files in the wild use both the 2.0
// namespace and none.
//
// Faults (kBadInput with file, line and column where libxml2 gives them):
// XML that is not well formed, a root other than <srx>, a <languagerule>
// without a name, a <rule> whose break is neither yes nor no, a
// <languagemap> without pattern or rule name. kIo when the file cannot be
// read. Patterns are compiled later, by SentenceSplitter::CreateFromSrx(),
// whose faults name the rule's line.
//
// Security: no network (XML_PARSE_NONET), no external entities or DTDs.
//
// Pure functions; thread-safe (libxml2 is initialized once).

#ifndef ONOMA_MEMORY_FORMATS_SRX_READER_H_
#define ONOMA_MEMORY_FORMATS_SRX_READER_H_

#include <string>
#include <string_view>

#include "lib/segment/srx.h"
#include "lib/util/status.h"

namespace onoma::formats {

// Parses the SRX document `xml`; `path` names it in faults and in the
// result.
[[nodiscard]] Result<segment::SrxRules> ParseSrx(std::string_view xml,
                                                 std::string_view path);

// Reads and parses the file at `path`.
[[nodiscard]] Result<segment::SrxRules> ReadSrxFile(const std::string& path);

}  // namespace onoma::formats

#endif  // ONOMA_MEMORY_FORMATS_SRX_READER_H_
