// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/domain.h"

#include <gtest/gtest.h>

namespace fwlint {
namespace {

DomainName d(const char* s) { return *DomainName::parse(s); }

TEST(Domain, Parses) {
  EXPECT_EQ(d(".agora.io").text(), ".agora.io");
  EXPECT_EQ(d("*.Agora.IO").text(), ".agora.io");
  EXPECT_EQ(d("ap-web-1.agora.io.").text(), "ap-web-1.agora.io");
  EXPECT_FALSE(DomainName::parse(""));
  EXPECT_FALSE(DomainName::parse("a..b"));
  EXPECT_FALSE(DomainName::parse("bad name.io"));
}

TEST(Domain, CoverageFollowsDesign) {
  // An FQDN covers exactly its host name.
  EXPECT_TRUE(d("ap-web-1.agora.io").covered_by(d("ap-web-1.agora.io")));
  EXPECT_FALSE(d(".agora.io").covered_by(d("ap-web-1.agora.io")));
  // A wildcard covers hosts below it and narrower wildcards.
  EXPECT_TRUE(d("ap-web-1.agora.io").covered_by(d(".agora.io")));
  EXPECT_TRUE(d(".edge.agora.io").covered_by(d(".agora.io")));
  EXPECT_TRUE(d(".agora.io").covered_by(d(".agora.io")));
  EXPECT_FALSE(d(".agora.io").covered_by(d(".edge.agora.io")));
  EXPECT_FALSE(d("agora.io").covered_by(d(".agora.io")));
  EXPECT_FALSE(d("xagora.io").covered_by(d(".agora.io")));
}

}  // namespace
}  // namespace fwlint
