#include "lib/util/status.h"

#include <gtest/gtest.h>

#include <string>

namespace onoma {
namespace {

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, LocationPrefixesMessage) {
  Status s =
      Status::BadInput("<tu> has no <tuv>").At({"news.tmx", 112, 7, 4031});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kBadInput);
  EXPECT_EQ(s.ToString(), "news.tmx:112:7: <tu> has no <tuv>");
  EXPECT_EQ(s.location()->byte_offset, 4031u);
}

TEST(StatusTest, ContextAndSnippet) {
  Status s = Status::NotFound("no scheme 'xx'")
                 .WithContext("--scheme")
                 .WithSnippet("xx");
  EXPECT_EQ(s.ToString(), "--scheme: no scheme 'xx' (near: xx)");
}

TEST(StatusTest, ContextLeavesOkAlone) {
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<std::string> good = std::string("Kyiv");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, "Kyiv");
  EXPECT_TRUE(good.status().ok());

  Result<std::string> bad = Status::Io("cannot read");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kIo);
}

TEST(ResultTest, OkStatusBecomesInternalError) {
  Result<int> r = Status::Ok();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace onoma
