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
  // Every client address reads as `any`; most of it as `any except`.
  EXPECT_EQ(format_ipset(client_addresses()), "any4, any6");
  IpSet clients4 = client_addresses().intersect(IpSet::all_of(Family::V4));
  EXPECT_EQ(format_ipset(clients4), "any4");
  EXPECT_EQ(format_ipset(clients4.subtract(*parse_cidr("192.168.10.0/24"))), "any4 except 192.168.10.0/24");
  EXPECT_EQ(format_ipset(IpSet::all_of(Family::V4).subtract(*parse_cidr("192.168.10.0/24"))),
            "0.0.0.0-192.168.9.255, 192.168.11.0-255.255.255.255");
}

TEST(Address, ClientAddressesLeaveOutWhatIsNeverASource) {
  const IpSet& c = client_addresses();
  for (const char* never : {"0.0.0.0", "127.0.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255",
                            "::", "::1", "ff02::1"})
    EXPECT_FALSE(c.includes(*parse_cidr(never))) << never;
  for (const char* client : {"10.1.2.3", "192.168.1.10", "169.254.1.1", "100.64.0.1", "8.8.8.8",
                             "fe80::1", "fd00::1", "2001:db8::1"})
    EXPECT_TRUE(c.includes(*parse_cidr(client))) << client;
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
