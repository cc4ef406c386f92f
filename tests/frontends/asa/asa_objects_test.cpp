// SPDX-License-Identifier: Apache-2.0
// objects and object-groups: members, nesting, references that are
// undefined, cyclic or duplicated.
#include "asa_test_util.h"

namespace fwlint::asa::test {
namespace {

const Rule& first_rule(const ParseResult& r, const std::string& acl) {
  const RuleList* l = list(r, acl);
  static Rule none;
  EXPECT_TRUE(l && !l->rules.empty()) << dump_diagnostics(r);
  return l && !l->rules.empty() ? l->rules.front() : none;
}

TEST(AsaObjects, NetworkObjectForms) {
  auto r = parse(two_interfaces() +
                 "object network H\n host 192.0.2.1\n"
                 "object network S\n subnet 192.0.2.0 255.255.255.0\n"
                 "object network S6\n subnet 2001:db8::/64\n"
                 "object network R\n range 10.0.0.10 10.0.0.20\n"
                 "object network D\n description only a description\n"
                 "access-list h extended permit ip any object H\n"
                 "access-list s extended permit ip any object S\n"
                 "access-list s6 extended permit ip any object S6\n"
                 "access-list r extended permit ip any object R\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(first_rule(r, "h").match.dst.addresses, cidr("192.0.2.1/32"));
  EXPECT_EQ(first_rule(r, "s").match.dst.addresses, cidr("192.0.2.0/24"));
  EXPECT_EQ(first_rule(r, "s6").match.dst.addresses, cidr("2001:db8::/64"));
  IpSet range;
  range.v4.add(0x0A00000A, 0x0A000014);
  EXPECT_EQ(first_rule(r, "r").match.dst.addresses, range);
}

TEST(AsaObjects, NestedGroupsUnion) {
  auto r = parse(two_interfaces() +
                 "object network WEB\n host 192.0.2.80\n"
                 "object-group network INNER\n network-object 10.1.0.0 255.255.0.0\n"
                 "object-group network OUTER\n"
                 " description nested\n"
                 " network-object object WEB\n"
                 " group-object INNER\n"
                 " network-object host 10.9.9.9\n"
                 "object-group service WEB-PORTS tcp\n port-object eq 80\n"
                 "object-group service MORE-PORTS tcp\n group-object WEB-PORTS\n port-object eq 8080\n"
                 "access-list a extended permit tcp object-group OUTER any object-group MORE-PORTS\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Rule& rule = first_rule(r, "a");
  EXPECT_EQ(rule.match.src.addresses,
            cidr("192.0.2.80/32").unite(cidr("10.1.0.0/16")).unite(cidr("10.9.9.9/32")));
  EXPECT_EQ(rule.match.dst_ports, ports({{80, 80}, {8080, 8080}}));
}

TEST(AsaObjects, UnindentedMembersBelongToTheGroup) {
  // Some exports (and Ansible fixtures) drop the indentation.
  auto r = parse(two_interfaces() +
                 "object-group network G\n"
                 "description flat export\n"
                 "network-object host 8.8.8.8\n"
                 "network-object 192.168.0.0 255.255.0.0\n"
                 "access-list a extended permit ip any object-group G\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(first_rule(r, "a").match.dst.addresses, cidr("8.8.8.8/32").unite(cidr("192.168.0.0/16")));
}

TEST(AsaObjects, UndefinedObjectGroupInAclIsReportedWithColumn) {
  auto r = parse(two_interfaces() + "access-list a extended permit tcp object-group NOPE any eq 443\n");
  ASSERT_EQ(count(r, finding_id::kUndefinedReference), 1u) << dump_diagnostics(r);
  const Diagnostic* d = diagnostics(r, finding_id::kUndefinedReference).front();
  EXPECT_EQ(d->where.line, 10u);
  EXPECT_EQ(d->where.column, 48u);
  EXPECT_EQ(d->where.end_column, 51u);
  EXPECT_NE(d->message.find("NOPE"), std::string::npos);
  EXPECT_EQ(r.status, ParseStatus::Partial);
  const Rule& rule = first_rule(r, "a");
  EXPECT_TRUE(rule.match.unknown);
  EXPECT_EQ(rule.match.src.addresses, IpSet::all());
  EXPECT_EQ(rule.match.dst_ports, PortSet::single(443));
}

TEST(AsaObjects, UseBeforeDefinitionIsUndefined) {
  auto r = parse(two_interfaces() +
                 "access-list a extended permit ip any object LATER\n"
                 "object network LATER\n host 192.0.2.1\n");
  EXPECT_EQ(count(r, finding_id::kUndefinedReference), 1u);
  EXPECT_TRUE(first_rule(r, "a").match.unknown);
}

TEST(AsaObjects, UndefinedMembersReported) {
  auto r = parse(two_interfaces() +
                 "object-group network G\n"
                 " network-object object NO_OBJ\n"
                 " group-object NO_GROUP\n"
                 "object-group service S\n"
                 " service-object object NO_SVC\n"
                 " service-object object icmp-echo\n");
  auto d = diagnostics(r, finding_id::kUndefinedReference);
  ASSERT_EQ(d.size(), 3u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 11u);
  EXPECT_EQ(d[0]->where.column, 24u);
  EXPECT_EQ(d[1]->where.line, 12u);
  EXPECT_EQ(d[1]->where.column, 15u);
  EXPECT_EQ(d[2]->where.line, 14u);
}

TEST(AsaObjects, SelfReferenceIsACycle) {
  auto r = parse(two_interfaces() +
                 "object-group network LOOP\n"
                 " network-object host 192.0.2.1\n"
                 " group-object LOOP\n"
                 "access-list a extended permit ip any object-group LOOP\n");
  ASSERT_EQ(count(r, finding_id::kReferenceCycle), 1u) << dump_diagnostics(r);
  const Diagnostic* d = diagnostics(r, finding_id::kReferenceCycle).front();
  EXPECT_EQ(d->where.line, 12u);
  EXPECT_EQ(d->where.column, 15u);
  EXPECT_EQ(first_rule(r, "a").match.dst.addresses, cidr("192.0.2.1/32"));
}

TEST(AsaObjects, CycleThroughReopenedGroupsTerminates) {
  auto r = parse(two_interfaces() +
                 "object-group network A\n network-object host 10.0.0.1\n"
                 "object-group network B\n network-object host 10.0.0.2\n group-object A\n"
                 "object-group network A\n group-object B\n"
                 "access-list acl extended permit ip object-group A object-group B\n");
  EXPECT_EQ(count(r, finding_id::kReferenceCycle), 1u) << dump_diagnostics(r);
  EXPECT_EQ(count(r, finding_id::kDuplicateDefinition), 1u) << dump_diagnostics(r);  // A re-opened
  const Rule& rule = first_rule(r, "acl");
  IpSet both = cidr("10.0.0.1/32").unite(cidr("10.0.0.2/32"));
  EXPECT_TRUE(both.includes(rule.match.src.addresses));
  EXPECT_TRUE(rule.match.src.addresses.includes(cidr("10.0.0.1/32")));
  EXPECT_TRUE(both.includes(rule.match.dst.addresses));
}

TEST(AsaObjects, DuplicateNamesAcrossKinds) {
  auto r = parse(two_interfaces() +
                 "object network X\n host 192.0.2.1\n"
                 "object-group network X\n network-object host 192.0.2.2\n"
                 "object service X\n service tcp destination eq 80\n"
                 "access-list a extended permit ip any object X\n");
  auto d = diagnostics(r, finding_id::kDuplicateDefinition);
  ASSERT_EQ(d.size(), 2u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 12u);
  EXPECT_EQ(d[0]->where.column, 22u);
  EXPECT_EQ(d[1]->where.line, 14u);
  // The first definition stays; the refused blocks' members are not added.
  EXPECT_EQ(first_rule(r, "a").match.dst.addresses, cidr("192.0.2.1/32"));
}

TEST(AsaObjects, ConflictingRedefinitionOfObjectIsReported) {
  auto r = parse(two_interfaces() +
                 "object network X\n host 192.0.2.1\n"
                 "object network X\n host 192.0.2.2\n"
                 "access-list a extended permit ip any object X\n");
  ASSERT_EQ(count(r, finding_id::kDuplicateDefinition), 1u) << dump_diagnostics(r);
  EXPECT_EQ(diagnostics(r, finding_id::kDuplicateDefinition).front()->where.line, 13u);
  EXPECT_EQ(first_rule(r, "a").match.dst.addresses, cidr("192.0.2.2/32"));
}

TEST(AsaObjects, ReopeningAnObjectForNatIsNotADuplicate) {
  auto r = parse(two_interfaces() +
                 "object network LAN\n subnet 10.0.0.0 255.255.255.0\n"
                 "access-list a extended permit ip object LAN any\n"
                 "object network LAN\n nat (inside,outside) dynamic interface\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  EXPECT_EQ(count(r, finding_id::kDuplicateDefinition), 0u);
}

TEST(AsaObjects, WrongMemberKindIsUnrecognized) {
  auto r = parse(two_interfaces() +
                 "object-group network G\n port-object eq 80\n"
                 "object-group protocol P\n protocol-object nosuchproto\n");
  auto d = diagnostics(r, finding_id::kUnrecognizedLine);
  ASSERT_EQ(d.size(), 2u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 11u);
  EXPECT_EQ(d[1]->where.line, 13u);
  EXPECT_EQ(d[1]->where.column, 18u);
}

TEST(AsaObjects, GarbageInsideAnObjectIsUnrecognized) {
  auto r = parse(two_interfaces() +
                 "object network N\n host 1.2.3.4 extra\n"
                 "object-group network G\n network-object bogus\n"
                 "access-list a extended permit ip any object-group G\n");
  auto d = diagnostics(r, finding_id::kUnrecognizedLine);
  ASSERT_EQ(d.size(), 2u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 11u);
  EXPECT_EQ(d[0]->where.column, 15u);
  EXPECT_EQ(d[1]->where.line, 13u);
  EXPECT_EQ(d[1]->where.column, 22u);  // end of line: a name alone needs a mask
  // The group lost a member: the ACE that uses it is unknown.
  EXPECT_TRUE(first_rule(r, "a").match.unknown);
}

TEST(AsaObjects, ServiceObjectForms) {
  auto r = parse(two_interfaces() +
                 "object service SRC\n service udp source eq 5060 destination range 10000 20000\n"
                 "object service ANYTCP\n service tcp\n"
                 "object-group service G\n"
                 " service-object udp eq 1235\n"
                 " service-object udp source eq 3 eq 1236\n"
                 "access-list a extended permit object SRC any any\n"
                 "access-list b extended permit object ANYTCP any any\n"
                 "access-list c extended permit object-group G any any\n");
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Rule& a = first_rule(r, "a");
  EXPECT_EQ(a.match.src_ports, PortSet::single(5060));
  EXPECT_EQ(a.match.dst_ports, ports({{10000, 20000}}));
  EXPECT_TRUE(first_rule(r, "b").match.dst_ports.is_all());
  const RuleList* c = list(r, "c");
  ASSERT_EQ(c->rules.size(), 2u);  // different source ports: two exact rules
}

}  // namespace
}  // namespace fwlint::asa::test
