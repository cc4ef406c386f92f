// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "fwlint/requirements/pack.h"

namespace fwlint {
namespace {

TEST(SdkVersion, ParsesOneToManyParts) {
  for (const char* text : {"2", "2.9", "2.9.0", "4.24.5", "10.0.0.1"}) {
    auto v = SdkVersion::parse(text);
    ASSERT_TRUE(v) << text;
    EXPECT_EQ(v->text(), text);
  }
  EXPECT_EQ(SdkVersion::parse("2.9.0")->parts, (std::vector<int>{2, 9, 0}));
}

TEST(SdkVersion, RejectsJunk) {
  for (const char* text : {"", ".", "2.", ".9", "2..9", "v2.9", "2.9.0-beta", "2,9", " 2.9",
                           "2.9 ", "-1", "+1", "2.x", "latest", "1234567890", "1.2.3.4.5.6.7.8.9"})
    EXPECT_FALSE(SdkVersion::parse(text)) << "'" << text << "'";
}

TEST(SdkVersion, MissingPartsAreZero) {
  auto v = [](const char* t) { return *SdkVersion::parse(t); };
  EXPECT_EQ(v("2.9"), v("2.9.0"));
  EXPECT_EQ(v("3"), v("3.0.0"));
  EXPECT_LT(v("2.8.9"), v("2.9"));
  EXPECT_LT(v("2.9"), v("2.9.1"));
  EXPECT_LT(v("2.10"), v("3"));
  EXPECT_GT(v("2.10.0"), v("2.9.9"));
}

TEST(VersionRange, IsHalfOpen) {
  VersionRange r{SdkVersion::parse("2.9.0"), SdkVersion::parse("4")};
  EXPECT_FALSE(r.contains(*SdkVersion::parse("2.8.9")));
  EXPECT_TRUE(r.contains(*SdkVersion::parse("2.9")));
  EXPECT_TRUE(r.contains(*SdkVersion::parse("3.9.99")));
  EXPECT_FALSE(r.contains(*SdkVersion::parse("4.0.0")));
  EXPECT_TRUE(VersionRange{}.unbounded());
  EXPECT_TRUE(VersionRange{}.contains(*SdkVersion::parse("0")));
}

}  // namespace
}  // namespace fwlint
