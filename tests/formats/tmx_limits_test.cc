// The limits of lib/util/limits.h on TMX input (docs/tm.md, "Limits"): a
// <seg> over kMaxSegmentBytes and entity expansion past its budget are
// refused with their position; `tm add` refuses an over-long side; the
// writer never writes a character XML cannot carry.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lib/util/limits.h"
#include "memory/formats/tmx_reader.h"
#include "memory/formats/tmx_writer.h"
#include "memory/sqlite/sqlite.h"
#include "memory/tm/translation_memory.h"

namespace onoma::formats {
namespace {

// Reads every unit of `data`; the first failure, or OK.
Status ReadAll(std::string_view data, std::size_t* units = nullptr) {
  auto reader = TmxReader::FromBuffer(data, "t.tmx", {});
  if (!reader.ok()) return reader.status();
  for (std::size_t n = 0;; ++n) {
    TmxUnit unit;
    auto more = (*reader)->Next(unit);
    if (!more.ok()) return more.status();
    if (!*more) {
      if (units != nullptr) *units = n;
      return Status::Ok();
    }
  }
}

std::string Doc(const std::string& doctype, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
         "<tmx version=\"1.4\">\n<header creationtool=\"t\" "
         "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
         "adminlang=\"en\" srclang=\"en\" datatype=\"x\"/>\n<body>\n" +
         body + "</body>\n</tmx>\n";
}

std::string Unit(const std::string& en, const std::string& uk = "x") {
  return "<tu><tuv xml:lang=\"en\"><seg>" + en +
         "</seg></tuv><tuv xml:lang=\"uk\"><seg>" + uk + "</seg></tuv></tu>\n";
}

TEST(TmxLimitsTest, SegmentOverTheLimitIsRefusedAtItsTag) {
  const std::string big(limits::kMaxSegmentBytes + 1, 'a');
  Status s = ReadAll(Doc("", Unit("ok") + "<tu>\n<tuv xml:lang=\"en\">  <seg>" +
                                 big + "</seg></tuv></tu>\n"));
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find("t.tmx:7:22: <seg> is longer than 1048576 "
                              "bytes"),
            std::string::npos)
      << s.ToString();
  // Inline markup counts too.
  std::string tagged;
  while (tagged.size() <= limits::kMaxSegmentBytes) tagged += "<ph x=\"1\"/>";
  s = ReadAll(Doc("", Unit(tagged)));
  EXPECT_NE(s.ToString().find("<seg> is longer than"), std::string::npos)
      << s.ToString();
  // At the limit, it is read.
  std::size_t units = 0;
  s = ReadAll(Doc("", Unit(std::string(limits::kMaxSegmentBytes, 'a'))),
              &units);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(units, 1u);
}

// A 64 kB entity referenced ten times a segment in a 131 kB file: 600 MB
// of text, which once went into the database whole.
TEST(TmxLimitsTest, EntityAmplificationIsRefused) {
  const std::string doctype =
      "<!DOCTYPE tmx [\n<!ENTITY e \"" + std::string(65536, 'x') + "\">\n]>\n";
  std::string body;
  while (body.size() < 65536) body += Unit("&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;");
  const std::string doc = Doc(doctype, body);
  ASSERT_LT(doc.size(), 140000u);
  Status s = ReadAll(doc);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find("entity references expand to more than"),
            std::string::npos)
      << s.ToString();
  EXPECT_NE(s.ToString().find("t.tmx:"), std::string::npos);

  // In attribute values too.
  std::string attrs;
  while (attrs.size() < 65536) {
    attrs +=
        "<tu tuid=\"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><tuv xml:lang=\"en\">"
        "<seg>a</seg></tuv></tu>\n";
  }
  s = ReadAll(Doc(doctype, attrs));
  EXPECT_NE(s.ToString().find("entity references expand to more than"),
            std::string::npos)
      << s.ToString();
}

TEST(TmxLimitsTest, NestedEntitiesAreRefusedAndPlainOnesKept) {
  std::string laughs = "<!DOCTYPE tmx [\n<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY l" + std::to_string(i) + " \"" + [&] {
      std::string refs;
      for (int k = 0; k < 10; ++k) {
        refs += "&l" + std::to_string(i - 1) + ";";
      }
      return refs;
    }() + "\">\n";
  }
  laughs += "]>\n";
  Status s = ReadAll(Doc(laughs, Unit("&l9;")));
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find("further references"), std::string::npos)
      << s.ToString();

  std::size_t units = 0;
  s = ReadAll(
      Doc("<!DOCTYPE tmx [<!ENTITY k \"Kyiv\">]>\n", Unit("&k; said", "&k;")),
      &units);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(units, 1u);
}

// The reader stops the parser after a fault, once the callback is done
// with the event: a fault in one attribute, with more attributes after it
// on the same tag, once read them from freed input (found by
// tests/fuzz/tmx_fuzzer.cc; AddressSanitizer reports it).
TEST(TmxLimitsTest, FaultInAnAttributeStopsTheReadCleanly) {
  const std::string tag =
      "<tu><tuv xml:lang=\"en\" creationdate=\"someday\" "
      "changedate=\"20200101T000000Z\" creationid=\"" +
      std::string(200, 'c') + "\"><seg>a</seg></tuv></tu>\n";
  std::string body;
  for (int i = 0; i < 200; ++i) body += Unit("b");
  Status s = ReadAll(Doc("", body + tag + body));
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.ToString().find("creationdate \"someday\" is not a date"),
            std::string::npos)
      << s.ToString();
}

TEST(TmxLimitsTest, TmAddRefusesAnOverLongSide) {
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  tm::TranslationMemory memory(*db);
  auto added = memory.Add("en", "uk",
                          std::string(limits::kMaxSegmentBytes + 1, 'a'), "b");
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), StatusCode::kBadInput);
  EXPECT_NE(added.status().message().find("at most 1048576"), std::string::npos)
      << added.status().ToString();
  EXPECT_EQ(memory.Add("en", "uk", "Kyiv\x1B", "b").status().code(),
            StatusCode::kBadArgument);
  EXPECT_TRUE(memory.Add("en", "uk", "Kyiv", "Київ").ok());
}

TEST(TmxLimitsTest, WriterRefusesAUnitXmlCannotCarry) {
  std::string out;
  auto writer = TmxWriter::ToString(&out);
  TmxHeader header;
  FillRequiredHeader(header, {});
  ASSERT_TRUE(writer->WriteHeader(header).ok());
  TmxUnit unit;
  unit.attrs.set(TmxAttr::kTuid, "7");
  TmxVariant& v = unit.variants.emplace_back();
  v.lang = "en";
  v.text = "Ky\x1Biv";
  Status s = writer->WriteUnit(unit);
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_NE(s.message().find("unit tuid=\"7\" holds a character XML cannot "
                             "carry (byte 1B"),
            std::string::npos)
      << s.ToString();
  v.text = "Kyiv";
  EXPECT_TRUE(writer->WriteUnit(unit).ok());
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(out.find('\x1B'), std::string::npos);
  EXPECT_EQ(writer->units_written(), 1u);
}

}  // namespace
}  // namespace onoma::formats
