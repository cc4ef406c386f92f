// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/address.h"

#include <gtest/gtest.h>

namespace fwlint {
namespace {

TEST(Address, ParsesIpv4AndCidr) {
  EXPECT_EQ(parse_ipv4("10.1.2.3"), 0x0a010203u);
  EXPECT_FALSE(parse_ipv4("10.1.2"));
  EXPECT_FALSE(parse_ipv4("10.1.2.256"));
  auto s = parse_cidr("192.168.1.0/24");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->v4, V4Set::range(0xc0a80100u, 0xc0a801ffu));
  EXPECT_TRUE(s->v6.empty());
  EXPECT_FALSE(parse_cidr("192.168.1.0/33"));
  EXPECT_EQ(parse_cidr("0.0.0.0/0")->v4, V4Set::all());
}

TEST(Address, ParsesIpv6) {
  auto s = parse_cidr("2001:db8::/32");
  ASSERT_TRUE(s);
  ASSERT_EQ(s->v6.intervals().size(), 1u);
  EXPECT_EQ(format_ipv6(s->v6.intervals()[0].lo), "2001:db8::");
  EXPECT_EQ(parse_cidr("::/0")->v6, V6Set::all());
}

TEST(Address, MasksMustBeContiguous) {
  EXPECT_EQ(parse_ipv4_with_mask("10.0.0.7", "255.255.255.0")->v4,
            V4Set::range(0x0a000000u, 0x0a0000ffu));
  EXPECT_FALSE(parse_ipv4_with_mask("10.0.0.0", "255.0.255.0"));
  EXPECT_EQ(parse_ipv4_with_mask("0.0.0.0", "0.0.0.0")->v4, V4Set::all());
}

TEST(Address, Ranges) {
  EXPECT_EQ(parse_address_range("10.0.0.1", "10.0.0.9")->v4, V4Set::range(0x0a000001u, 0x0a000009u));
  EXPECT_FALSE(parse_address_range("10.0.0.9", "10.0.0.1"));
  EXPECT_FALSE(parse_address_range("10.0.0.1", "::1"));
}

TEST(Address, FormatsAsCidrBlocks) {
  EXPECT_EQ(format_ipset(*parse_cidr("10.0.0.0/8")), "10.0.0.0/8");
  EXPECT_EQ(format_ipset(*parse_address_range("10.0.0.0", "10.0.0.2")), "10.0.0.0/31, 10.0.0.2/32");
  EXPECT_EQ(format_ipset(*parse_address_range("10.0.0.1", "10.0.0.254")), "10.0.0.1-10.0.0.254");
  EXPECT_EQ(format_ipset(IpSet::all()), "any");
  EXPECT_EQ(format_ipset(IpSet::all_of(Family::V4)), "any4");
}

TEST(Address, PublicSpaceExcludesPrivateRanges) {
  const IpSet& pub = public_addresses();
  EXPECT_FALSE(pub.v4.contains(*parse_ipv4("10.1.1.1")));
  EXPECT_FALSE(pub.v4.contains(*parse_ipv4("192.168.0.1")));
  EXPECT_TRUE(pub.v4.contains(*parse_ipv4("8.8.8.8")));
  EXPECT_TRUE(pub.v6.contains(*parse_ipv6("2a00:1450::1")));
  EXPECT_FALSE(pub.v6.contains(*parse_ipv6("fe80::1")));
}

}  // namespace
}  // namespace fwlint
