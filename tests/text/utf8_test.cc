#include "lib/text/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/text/code_points.h"
#include "lib/util/status.h"

namespace onoma::text {
namespace {

// ValidateUtf8: well-formed input.

TEST(Utf8ValidatorTest, AcceptsWellFormedText) {
  const std::string cases[] = {
      "",
      "Kyiv",
      "Київ",                                  // Cyrillic, 2 bytes each
      "키이우에서",                            // Hangul syllables, 3 bytes
      "\xF0\x9F\x98\x80",                      // U+1F600, 4 bytes
      "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB",  // conjoining jamo
      "\xC2\x80",                              // U+0080, smallest 2-byte
      "\xDF\xBF",                              // U+07FF
      "\xE0\xA0\x80",                          // U+0800, smallest 3-byte
      "\xED\x9F\xBF",          // U+D7FF, just below the surrogates
      "\xEE\x80\x80",          // U+E000, just above them
      "\xEF\xBF\xBF",          // U+FFFF, a noncharacter but valid
      "\xF0\x90\x80\x80",      // U+10000, smallest 4-byte
      "\xF4\x8F\xBF\xBF",      // U+10FFFF, the last code point
      std::string("a\0b", 3),  // NUL is a character
      "Президент Зеленський прибув до Сеула; 윤석열 대통령은 Kyiv's 2024 \n",
      std::string(100, 'x') + "Київ" + std::string(33, 'y'),
  };
  for (const std::string& text : cases) {
    EXPECT_TRUE(ValidateUtf8(text).ok()) << "input: " << text;
  }
}

// ValidateUtf8: every malformed class, located exactly.

struct Malformed {
  const char* name;
  std::string input;
  std::uint64_t line;
  std::uint64_t column;
  std::uint64_t byte_offset;
  const char* what;     // the end of the message
  const char* snippet;  // the offending bytes in hex
};

const std::vector<Malformed>& MalformedCases() {
  static const std::vector<Malformed> cases = {
      {"InvalidByteAfterAscii", "a\xFFz", 1, 2, 1, "invalid byte", "\\xff"},
      {"InvalidByteFE", "\xFE", 1, 1, 0, "invalid byte", "\\xfe"},
      {"InvalidByteF8", "\xF8\x88\x80\x80\x80", 1, 1, 0, "invalid byte",
       "\\xf8"},
      {"StrayContinuation", "a\x80z", 1, 2, 1, "stray continuation byte",
       "\\x80"},
      {"StrayContinuationAfterCyrillic", "Ки\xBF", 1, 3, 4,
       "stray continuation byte", "\\xbf"},
      {"OverlongSlash", "\xC0\xAF", 1, 1, 0, "overlong encoding", "\\xc0\\xaf"},
      {"OverlongC1", "x\xC1\xBF", 1, 2, 1, "overlong encoding", "\\xc1\\xbf"},
      {"OverlongThreeByteSlash", "\xE0\x80\xAF", 1, 1, 0, "overlong encoding",
       "\\xe0\\x80\\xaf"},
      {"OverlongThreeByteMax", "\xE0\x9F\xBF", 1, 1, 0, "overlong encoding",
       "\\xe0\\x9f\\xbf"},
      {"OverlongFourByte", "\xF0\x80\x80\xAF", 1, 1, 0, "overlong encoding",
       "\\xf0\\x80\\x80\\xaf"},
      {"OverlongFourByteMax", "\xF0\x8F\xBF\xBF", 1, 1, 0, "overlong encoding",
       "\\xf0\\x8f\\xbf\\xbf"},
      {"HighSurrogateStart", "ab\xED\xA0\x80", 1, 3, 2, "encoded surrogate",
       "\\xed\\xa0\\x80"},
      {"LowSurrogateEnd", "\xED\xBF\xBF", 1, 1, 0, "encoded surrogate",
       "\\xed\\xbf\\xbf"},
      {"SurrogatePairAsCesu8", "\xED\xA0\xBD\xED\xB8\x80", 1, 1, 0,
       "encoded surrogate", "\\xed\\xa0\\xbd"},
      {"AboveMaxF4", "\xF4\x90\x80\x80", 1, 1, 0, "code point above U+10FFFF",
       "\\xf4\\x90\\x80\\x80"},
      {"AboveMaxF5", "\xF5\x80\x80\x80", 1, 1, 0, "code point above U+10FFFF",
       "\\xf5\\x80\\x80\\x80"},
      {"AboveMaxF7", "\xF7\xBF\xBF\xBF", 1, 1, 0, "code point above U+10FFFF",
       "\\xf7\\xbf\\xbf\\xbf"},
      {"TruncatedAtEndOfSecondLine", "Київ\nab\xC3", 2, 3, 11,
       "truncated sequence", "\\xc3"},
      {"TruncatedBeforeAscii", "\xE2\x82z", 1, 1, 0, "truncated sequence",
       "\\xe2\\x82"},
      {"TruncatedEmoji", "ok \xF0\x9F\x98", 1, 4, 3, "truncated sequence",
       "\\xf0\\x9f\\x98"},
      {"TruncatedBeforeLead", "\xC3\xC3\xA9", 1, 1, 0, "truncated sequence",
       "\\xc3"},
      {"TruncatedBeforeNewline", "\xD0\n", 1, 1, 0, "truncated sequence",
       "\\xd0"},
      // Past the 16-byte ASCII fast path, at and beyond a block boundary.
      {"AfterLongAscii", std::string(40, 'a') + "\xFF", 1, 41, 40,
       "invalid byte", "\\xff"},
      {"AtBlockBoundary", std::string(16, 'a') + "\x80", 1, 17, 16,
       "stray continuation byte", "\\x80"},
      {"HangulSecondLine", "키이우\n서울\xFF", 2, 3, 16, "invalid byte",
       "\\xff"},
      {"ThirdLineAfterCrLf", "a\r\nb\r\n\xC0\x80", 3, 1, 6, "overlong encoding",
       "\\xc0\\x80"},
      {"EmptyLinesCount", "\n\n\n  \xFF", 4, 3, 5, "invalid byte", "\\xff"},
  };
  return cases;
}

TEST(Utf8ValidatorTest, LocatesEveryMalformedClass) {
  for (const Malformed& c : MalformedCases()) {
    SCOPED_TRACE(c.name);
    const Status s = ValidateUtf8(c.input, "in.txt");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kBadInput);
    ASSERT_TRUE(s.location().has_value());
    EXPECT_EQ(s.location()->path, "in.txt");
    EXPECT_EQ(s.location()->line, c.line);
    EXPECT_EQ(s.location()->column, c.column);
    EXPECT_EQ(s.location()->byte_offset, c.byte_offset);
    EXPECT_EQ(s.message(), std::string("invalid UTF-8: ") + c.what);
    EXPECT_EQ(s.snippet(), c.snippet);
  }
}

TEST(Utf8ValidatorTest, RejectsOverlongSlash) {
  // The classic directory-traversal spelling of '/'.
  const Status s = ValidateUtf8("..\xC0\xAF..");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.location()->byte_offset, 2u);
  EXPECT_EQ(s.message(), "invalid UTF-8: overlong encoding");
}

TEST(Utf8ValidatorTest, MessageNamesFileLineAndColumn) {
  const Status s = ValidateUtf8("Київ\nab\xC3", "news.txt");
  EXPECT_EQ(s.ToString(),
            "news.txt:2:3: invalid UTF-8: truncated sequence (near: \\xc3)");
}

TEST(Utf8ValidatorTest, PathIsOptional) {
  const Status s = ValidateUtf8("\xFF");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.location()->path, "");
  EXPECT_EQ(s.ToString(), "1:1: invalid UTF-8: invalid byte (near: \\xff)");
}

// Utf8Validator: streaming.

TEST(Utf8ValidatorTest, StreamingCountsLinesAcrossCalls) {
  for (const bool keep_newline : {false, true}) {
    SCOPED_TRACE(keep_newline ? "lines keep '\\n'" : "lines stripped");
    const std::string nl = keep_newline ? "\n" : "";
    Utf8Validator validator("<stdin>");
    EXPECT_TRUE(validator.ValidateLine("Київ" + nl).ok());
    const Status s = validator.ValidateLine("ab\xC3" + nl);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.location()->path, "<stdin>");
    EXPECT_EQ(s.location()->line, 2u);
    EXPECT_EQ(s.location()->column, 3u);
    EXPECT_EQ(s.location()->byte_offset, 11u);
    EXPECT_EQ(s.snippet(), "\\xc3");
    EXPECT_EQ(validator.lines(), 2u);
  }
}

TEST(Utf8ValidatorTest, StreamingGoesOnAfterFailure) {
  Utf8Validator validator;
  EXPECT_FALSE(validator.ValidateLine("\xFF").ok());
  EXPECT_TRUE(validator.ValidateLine("").ok());
  const Status s = validator.ValidateLine("키\x80");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.location()->line, 3u);
  EXPECT_EQ(s.location()->column, 2u);
  EXPECT_EQ(s.location()->byte_offset, 2u + 1u + 3u);
  EXPECT_EQ(validator.lines(), 3u);
  EXPECT_EQ(validator.bytes(), 2u + 1u + 5u);
}

TEST(Utf8ValidatorTest, StreamingAgreesWithWholeBuffer) {
  for (const Malformed& c : MalformedCases()) {
    SCOPED_TRACE(c.name);
    Utf8Validator validator("in.txt");
    Status streamed;
    std::string_view rest = c.input;
    while (streamed.ok() && !rest.empty()) {
      const std::size_t nl = rest.find('\n');
      const std::size_t end = nl == std::string_view::npos ? rest.size() : nl;
      streamed = validator.ValidateLine(rest.substr(0, end));  // getline-style
      rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    }
    const Status whole = ValidateUtf8(c.input, "in.txt");
    ASSERT_FALSE(streamed.ok());
    EXPECT_EQ(streamed.ToString(), whole.ToString());
    EXPECT_EQ(streamed.location()->byte_offset, whole.location()->byte_offset);
  }
}

// DecodeNext, AppendUtf8, CountCodePoints, IsAscii.

struct Decoded {
  std::string input;
  bool ok;
  char32_t c;
  std::size_t next;  // the offset after the call
};

TEST(DecodeNextTest, DecodesOneCodePoint) {
  const Decoded cases[] = {
      {"K", true, U'K', 1},
      {"Київ", true, U'К', 2},
      {"키이우", true, U'키', 3},
      {"\xF0\x9F\x98\x80!", true, U'\U0001F600', 4},
      {"\xF4\x8F\xBF\xBF", true, U'\U0010FFFF', 4},
      {"\xFFz", false, kReplacementCharacter, 1},
      {"\x80", false, kReplacementCharacter, 1},
      {"\xE2\x82z", false, kReplacementCharacter, 2},  // maximal subpart
      {"\xC0\xAF", false, kReplacementCharacter, 1},
      {"\xED\xA0\x80", false, kReplacementCharacter, 1},
  };
  for (const Decoded& d : cases) {
    std::size_t i = 0;
    char32_t c = 0;
    EXPECT_EQ(DecodeNext(d.input, i, c), d.ok) << d.input;
    EXPECT_EQ(c, d.c) << d.input;
    EXPECT_EQ(i, d.next) << d.input;
  }
}

TEST(DecodeNextTest, WalksFromTheMiddle) {
  const std::string_view text = "a한b";
  std::size_t i = 1;
  char32_t c = 0;
  ASSERT_TRUE(DecodeNext(text, i, c));
  EXPECT_EQ(c, U'한');
  EXPECT_EQ(i, 4u);
}

TEST(AppendUtf8Test, RoundTripsThroughDecodeNext) {
  const char32_t cases[] = {0x0,    0x41,    0x7F,    0x80,    0x7FF,  0x800,
                            0x419,  0xAC00,  0xD7A3,  0xD7FF,  0xE000, 0xFFFD,
                            0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  for (const char32_t expected : cases) {
    std::string out;
    AppendUtf8(out, expected);
    EXPECT_TRUE(ValidateUtf8(out).ok())
        << std::hex << static_cast<std::uint32_t>(expected);
    std::size_t i = 0;
    char32_t c = 0;
    ASSERT_TRUE(DecodeNext(out, i, c))
        << std::hex << static_cast<std::uint32_t>(expected);
    EXPECT_EQ(c, expected);
    EXPECT_EQ(i, out.size());
  }
}

TEST(AppendUtf8Test, WritesReplacementForNonScalarValues) {
  for (const char32_t bad : {char32_t{0xD800}, char32_t{0xDFFF},
                             char32_t{0x110000}, char32_t{0xFFFFFFFF}}) {
    std::string out = "x";
    AppendUtf8(out, bad);
    EXPECT_EQ(out, "x\xEF\xBF\xBD")
        << std::hex << static_cast<std::uint32_t>(bad);
  }
}

TEST(DecodeUtf8Test, GivesCodePointsAndBack) {
  EXPECT_EQ(DecodeUtf8("Київ 서울"), U"Київ 서울");
  EXPECT_EQ(EncodeUtf8(U"Київ 서울"), "Київ 서울");
  EXPECT_EQ(DecodeUtf8(""), U"");
  // Each invalid sequence is one U+FFFD, as DecodeNext gives it.
  EXPECT_EQ(DecodeUtf8("a\xC3"
                       "b\xE2\x82"),
            U"a\uFFFDb\uFFFD");
}

TEST(CountCodePointsTest, CountsCharactersNotBytes) {
  const std::pair<std::string, std::size_t> cases[] = {
      {"", 0},
      {"Kyiv", 4},
      {"Київ", 4},
      {"키이우", 3},
      {"\xF0\x9F\x98\x80", 1},
      {"И\xCC\x86", 2},
      {"a\xFFz", 3},
  };
  for (const auto& [text, count] : cases) {
    EXPECT_EQ(CountCodePoints(text), count) << text;
  }
}

TEST(IsAsciiTest, SeesAnyHighByte) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("Kyiv's 2024"));
  EXPECT_TRUE(IsAscii(std::string(37, 'a')));
  EXPECT_FALSE(IsAscii("Київ"));
  for (std::size_t pos = 0; pos < 20; ++pos) {
    std::string text(20, 'a');
    text[pos] = '\x80';
    EXPECT_FALSE(IsAscii(text)) << pos;
  }
}

// Fuzz: agreement with a reference decoder.

// Where a straightforward decoder (bit patterns first, then range checks on
// the decoded value: the opposite order to utf8.cc's byte-range table)
// finds the first ill-formed sequence.
struct Reference {
  bool ok = true;
  std::uint64_t line = 1;
  std::uint64_t column = 1;
  std::size_t byte_offset = 0;
};

Reference ReferenceValidate(std::string_view s) {
  Reference r;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (b < 0x80) {
      length = 1;
      cp = b;
    } else if ((b & 0xE0) == 0xC0) {
      length = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      length = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      length = 4;
      cp = b & 0x07;
    }
    bool good = length != 0 && i + length <= s.size();
    for (std::size_t k = 1; good && k < length; ++k) {
      const auto t = static_cast<unsigned char>(s[i + k]);
      good = (t & 0xC0) == 0x80;
      cp = (cp << 6) | (t & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    good = good && cp >= kMin[length] && cp <= 0x10FFFF &&
           !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!good) {
      r.ok = false;
      r.byte_offset = i;
      return r;
    }
    if (cp == '\n') {
      ++r.line;
      r.column = 1;
    } else {
      ++r.column;
    }
    i += length;
  }
  return r;
}

// Random strings that hit the interesting cases often: bytes from the edges
// of table 3-7's ranges, well-formed sequences of every length, newlines and
// runs of ASCII long enough for the fast path.
std::string RandomText(std::mt19937& rng) {
  static constexpr unsigned char kEdges[] = {
      0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
      0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF};
  std::uniform_int_distribution<int> pieces(0, 12);
  std::uniform_int_distribution<int> kind(0, 5);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> edge(0, std::size(kEdges) - 1);
  std::uniform_int_distribution<std::uint32_t> bmp(0x80, 0xFFFF);
  std::uniform_int_distribution<std::uint32_t> astral(0x10000, 0x10FFFF);
  std::uniform_int_distribution<std::size_t> run(1, 40);
  std::string out;
  for (int p = pieces(rng); p > 0; --p) {
    switch (kind(rng)) {
      case 0:
        out += static_cast<char>(byte(rng));
        break;
      case 1:
        out += static_cast<char>(kEdges[edge(rng)]);
        break;
      case 2:
        // Surrogates come out as U+FFFD.
        AppendUtf8(out, static_cast<char32_t>(bmp(rng)));
        break;
      case 3:
        AppendUtf8(out, static_cast<char32_t>(astral(rng)));
        break;
      case 4:
        out.append(run(rng), 'a');
        break;
      default:
        out += '\n';
        break;
    }
  }
  return out;
}

TEST(Utf8ValidatorTest, AgreesWithReferenceOnRandomBytes) {
  std::mt19937 rng(20240229);  // fixed: failures must reproduce
  int invalid = 0;
  for (int n = 0; n < 5000; ++n) {
    const std::string text = RandomText(rng);
    const Reference expected = ReferenceValidate(text);
    const Status s = ValidateUtf8(text);
    ASSERT_EQ(s.ok(), expected.ok) << "case " << n;
    if (expected.ok) {
      // DecodeNext must then decode every code point.
      for (std::size_t i = 0; i < text.size();) {
        char32_t c;
        ASSERT_TRUE(DecodeNext(text, i, c)) << "case " << n;
      }
      continue;
    }
    ++invalid;
    ASSERT_EQ(s.location()->byte_offset, expected.byte_offset) << "case " << n;
    ASSERT_EQ(s.location()->line, expected.line) << "case " << n;
    ASSERT_EQ(s.location()->column, expected.column) << "case " << n;
    ASSERT_FALSE(s.snippet().empty());
    // DecodeNext (ICU's U8_NEXT) fails first at the same offset.
    std::size_t i = 0;
    for (;;) {
      ASSERT_LT(i, text.size()) << "case " << n;
      const std::size_t at = i;
      char32_t c;
      if (!DecodeNext(text, i, c)) {
        ASSERT_EQ(at, expected.byte_offset) << "case " << n;
        break;
      }
      ASSERT_LT(at, expected.byte_offset) << "case " << n;
    }
  }
  // The generator must exercise both outcomes, or the test proves little.
  EXPECT_GT(invalid, 500);
  EXPECT_LT(invalid, 4500);
}

TEST(FindNonXmlCharTest, FindsWhatXmlCannotCarry) {
  struct Case {
    std::string text;
    std::size_t want;
  } cases[] = {
      {"Kyiv", std::string_view::npos},
      {"tab\tline\ncr\r", std::string_view::npos},
      {"Ky\x1Biv", 2},
      {std::string("a\0b", 3), 1},
      {"bell\x07", 4},
      {"\xEF\xBF\xBE", 0},                       // U+FFFE
      {"x\xEF\xBF\xBF", 1},                      // U+FFFF
      {"\xEF\xBF\xBD", std::string_view::npos},  // U+FFFD is fine
      {"\x7F\xC2\x85", std::string_view::npos},  // DEL, NEL: allowed
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindNonXmlChar(c.text), c.want) << c.text;
  }
}

}  // namespace
}  // namespace onoma::text
