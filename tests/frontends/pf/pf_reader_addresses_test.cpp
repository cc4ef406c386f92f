// SPDX-License-Identifier: Apache-2.0
// Address items and ports as pfctl reads them, with the text pfctl prints.
#include "frontends/pf/address_parser.h"
#include "frontends/pf/endpoint_reader.h"
#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

using Kind = PfAddress::Kind;

/// The source addresses of `pass from <spec>`.
std::vector<PfAddress> sources(const std::string& spec, Read* out = nullptr) {
  Read r = read("pass from " + spec + " to any\n");
  if (out) *out = r;
  if (r.config.rules.size() != 1 || r.rule(0).unreadable) return {};
  return r.rule(0).from.addresses;
}

TEST(PfReaderAddresses, CidrTextIsWhatPfctlPrints) {
  struct Case {
    const char* written;
    const char* printed;
  } cases[] = {
      {"10.1.2.3", "10.1.2.3"}, {"10.1.2.3/32", "10.1.2.3"},    {"192.168.37.29/25", "192.168.37.0/25"},
      {"10/8", "10.0.0.0/8"},   {"10.1/8", "10.0.0.0/8"},       {"172.16/12", "172.16.0.0/12"},
      {"0/0", "0.0.0.0/0"},     {"2001:DB8::1", "2001:db8::1"}, {"fec0::1/64", "fec0::/64"},
      {"::1/128", "::1"}};
  for (const Case& c : cases) {
    std::vector<PfAddress> a = sources(c.written);
    ASSERT_EQ(a.size(), 1u) << c.written;
    EXPECT_EQ(a[0].kind, Kind::Cidr) << c.written;
    EXPECT_EQ(a[0].text, c.printed) << c.written;
  }
}

TEST(PfReaderAddresses, ScopedIpv6NamesItsInterface) {
  std::vector<PfAddress> a = sources("fe80::1%lo0");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].text, "fe80::1");
  EXPECT_EQ(a[0].interface, "lo0");
}

TEST(PfReaderAddresses, RangesTablesAndSpecialWords) {
  std::vector<PfAddress> a =
      sources("{ 10.0.0.1 - 10.0.0.9, < bad >, !<good>, no-route, urpf-failed, any, ! 192.0.2.0/24 }");
  ASSERT_EQ(a.size(), 7u);
  EXPECT_EQ(a[0].kind, Kind::Range);
  EXPECT_EQ(a[0].text, "10.0.0.1 - 10.0.0.9");
  EXPECT_EQ(a[1].kind, Kind::Table);
  EXPECT_EQ(a[1].text, "<bad>");
  EXPECT_TRUE(a[2].negated);
  EXPECT_EQ(a[2].text, "<good>");
  EXPECT_EQ(a[3].kind, Kind::NoRoute);
  EXPECT_EQ(a[4].kind, Kind::UrpfFailed);
  EXPECT_EQ(a[5].kind, Kind::Any);
  EXPECT_TRUE(a[6].negated);
  EXPECT_EQ(a[6].text, "192.0.2.0/24");
}

TEST(PfReaderAddresses, InterfacesAndTheirModifiers) {
  std::vector<PfAddress> a = sources(
      "{ em0, (em0), em0:network, em0:broadcast, (em0:peer), em0:0, egress, (self), vlan10, (lo0)/24 }");
  ASSERT_EQ(a.size(), 10u);
  for (const PfAddress& x : a) EXPECT_EQ(x.kind, Kind::Interface) << x.text;
  EXPECT_FALSE(a[0].dynamic);
  EXPECT_EQ(a[0].interface, "em0");
  EXPECT_TRUE(a[1].dynamic);
  EXPECT_EQ(a[1].text, "(em0)");
  EXPECT_EQ(a[2].modifier, "network");
  EXPECT_EQ(a[3].modifier, "broadcast");
  EXPECT_EQ(a[4].modifier, "peer");
  EXPECT_TRUE(a[4].dynamic);
  EXPECT_EQ(a[4].text, "(em0:peer)");
  EXPECT_EQ(a[5].modifier, "0");
  EXPECT_EQ(a[6].interface, "egress");
  EXPECT_EQ(a[7].interface, "self");
  EXPECT_EQ(a[8].interface, "vlan10");
  EXPECT_EQ(a[9].text, "(lo0)/24");
}

TEST(PfReaderAddresses, HostNames) {
  std::vector<PfAddress> a = sources("{ www.example.com, mirror.example.org/24 }");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].kind, Kind::Hostname);
  EXPECT_EQ(a[0].text, "www.example.com");
  EXPECT_EQ(a[1].text, "mirror.example.org/24");
}

TEST(PfReaderAddresses, InvalidItemsAreReportedAtTheirColumn) {
  for (const char* bad : {"10.0.0.1/33", "300.1.2.3", "em0:nowhere", "10.0.0.9 - 10.0.0.1", "(10.0.0.1)",
                          "10.0.0.1 - ::1", "fe80::1%"}) {
    Read r;
    EXPECT_TRUE(sources(bad, &r).empty()) << bad;
    ASSERT_EQ(r.config.rules.size(), 1u) << bad;
    EXPECT_TRUE(r.rule(0).unreadable) << bad;
    const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
    ASSERT_NE(d, nullptr) << bad;
    EXPECT_EQ(d->where.column, 11u) << bad;
  }
}

TEST(PfReaderAddresses, LooksLikeInterface) {
  for (const char* name : {"em0", "vio1", "re0", "em0.100", "lo", "egress", "self", "wg0", "tun1000000"})
    EXPECT_TRUE(looks_like_interface(name)) << name;
  for (const char* name : {"localhost", "example", "e", "0em", "em0.x"})
    EXPECT_FALSE(looks_like_interface(name)) << name;
}

/// The destination ports of `pass proto tcp to port <spec>`.
std::vector<PfPort> ports(const std::string& spec) {
  Read r = read("pass proto tcp to port " + spec + "\n");
  if (r.config.rules.size() != 1 || r.rule(0).unreadable) return {};
  return r.rule(0).to.ports;
}

TEST(PfReaderAddresses, EveryPortOperator) {
  struct Case {
    const char* written;
    PfPort::Op op;
    int a, b;
  } cases[] = {{"80", PfPort::Op::Eq, 80, 0},
               {"= 80", PfPort::Op::Eq, 80, 0},
               {"!= 22", PfPort::Op::Ne, 22, 0},
               {"< 1024", PfPort::Op::Lt, 1024, 0},
               {"<= 1024", PfPort::Op::Le, 1024, 0},
               {"> 1023", PfPort::Op::Gt, 1023, 0},
               {">= 49152", PfPort::Op::Ge, 49152, 0},
               {"5900:5909", PfPort::Op::Range, 5900, 5909},
               {"33433 >< 33626", PfPort::Op::Inside, 33433, 33626},
               {"6000 <> 6010", PfPort::Op::Outside, 6000, 6010},
               {"0x10", PfPort::Op::Eq, 16, 0},
               {"ftp:ssh", PfPort::Op::Range, 21, 22},
               {"https", PfPort::Op::Eq, 443, 0},
               {"\"domain\"", PfPort::Op::Eq, 53, 0}};
  for (const Case& c : cases) {
    std::vector<PfPort> p = ports(c.written);
    ASSERT_EQ(p.size(), 1u) << c.written;
    EXPECT_EQ(p[0].op, c.op) << c.written;
    EXPECT_EQ(p[0].a, c.a) << c.written;
    if (c.op == PfPort::Op::Range || c.op == PfPort::Op::Inside || c.op == PfPort::Op::Outside) {
      EXPECT_EQ(p[0].b, c.b) << c.written;
    }
  }
}

TEST(PfReaderAddresses, ServiceNames) {
  EXPECT_EQ(parse_port_value("www"), 80);
  EXPECT_EQ(parse_port_value("ntp"), 123);
  EXPECT_EQ(parse_port_value("domain"), 53);
  EXPECT_EQ(parse_port_value("ssh"), 22);
  EXPECT_EQ(parse_port_value("65535"), 65535);
  EXPECT_FALSE(parse_port_value("65536"));
  EXPECT_FALSE(parse_port_value("0x10000"));
  EXPECT_FALSE(parse_port_value("frobnicate"));
}

TEST(PfReaderAddresses, BadPortsMakeTheRuleUnreadable) {
  for (const char* bad : {"70000", "nosuchservice", "80:nosuch", "{ 22 nosuch }"}) {
    Read r = read(std::string("pass proto tcp to port ") + bad + "\n");
    ASSERT_EQ(r.config.rules.size(), 1u) << bad;
    EXPECT_TRUE(r.rule(0).unreadable) << bad;
    EXPECT_EQ(r.count(finding_id::kUnrecognizedLine), 1u) << bad << "\n" << r.dump();
  }
}

TEST(PfReaderAddresses, FromPortWithoutAddressAndToWithoutFrom) {
  Read r = read("pass in quick inet proto udp from port bootps to port bootpc\npass inet to (lo0)/24\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  EXPECT_TRUE(r.rule(0).from.addresses.empty());
  EXPECT_EQ(r.rule(0).from.ports.at(0).a, 67);
  EXPECT_EQ(r.rule(0).to.ports.at(0).a, 68);
  EXPECT_TRUE(r.rule(1).from.addresses.empty());
  EXPECT_EQ(r.rule(1).to.addresses.at(0).text, "(lo0)/24");
}

}  // namespace
}  // namespace fwlint::pf::test
