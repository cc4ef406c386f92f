// SPDX-License-Identifier: Apache-2.0
// access-list entries: every operand form, ports, protocols, options, and
// what becomes unknown instead of silently disappearing.

#include "asa_test_util.h"

namespace fwlint::asa::test {
namespace {

const Rule& only_rule(const ParseResult& r, const std::string& acl) {
  const RuleList* l = list(r, acl);
  EXPECT_NE(l, nullptr) << "no list " << acl << "\n" << dump_diagnostics(r);
  EXPECT_EQ(l ? l->rules.size() : 0u, 1u) << dump_diagnostics(r);
  static Rule none;
  return l && !l->rules.empty() ? l->rules.front() : none;
}

TEST(AsaAcl, SimplePermitBecomesOneRuleWithLocation) {
  auto r = parse(two_interfaces() + "access-list in_acl extended permit tcp host 10.0.0.5 any eq www\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Rule& rule = only_rule(r, "in_acl");
  EXPECT_EQ(rule.action.kind, ActionKind::Allow);
  EXPECT_EQ(rule.match.protocols, proto(6));
  EXPECT_EQ(rule.match.src.addresses, cidr("10.0.0.5/32"));
  EXPECT_EQ(rule.match.dst.addresses, IpSet::all());
  EXPECT_EQ(rule.match.dst_ports, PortSet::single(80));
  EXPECT_TRUE(rule.match.src_ports.is_all());
  EXPECT_FALSE(rule.match.unknown);
  EXPECT_EQ(rule.location.line, 10u);
  EXPECT_EQ(rule.location.column, 1u);
  EXPECT_EQ(rule.location.text, "access-list in_acl extended permit tcp host 10.0.0.5 any eq www");
  EXPECT_EQ(rule.location.end_column, rule.location.text.size());
  EXPECT_EQ(r.policy.dialect, "asa");
}

TEST(AsaAcl, DenyIsBlock) {
  auto r = parse(two_interfaces() + "access-list a extended deny ip any any\n");
  EXPECT_EQ(only_rule(r, "a").action.kind, ActionKind::Block);
  EXPECT_TRUE(only_rule(r, "a").match.protocols.is_all());
}

TEST(AsaAcl, AddressForms) {
  std::string cfg = two_interfaces() +
                    "names\n"
                    "name 192.0.2.7 web1\n"
                    "object network OBJ\n"
                    " subnet 172.16.0.0 255.255.0.0\n"
                    "object-group network GRP\n"
                    " network-object host 192.0.2.1\n"
                    " network-object 192.0.2.64 255.255.255.192\n"
                    " network-object 2001:db8::/32\n"
                    "access-list a extended permit ip any4 any6\n"
                    "access-list b extended permit ip host 2001:db8::1 2001:db8:1::/48\n"
                    "access-list c extended permit ip 10.1.0.0 255.255.0.0 object OBJ\n"
                    "access-list d extended permit ip object-group GRP interface inside\n"
                    "access-list e extended permit ip host web1 web1 255.255.255.0\n"
                    "access-list f extended permit ip any any\n";
  auto r = parse(cfg);
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(only_rule(r, "a").match.src.addresses, IpSet::all_of(Family::V4));
  EXPECT_EQ(only_rule(r, "a").match.dst.addresses, IpSet::all_of(Family::V6));
  EXPECT_EQ(only_rule(r, "b").match.src.addresses, cidr("2001:db8::1/128"));
  EXPECT_EQ(only_rule(r, "b").match.dst.addresses, cidr("2001:db8:1::/48"));
  EXPECT_EQ(only_rule(r, "c").match.src.addresses, cidr("10.1.0.0/16"));
  EXPECT_EQ(only_rule(r, "c").match.dst.addresses, cidr("172.16.0.0/16"));
  IpSet grp = cidr("192.0.2.1/32").unite(cidr("192.0.2.64/26")).unite(cidr("2001:db8::/32"));
  EXPECT_EQ(only_rule(r, "d").match.src.addresses, grp);
  EXPECT_EQ(only_rule(r, "d").match.dst.addresses, cidr("10.0.0.1/32"));  // the interface's address
  EXPECT_EQ(only_rule(r, "e").match.src.addresses, cidr("192.0.2.7/32"));
  EXPECT_EQ(only_rule(r, "e").match.dst.addresses, cidr("192.0.2.0/24"));
  EXPECT_EQ(only_rule(r, "f").match.src.addresses, IpSet::all());
}

TEST(AsaAcl, InterfaceWithDhcpAddressIsUnknown) {
  auto r = parse("ASA Version 9.8\ninterface G0/0\n nameif outside\n ip address dhcp setroute\n"
                 "access-list a extended permit tcp any interface outside eq https\n");
  const Rule* certain = nullptr;
  const Rule* unknown = nullptr;
  for (const auto& rule : list(r, "a")->rules) (rule.match.unknown ? unknown : certain) = &rule;
  EXPECT_EQ(certain, nullptr);  // nothing is known for sure about a DHCP address
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->match.dst.addresses, IpSet::all());
  EXPECT_EQ(unknown->match.dst_ports, PortSet::single(443));
  EXPECT_NE(unknown->match.unknown_reason.find("dynamically"), std::string::npos);
}

TEST(AsaAcl, PortOperators) {
  auto r = parse(two_interfaces() +
                 "access-list eq extended permit tcp any any eq https\n"
                 "access-list neq extended permit udp any any neq 53\n"
                 "access-list lt extended permit tcp any any lt 1024\n"
                 "access-list gt extended permit tcp any any gt 1023\n"
                 "access-list rg extended permit udp any any range 10000 65535\n"
                 "access-list src extended permit tcp any range 1024 65535 any eq ssh\n"
                 "access-list named extended permit tcp any any range ftp-data ftp\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(only_rule(r, "eq").match.dst_ports, PortSet::single(443));
  EXPECT_EQ(only_rule(r, "neq").match.dst_ports, ports({{0, 52}, {54, 65535}}));
  EXPECT_EQ(only_rule(r, "lt").match.dst_ports, ports({{0, 1023}}));
  EXPECT_EQ(only_rule(r, "gt").match.dst_ports, ports({{1024, 65535}}));
  EXPECT_EQ(only_rule(r, "rg").match.dst_ports, ports({{10000, 65535}}));
  EXPECT_EQ(only_rule(r, "src").match.src_ports, ports({{1024, 65535}}));
  EXPECT_EQ(only_rule(r, "src").match.dst_ports, PortSet::single(22));
  EXPECT_EQ(only_rule(r, "named").match.dst_ports, ports({{20, 21}}));
}

TEST(AsaAcl, UnknownNamedPortIsReportedAndUnknown) {
  auto r = parse(two_interfaces() + "access-list a extended permit tcp any any eq nosuchport\n");
  ASSERT_EQ(count(r, finding_id::kUnrecognizedLine), 1u) << dump_diagnostics(r);
  const Diagnostic* d = diagnostics(r, finding_id::kUnrecognizedLine).front();
  EXPECT_EQ(d->where.line, 10u);
  EXPECT_EQ(d->where.column, 46u);
  EXPECT_EQ(d->where.end_column, 55u);
  EXPECT_EQ(r.status, ParseStatus::Partial);
  EXPECT_TRUE(only_rule(r, "a").match.unknown);
  EXPECT_TRUE(only_rule(r, "a").match.dst_ports.is_all());
}

TEST(AsaAcl, ProtocolNamesAndNumbers) {
  auto r = parse(two_interfaces() +
                 "access-list a extended permit gre any any\n"
                 "access-list b extended permit esp any any\n"
                 "access-list c extended permit 47 any any\n"
                 "access-list d extended permit icmp6 any6 any6\n"
                 "access-list e extended permit sctp any any\n"
                 "access-list f extended permit ah any any\n"
                 "access-list g extended permit udp any any\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(only_rule(r, "a").match.protocols, proto(47));
  EXPECT_EQ(only_rule(r, "b").match.protocols, proto(50));
  EXPECT_EQ(only_rule(r, "c").match.protocols, proto(47));
  EXPECT_EQ(only_rule(r, "d").match.protocols, proto(58));
  EXPECT_EQ(only_rule(r, "e").match.protocols, proto(132));
  EXPECT_EQ(only_rule(r, "f").match.protocols, proto(51));
  EXPECT_EQ(only_rule(r, "g").match.protocols, proto(17));
}

TEST(AsaAcl, ProtocolGroupServiceObjectAndServiceGroup) {
  auto r = parse(two_interfaces() +
                 "object-group protocol TCPUDP\n"
                 " protocol-object tcp\n"
                 " protocol-object udp\n"
                 "object service HTTPS\n"
                 " service tcp destination eq https\n"
                 "object-group service MIXED\n"
                 " service-object tcp destination eq www\n"
                 " service-object tcp destination eq https\n"
                 " service-object udp destination range 10000 65535\n"
                 " service-object tcp-udp destination eq domain\n"
                 " service-object object HTTPS\n"
                 "access-list pg extended permit object-group TCPUDP any any eq 443\n"
                 "access-list so extended permit object HTTPS any any\n"
                 "access-list sg extended permit object-group MIXED 10.0.0.0 255.255.255.0 any\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  ProtocolSet tcp_udp = proto(6).unite(proto(17));
  EXPECT_EQ(only_rule(r, "pg").match.protocols, tcp_udp);
  EXPECT_EQ(only_rule(r, "pg").match.dst_ports, PortSet::single(443));
  EXPECT_EQ(only_rule(r, "so").match.protocols, proto(6));
  EXPECT_EQ(only_rule(r, "so").match.dst_ports, PortSet::single(443));
  // Mixed protocols: a few exact rules, linear in the group, never one per port.
  const RuleList* sg = list(r, "sg");
  ASSERT_NE(sg, nullptr);
  ASSERT_LE(sg->rules.size(), 3u);
  PortSet tcp_ports, udp_ports;
  for (const auto& rule : sg->rules) {
    EXPECT_EQ(rule.match.src.addresses, cidr("10.0.0.0/24"));
    EXPECT_EQ(rule.location.line, sg->rules.front().location.line);
    if (rule.match.protocols.contains(6)) tcp_ports.add(rule.match.dst_ports);
    if (rule.match.protocols.contains(17)) udp_ports.add(rule.match.dst_ports);
  }
  EXPECT_EQ(tcp_ports, ports({{53, 53}, {80, 80}, {443, 443}}));
  EXPECT_EQ(udp_ports, ports({{53, 53}, {10000, 65535}}));
}

TEST(AsaAcl, PortGroupsInSourceAndDestinationPositions) {
  auto r = parse(two_interfaces() +
                 "object-group network SERVERS\n"
                 " network-object host 192.0.2.10\n"
                 "object-group service HIGH tcp\n"
                 " port-object range 1024 65535\n"
                 "object-group service WEB tcp\n"
                 " port-object eq www\n"
                 " port-object eq https\n"
                 "access-list a extended permit tcp any object-group HIGH object-group SERVERS object-group WEB\n"
                 "access-list b extended permit tcp any object-group SERVERS object-group WEB\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Rule& a = only_rule(r, "a");
  EXPECT_EQ(a.match.src_ports, ports({{1024, 65535}}));
  EXPECT_EQ(a.match.dst.addresses, cidr("192.0.2.10/32"));
  EXPECT_EQ(a.match.dst_ports, ports({{80, 80}, {443, 443}}));
  const Rule& b = only_rule(r, "b");
  EXPECT_TRUE(b.match.src_ports.is_all());
  EXPECT_EQ(b.match.dst_ports, ports({{80, 80}, {443, 443}}));
}

TEST(AsaAcl, RemarksAndNonL3AclsAreNotRules) {
  auto r = parse(two_interfaces() +
                 "access-list a remark allow web ! with punctuation \"quotes\" and any 1.2.3.4\n"
                 "access-list a extended permit tcp any any eq 80\n"
                 "access-list std standard permit 10.0.0.0 255.0.0.0\n"
                 "access-list wt webtype permit url http://example.com/*\n"
                 "access-list et ethertype permit bpdu\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(list(r, "a")->rules.size(), 1u);
  EXPECT_EQ(list(r, "std"), nullptr);
  EXPECT_EQ(list(r, "wt"), nullptr);
  EXPECT_EQ(list(r, "et"), nullptr);
}

TEST(AsaAcl, TimeRangeMakesTheRuleUnknown) {
  auto r = parse(two_interfaces() +
                 "time-range WORKHOURS\n periodic weekdays 8:00 to 18:00\n"
                 "access-list a extended permit udp any any eq 3478 log time-range WORKHOURS\n");
  const Rule& rule = only_rule(r, "a");
  EXPECT_TRUE(rule.match.unknown);
  EXPECT_NE(rule.match.unknown_reason.find("time-range WORKHOURS"), std::string::npos);
  EXPECT_EQ(rule.match.dst_ports, PortSet::single(3478));  // still exact where it is known
  EXPECT_EQ(rule.action.kind, ActionKind::Allow);
}

TEST(AsaAcl, InactiveEntriesAreIgnored) {
  auto r = parse(two_interfaces() +
                 "access-list a extended deny tcp any any eq 443 inactive\n"
                 "access-list a extended permit tcp any any eq 443 log 6 interval 300\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(only_rule(r, "a").action.kind, ActionKind::Allow);
}

TEST(AsaAcl, IdentityFieldsMakeTheRuleUnknown) {
  auto r = parse(two_interfaces() +
                 "access-list a extended permit tcp user LOCAL\\alice any any eq 443\n"
                 "access-list b extended permit tcp object-group-user STAFF any any eq 443\n"
                 "access-list c extended permit ip security-group name sales any any\n");
  for (const char* acl : {"a", "b", "c"}) {
    const Rule& rule = only_rule(r, acl);
    EXPECT_TRUE(rule.match.unknown) << acl;
    EXPECT_NE(rule.match.unknown_reason.find("identity"), std::string::npos) << acl;
  }
}

TEST(AsaAcl, IcmpTypesAreUnknownButOtherProtocolsStayExact) {
  auto r = parse(two_interfaces() +
                 "access-list a extended permit icmp any any echo-reply\n"
                 "access-list b extended permit icmp any any\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_TRUE(only_rule(r, "a").match.unknown);
  EXPECT_EQ(only_rule(r, "a").match.protocols, proto(1));
  EXPECT_FALSE(only_rule(r, "b").match.unknown);
}

TEST(AsaAcl, UnparsableEntryIsReportedAndKeptAsUnknown) {
  auto r = parse(two_interfaces() + "access-list a extended permit tcp any any frobnicate\n"
                                    "access-list a extended deny tcp any any eq 443 % garbage\n"
                                    "access-list a extended whatever\n");
  ASSERT_EQ(count(r, finding_id::kUnrecognizedLine), 3u) << dump_diagnostics(r);
  auto diags = diagnostics(r, finding_id::kUnrecognizedLine);
  EXPECT_EQ(diags[0]->where.line, 10u);
  EXPECT_EQ(diags[0]->where.column, 43u);  // "frobnicate"
  EXPECT_EQ(diags[1]->where.line, 11u);
  EXPECT_EQ(diags[1]->where.column, 48u);  // "%"
  EXPECT_EQ(diags[2]->where.column, 24u);  // "whatever"
  EXPECT_EQ(r.status, ParseStatus::Partial);
  const RuleList* l = list(r, "a");
  ASSERT_NE(l, nullptr);
  // permit (unknown) + deny (unknown) + both possibilities for the line
  // whose action is unreadable.
  ASSERT_EQ(l->rules.size(), 4u);
  for (const auto& rule : l->rules) EXPECT_TRUE(rule.match.unknown);
  EXPECT_EQ(l->rules[0].action.kind, ActionKind::Allow);
  EXPECT_EQ(l->rules[0].match.protocols, proto(6));
  EXPECT_EQ(l->rules[1].action.kind, ActionKind::Block);
  EXPECT_EQ(l->rules[1].location.line, 11u);
  EXPECT_EQ(l->rules[2].action.kind, ActionKind::Block);
  EXPECT_EQ(l->rules[3].action.kind, ActionKind::Allow);
}

TEST(AsaAcl, MissingDestinationIsReported) {
  auto r = parse(two_interfaces() + "access-list a extended permit tcp any\n");
  ASSERT_EQ(count(r, finding_id::kUnrecognizedLine), 1u);
  // Just past the end of the line: "access-list a extended permit tcp any" is 37 long.
  EXPECT_EQ(diagnostics(r, finding_id::kUnrecognizedLine).front()->where.column, 38u);
  EXPECT_TRUE(only_rule(r, "a").match.unknown);
}

TEST(AsaAcl, NonContiguousMaskIsReportedAndUnknown) {
  auto r = parse(two_interfaces() + "access-list a extended permit ip 10.0.0.0 255.0.255.0 any\n");
  ASSERT_EQ(count(r, finding_id::kUnsupportedConstruct), 1u) << dump_diagnostics(r);
  const Diagnostic* d = diagnostics(r, finding_id::kUnsupportedConstruct).front();
  EXPECT_EQ(d->where.line, 10u);
  EXPECT_EQ(d->where.column, 43u);
  EXPECT_TRUE(only_rule(r, "a").match.unknown);
  EXPECT_EQ(only_rule(r, "a").match.src.addresses, IpSet::all());
}

TEST(AsaAcl, LineNumbersInsertEntries) {
  auto r = parse(two_interfaces() +
                 "access-list a extended permit tcp any any eq 1\n"
                 "access-list a extended permit tcp any any eq 2\n"
                 "access-list a line 1 extended permit tcp any any eq 3\n"
                 "access-list a line 2 remark between\n"
                 "access-list a line 3 extended permit tcp any any eq 4\n");
  const RuleList* l = list(r, "a");
  ASSERT_NE(l, nullptr);
  std::vector<int> order;
  for (const auto& rule : l->rules) order.push_back(rule.match.dst_ports.intervals().front().lo);
  // 3, remark, 4, 1, 2
  EXPECT_EQ(order, (std::vector<int>{3, 4, 1, 2}));
}

TEST(AsaAcl, ShowAccessListOutputIsRead) {
  auto r = parse(two_interfaces() +
                 "access-list cached ACL log flows: total 0, denied 0 (deny-flow-max 4096)\n"
                 "            alert-interval 300\n"
                 "access-list x; 2 elements; name hash: 0x96b5d78b\n"
                 "access-list x line 1 extended permit tcp object-group G any eq 443 (hitcnt=0) 0x61fe98bb\n"
                 "  access-list x line 1 extended permit tcp 10.0.0.0 255.0.0.0 any eq 443 (hitcnt=0) 0x1\n"
                 "access-list x line 2 extended deny tcp any any eq 80 inactive (hitcnt=0) (inactive) 0x2\n");
  // G is not defined in this excerpt: reported once; the expansion line is
  // not read as a second entry.
  EXPECT_EQ(count(r, finding_id::kUndefinedReference), 1u) << dump_diagnostics(r);
  EXPECT_EQ(count(r, finding_id::kUnrecognizedLine), 0u) << dump_diagnostics(r);
  const RuleList* l = list(r, "x");
  ASSERT_NE(l, nullptr);
  ASSERT_EQ(l->rules.size(), 1u);
  EXPECT_TRUE(l->rules[0].match.unknown);
}

TEST(AsaAcl, PartialGroupGivesCertainRuleThenUnknownRest) {
  auto r = parse(two_interfaces() +
                 "object-group network G\n"
                 " network-object host 192.0.2.1\n"
                 " group-object MISSING\n"
                 "access-list a extended permit tcp any object-group G eq 443\n");
  EXPECT_EQ(count(r, finding_id::kUndefinedReference), 1u);
  const Diagnostic* d = diagnostics(r, finding_id::kUndefinedReference).front();
  EXPECT_EQ(d->where.line, 12u);
  EXPECT_EQ(d->where.column, 15u);
  const RuleList* l = list(r, "a");
  ASSERT_NE(l, nullptr);
  ASSERT_EQ(l->rules.size(), 2u);
  EXPECT_FALSE(l->rules[0].match.unknown);
  EXPECT_EQ(l->rules[0].match.dst.addresses, cidr("192.0.2.1/32"));
  EXPECT_TRUE(l->rules[1].match.unknown);
  EXPECT_EQ(l->rules[1].match.dst.addresses, IpSet::all());
  EXPECT_EQ(l->rules[1].match.dst_ports, PortSet::single(443));
}

TEST(AsaAcl, FqdnObjectsBecomeNames) {
  auto r = parse(two_interfaces() +
                 "object network AGORA\n fqdn v4 ap-web-1.agora.io\n"
                 "object-group network MIX\n network-object object AGORA\n network-object host 192.0.2.9\n"
                 "access-list a extended permit tcp any object-group MIX eq 443\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Rule& rule = only_rule(r, "a");
  EXPECT_EQ(rule.match.dst.addresses, cidr("192.0.2.9/32"));
  ASSERT_EQ(rule.match.dst.names.size(), 1u);
  EXPECT_EQ(rule.match.dst.names[0].text(), "ap-web-1.agora.io");
}

TEST(AsaAcl, TwoLargeGroupsAreOneRuleWithTwoSets) {
  std::string cfg = two_interfaces();
  for (const char* g : {"A", "B"}) {
    cfg += std::string("object-group network ") + g + "\n";
    for (int i = 0; i < 1000; ++i)
      cfg += " network-object host " + std::string(g[0] == 'A' ? "10." : "172.") + std::to_string(i / 250) +
             "." + std::to_string(i % 250) + ".1\n";
  }
  cfg += "access-list big extended permit tcp object-group A object-group B eq 443\n";
  auto r = parse(cfg);
  const Rule& rule = only_rule(r, "big");
  EXPECT_EQ(rule.match.src.addresses.v4.intervals().size(), 1000u);
  EXPECT_EQ(rule.match.dst.addresses.v4.intervals().size(), 1000u);
}

}  // namespace
}  // namespace fwlint::asa::test
