#include "lib/text/script.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace onoma::text {
namespace {

TEST(ScriptOfTest, ClassifiesCodePoints) {
  const std::pair<char32_t, Script> cases[] = {
      {U'K', Script::kLatin},
      {U'z', Script::kLatin},
      {U'é', Script::kLatin},
      {U'ß', Script::kLatin},
      {U'\uFF21', Script::kLatin},  // fullwidth A
      {U'К', Script::kCyrillic},
      {U'ї', Script::kCyrillic},
      {U'Ґ', Script::kCyrillic},
      {U'ё', Script::kCyrillic},
      {U'\u0500', Script::kCyrillic},  // Cyrillic Supplement
      {U'키', Script::kHangul},
      {U'\uAC00', Script::kHangul},  // first syllable
      {U'\uD7A3', Script::kHangul},  // last syllable
      {U'\u1100', Script::kHangul},  // jamo
      {U'\u11FF', Script::kHangul},
      {U'\uA960', Script::kHangul},  // jamo extended-A
      {U'\uA97F', Script::kHangul},
      {U'\uD7B0', Script::kHangul},  // jamo extended-B
      {U'\uD7FF', Script::kHangul},
      {U'\u3131', Script::kHangul},  // compatibility jamo
      {U'\u318E', Script::kHangul},
      {U'\uFFA1', Script::kHangul},  // halfwidth jamo, through ICU
      {U'7', Script::kCommon},
      {U' ', Script::kCommon},
      {U'-', Script::kCommon},
      {U'\'', Script::kCommon},
      {U'\u2019', Script::kCommon},  // right single quotation mark
      {U'\u00AB', Script::kCommon},  // «
      {U'\u0306', Script::kCommon},  // combining breve
      {U'\u0308', Script::kCommon},  // combining diaeresis
      {U'\u0483', Script::kCommon},  // combining titlo: Script=Cyrillic, a mark
      {U'\u302E', Script::kCommon},  // Hangul tone mark: a mark
      {U'\U0001F600', Script::kCommon},
      {U'\uFFFD', Script::kCommon},
      {U'α', Script::kOther},
      {U'中', Script::kOther},
      {U'\u05D0', Script::kOther},  // Hebrew alef
      {char32_t{0xD800}, Script::kOther},
      {char32_t{0x110000}, Script::kOther},
  };
  for (const auto& [c, script] : cases) {
    EXPECT_EQ(ScriptOf(c), script)
        << "U+" << std::hex << std::uppercase << static_cast<unsigned>(c);
  }
}

TEST(DominantScriptTest, ScriptsOfWords) {
  const std::pair<std::string, Script> cases[] = {
      {"Київ", Script::kCyrillic},
      {"Kyiv", Script::kLatin},
      {"키이우", Script::kHangul},
      {"Київ-2", Script::kCyrillic},
      {"123", Script::kCommon},
      {"", Script::kCommon},
      {"—", Script::kCommon},
      {"Kyiv's", Script::kLatin},
      {"키이우에서", Script::kHangul},
      {"\u0418\u0306", Script::kCyrillic},  // NFD Й
      {"Цзиньпін Xi", Script::kCyrillic},   // majority
      {"abАБ", Script::kLatin},             // tie: first wins
      {"АБab", Script::kCyrillic},
      {"МВФ-IMF", Script::kCyrillic},
      {"中国", Script::kOther},
      {"\xFF", Script::kCommon},  // invalid: U+FFFD, no letters
  };
  for (const auto& [word, script] : cases) {
    EXPECT_EQ(DominantScript(word), script) << word;
  }
}

TEST(ScriptNameTest, NamesEveryScript) {
  EXPECT_EQ(ScriptName(Script::kCommon), "common");
  EXPECT_EQ(ScriptName(Script::kLatin), "latin");
  EXPECT_EQ(ScriptName(Script::kCyrillic), "cyrillic");
  EXPECT_EQ(ScriptName(Script::kHangul), "hangul");
  EXPECT_EQ(ScriptName(Script::kOther), "other");
}

}  // namespace
}  // namespace onoma::text
