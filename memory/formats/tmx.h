// TMX, the Translation Memory eXchange format: onoma's streaming reader and
// writer (docs/tm.md). The front door of the TMX half of memory/formats/.
//
//   #include "memory/formats/tmx.h"
//   using namespace onoma::formats;
//
//   // Read any TMX 1.1-1.4b, one unit at a time, in flat memory:
//   auto reader = TmxReader::Open("in.tmx", {});
//   if (!reader.ok()) return reader.status();  // "in.tmx:3:1: ..."
//
//   // Write TMX 1.4b, valid against the DTD:
//   auto writer = TmxWriter::Create("out.tmx");
//   TmxHeader header = (*reader)->header();
//   FillRequiredHeader(header, {});
//   ONOMA_RETURN_IF_ERROR((*writer)->WriteHeader(header));
//   TmxUnit unit;
//   for (;;) {
//     Result<bool> more = (*reader)->Next(unit);
//     if (!more.ok()) return more.status();
//     if (!*more) break;
//     ONOMA_RETURN_IF_ERROR((*writer)->WriteUnit(unit));
//   }
//   ONOMA_RETURN_IF_ERROR((*writer)->Finish());
//
// Files:
//   tmx_model.h    TmxHeader, TmxUnit, TmxVariant, TmxMeta; dates, language
//                  tags, escaping
//   tmx_reader.h   TmxReader: libxml2's SAX2 push parser, faults located by
//                  line and column, warnings, no external entities
//   tmx_writer.h   TmxWriter: TMX 1.4b out, the header's required attributes
//                  filled in, a temporary file renamed into place
// The translation memory that stores what these read is memory/tm/.

#ifndef ONOMA_MEMORY_FORMATS_TMX_H_
#define ONOMA_MEMORY_FORMATS_TMX_H_

#include "memory/formats/tmx_model.h"
#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"

#endif  // ONOMA_MEMORY_FORMATS_TMX_H_
