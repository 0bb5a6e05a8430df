// TmxWriter: required header attributes, escaping, the attribute
// instructions, the temporary file, and what it writes reads back the same.

#include "memory/formats/tmx_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "memory/formats/tmx_reader.h"
#include "tests/formats/tmx_canonical.h"
#include "tests/support/shared_corpora.h"

namespace onoma::formats {
namespace {

TmxUnit SampleUnit() {
  TmxUnit unit;
  unit.attrs.set(TmxAttr::kTuid, "a\"b<c>&\td");
  unit.attrs.set(TmxAttr::kCreationdate, "20240101T000000Z");
  unit.extra = "ex:x=\"1\" xmlns:ex=\"urn:x\"";
  TmxMeta& prop = unit.meta.emplace_back();
  prop.kind = TmxMeta::Kind::kProp;
  prop.type = "x-context";
  prop.value = "line 1\r\nline 2 & <more>";
  TmxVariant& en = unit.variants.emplace_back();
  en.lang = "en";
  en.text = "Kyiv ]]> & <Kharkiv>\r";
  TmxVariant& uk = unit.variants.emplace_back();
  uk.lang = "uk";
  uk.text = "Київ";
  uk.has_markup = true;
  uk.markup = "<bpt i=\"1\">&lt;b&gt;</bpt>Київ<ept i=\"1\">&lt;/b&gt;</ept>";
  uk.extra = "foo=\"bar\"";
  uk.has_codes = true;
  uk.skeleton = "\uE101Київ\uE102";
  TmxMeta& note = uk.meta.emplace_back();
  note.kind = TmxMeta::Kind::kNote;
  note.lang = "en";
  note.has_lang = true;
  note.value = "checked";
  return unit;
}

TEST(TmxWriterTest, FillsRequiredHeaderAttributes) {
  TmxHeader header;
  header.attrs.set(TmxAttr::kSrclang, "en");
  header.attrs.set(TmxAttr::kSegtype, "line");
  TmxHeaderDefaults defaults;
  defaults.creationtoolversion = "9";
  EXPECT_EQ(FillRequiredHeader(header, defaults),
            "creationtool creationtoolversion segtype o-tmf adminlang "
            "datatype");
  EXPECT_EQ(header.attrs.get(TmxAttr::kSrclang), "en");
  EXPECT_EQ(header.attrs.get(TmxAttr::kSegtype), "sentence");
  EXPECT_EQ(header.attrs.get(TmxAttr::kCreationtoolversion), "9");
  EXPECT_EQ(header.attrs.get(TmxAttr::kDatatype), "unknown");
  EXPECT_EQ(FillRequiredHeader(header, defaults), "");
}

TEST(TmxWriterTest, WhatItWritesReadsBackTheSameAndIsValid) {
  std::string out;
  auto writer = TmxWriter::ToString(&out);
  TmxHeader header;
  header.extra = "ex:h=\"2\" xmlns:ex=\"urn:x\"";
  header.body = "<ude name=\"MacRoman\"><map unicode=\"#xF8FF\"/></ude>";
  FillRequiredHeader(header, {});
  ASSERT_TRUE(writer->WriteHeader(header).ok());
  const TmxUnit unit = SampleUnit();
  ASSERT_TRUE(writer->WriteUnit(unit).ok());
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_NE(out.find("<tmx version=\"1.4\">"), std::string::npos);
  EXPECT_NE(out.find("tuid=\"a&quot;b&lt;c&gt;&amp;&#9;d\""), std::string::npos)
      << out;
  EXPECT_NE(out.find("<seg>Kyiv ]]&gt; &amp; &lt;Kharkiv&gt;&#13;</seg>"),
            std::string::npos)
      << out;

  std::vector<std::string> warnings;
  TmxReaderOptions options;
  options.on_warning = [&](const Status& w) {
    warnings.push_back(w.ToString());
  };
  auto reader = TmxReader::FromBuffer(out, "out.tmx", options);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->header().extra, header.extra);
  EXPECT_EQ((*reader)->header().body, header.body);
  TmxUnit back;
  auto more = (*reader)->Next(back);
  ASSERT_TRUE(more.ok() && *more) << more.status().ToString();
  TmxUnit want = unit;
  want.variants[0].has_markup = false;
  EXPECT_TRUE(back.SameContent(want));
  EXPECT_EQ(back.meta[0].value, unit.meta[0].value);
  EXPECT_EQ(back.variants[0].text, unit.variants[0].text);
  EXPECT_EQ(back.variants[1].markup, unit.variants[1].markup);
  EXPECT_TRUE(warnings.empty());

  ONOMA_REQUIRE_SHARED_DIR();
  const std::string path = ::testing::TempDir() + "onoma_writer_test.tmx";
  std::ofstream(path, std::ios::binary) << out;
  EXPECT_EQ(
      testing::ValidateAgainstDtd(
          path, (testing::SharedDir() / "corpora/spec/tmx14.dtd").string()),
      "");
  std::remove(path.c_str());
}

TEST(TmxWriterTest, TheFileAppearsOnlyWhenFinished) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "onoma_writer_dir";
  fs::create_directories(dir);
  const fs::path target = dir / "out.tmx";
  fs::remove(target);
  {
    auto writer = TmxWriter::Create(target);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    TmxHeader header;
    FillRequiredHeader(header, {});
    ASSERT_TRUE((*writer)->WriteHeader(header).ok());
    ASSERT_TRUE((*writer)->WriteUnit(SampleUnit()).ok());
    EXPECT_FALSE(fs::exists(target));
    // Destroyed without Finish: nothing is left behind.
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_empty(dir));
  {
    auto writer = TmxWriter::Create(target);
    ASSERT_TRUE(writer.ok());
    TmxHeader header;
    FillRequiredHeader(header, {});
    ASSERT_TRUE((*writer)->WriteHeader(header).ok());
    ASSERT_TRUE((*writer)->Finish().ok());
  }
  EXPECT_TRUE(fs::exists(target));
  std::ifstream in(target);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("<body>\n</body>\n</tmx>\n"), std::string::npos);
  fs::remove_all(dir);
  auto missing = TmxWriter::Create("/nonexistent-dir/x.tmx");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIo);
}

}  // namespace
}  // namespace onoma::formats
