// SPDX-License-Identifier: Apache-2.0
// `from` / `to` as sets: lists with negated items, tables, `self`,
// interface addresses, host names, no-route and urpf-failed.
#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

IpSet cidr(const std::string& text) { return *parse_cidr(text); }

const Rule& only_rule(const Built& b) {
  EXPECT_EQ(b.main().rules.size(), 1u);
  return b.main().rules.at(0);
}

TEST(PfPolicyAddresses, ListWithANegatedItemIsTheUnionOfItsItems) {
  // pfctl expands the list into `from 192.168.1.0/24` and `from !10.0.0.0/8`.
  Built b = build(config({block().from(addrs({"192.168.1.0/24", "!10.0.0.0/8"}))}));
  EXPECT_EQ(only_rule(b).match.src.addresses, IpSet::all_of(Family::V4).subtract(cidr("10.0.0.0/8")));
  Packet inside_ten;
  inside_ten.src = "10.1.2.3";
  EXPECT_EQ(verdict(b.policy, inside_ten), Verdict::Allowed);
  Packet elsewhere;
  elsewhere.src = "172.16.0.9";
  EXPECT_EQ(verdict(b.policy, elsewhere), Verdict::Blocked);
}

TEST(PfPolicyAddresses, NegatedItemStaysInItsFamily) {
  Built b = build(config({block().to(addrs({"!10.0.0.0/8"}))}));
  EXPECT_EQ(only_rule(b).match.dst.addresses, IpSet::all_of(Family::V4).subtract(cidr("10.0.0.0/8")));
  EXPECT_TRUE(only_rule(b).match.dst.addresses.v6.empty()) << "pfctl makes it an inet rule";
}

TEST(PfPolicyAddresses, RangesAndAny) {
  Built b = build(config({block().from(addrs({"10.0.0.1 - 10.0.0.9"})).to(addrs({"any"}))}));
  EXPECT_EQ(only_rule(b).match.src.addresses, *parse_address_range("10.0.0.1", "10.0.0.9"));
  EXPECT_EQ(only_rule(b).match.dst.addresses, IpSet::all());
  Built none = build(config({block().to(addrs({"!any"}))}));
  EXPECT_TRUE(only_rule(none).match.dst.addresses.empty());
}

TEST(PfPolicyAddresses, TableEntriesFollowTheMostSpecificEntry) {
  PfTable t = table("nets", addrs({"10.1.2.0/24", "10.0.0.0/8", "!10.1.0.0/16"}));
  Built b = build(config({block().to(addrs({"<nets>"}))}, {t}));
  IpSet expected = cidr("10.0.0.0/8").subtract(cidr("10.1.0.0/16")).unite(cidr("10.1.2.0/24"));
  EXPECT_EQ(only_rule(b).match.dst.addresses, expected);
  EXPECT_FALSE(only_rule(b).match.unknown);
  EXPECT_EQ(b.notes_containing("<nets>"), 0u) << "a const table is what pf.conf says";
}

TEST(PfPolicyAddresses, NegatedTableIsItsComplement) {
  PfTable t = table("lan", addrs({"192.168.1.0/24"}));
  Built b = build(config({block().from(addrs({"!<lan>"}))}, {t}));
  EXPECT_EQ(only_rule(b).match.src.addresses, IpSet::all().subtract(cidr("192.168.1.0/24")));
}

TEST(PfPolicyAddresses, TableThatMayChangeIsTakenAsListedWithANote) {
  PfTable t = table("partners", addrs({"198.51.100.0/24"}), /*is_const=*/false);
  Built b = build(config({pass().to(addrs({"<partners>"}))}, {t}));
  EXPECT_FALSE(b.main().rules.at(0).match.unknown);
  EXPECT_EQ(b.notes_containing("table <partners> is not const"), 1u);
}

TEST(PfPolicyAddresses, TablesFilledAtRunTimeAreUnknown) {
  PfTable bruteforce = table("bruteforce", {}, false);
  bruteforce.persist = true;
  PfTable from_file = table("spam", addrs({"203.0.113.7"}), false);
  from_file.files = {"/etc/spammers"};
  from_file.files_read = false;
  Built b = build(config({block().from(addrs({"<bruteforce>"})), block().from(addrs({"<spam>"})),
                          block().from(addrs({"<nowhere>"}))},
                         {bruteforce, from_file}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 4u) << "<spam>: its listed entry exactly, the file's unknown";
  EXPECT_TRUE(rules[0].match.unknown);
  EXPECT_FALSE(rules[1].match.unknown);
  EXPECT_EQ(rules[1].match.src.addresses, cidr("203.0.113.7"));
  EXPECT_TRUE(rules[2].match.unknown);
  EXPECT_TRUE(rules[3].match.unknown);
  EXPECT_NE(rules[3].match.unknown_reason.find("not defined"), std::string::npos);
  EXPECT_EQ(b.notes_containing("<bruteforce>"), 1u);
  EXPECT_EQ(b.notes_containing("<spam>"), 1u);
  EXPECT_EQ(b.notes_containing("<nowhere>"), 1u);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Unknown);
}

TEST(PfPolicyAddresses, TableWithUnreadableEntriesIsMoreThanItsListedOnes) {
  PfTable partial = table("partial", addrs({"203.0.113.7"}), true);
  partial.unreadable_entries = true;
  Built b = build(config({block().from(addrs({"<partial>"}))}, {partial}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 2u) << "the listed entry exactly, the unreadable ones unknown";
  EXPECT_FALSE(rules[0].match.unknown);
  EXPECT_EQ(rules[0].match.src.addresses, cidr("203.0.113.7"));
  EXPECT_TRUE(rules[1].match.unknown);
  EXPECT_NE(rules[1].match.unknown_reason.find("could not be read"), std::string::npos);
}

TEST(PfPolicyAddresses, SelfIsTheDevicesOwnAddresses) {
  Built b = build(config({block().out().from(addrs({"self"}))}), paths(PathMode::Auto, {"em1"}, "em0"));
  EXPECT_EQ(only_rule(b).match.src.types, kTypeLocal);
  EXPECT_EQ(path_verdicts(b, "host", 17, 3478), only(Verdict::Blocked));
  EXPECT_EQ(path_verdicts(b, "gateway", 17, 3478), only(Verdict::Allowed)) << "clients behind are not self";
  Built not_self =
      build(config({block().out().from(addrs({"!self"}))}), paths(PathMode::Auto, {"em1"}, "em0"));
  EXPECT_EQ(path_verdicts(not_self, "host", 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(path_verdicts(not_self, "gateway", 17, 3478), only(Verdict::Blocked));
  Built to_self = build(config({block().out().to(addrs({"self"}))}), paths(PathMode::Host));
  EXPECT_EQ(path_verdicts(to_self, "host", 17, 3478), only(Verdict::Allowed)) << "Agora is not the device";
}

TEST(PfPolicyAddresses, InterfaceAddressesAreUnknownButListedAddressesStayExact) {
  Built b = build(config({block(), pass().from(addrs({"192.168.1.0/24", "em1:network"})).proto("udp")}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_FALSE(rules[1].match.unknown);
  EXPECT_EQ(rules[1].match.src.addresses, cidr("192.168.1.0/24"));
  EXPECT_TRUE(rules[2].match.unknown);
  EXPECT_NE(rules[2].match.unknown_reason.find("em1:network"), std::string::npos);
  Packet lan;
  lan.protocol = 17;
  EXPECT_EQ(verdict(b.policy, lan), Verdict::Allowed);
  Packet other = lan;
  other.src = "10.9.9.9";
  EXPECT_EQ(verdict(b.policy, other), Verdict::Unknown);
}

TEST(PfPolicyAddresses, FamilyRestrictsUnknownAlternativesToo) {
  Built b = build(config({block().inet().from(addrs({"(em0)"}))}));
  EXPECT_EQ(only_rule(b).match.src.addresses, IpSet::all_of(Family::V4));
  EXPECT_TRUE(only_rule(b).match.unknown);
}

TEST(PfPolicyAddresses, HostNamesAreNamesAsDestinationsOnly) {
  Built b = build(config({pass().to(addrs({"ap.agora.io"})).proto("udp"),
                          pass().from(addrs({"build.example.com"})).proto("udp"),
                          pass().to(addrs({"!ap.agora.io"})).proto("udp")}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 3u);
  ASSERT_EQ(rules[0].match.dst.names.size(), 1u);
  EXPECT_EQ(rules[0].match.dst.names[0].text(), "ap.agora.io");
  EXPECT_TRUE(rules[0].match.dst.addresses.empty());
  EXPECT_FALSE(rules[0].match.unknown);
  EXPECT_TRUE(rules[1].match.unknown) << "a source host name is addresses pf.conf does not give";
  EXPECT_TRUE(rules[2].match.unknown);
}

TEST(PfPolicyAddresses, NoRouteMatchesNoRoutableAddress) {
  Built b = build(config({block().to(addrs({"no-route"})), block().from(addrs({"no-route"}))}));
  for (const Rule& r : b.main().rules) EXPECT_FALSE(r.match.unknown);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Allowed);
  Built negated = build(config({block().to(addrs({"!no-route"}))}));
  EXPECT_EQ(verdict(negated.policy, Packet{}), Verdict::Blocked);
}

TEST(PfPolicyAddresses, UrpfFailedIsUnknown) {
  Built b = build(config({block().in().from(addrs({"urpf-failed"}))}));
  EXPECT_TRUE(only_rule(b).match.unknown);
  Packet in;
  in.way = kWayIn;
  EXPECT_EQ(verdict(b.policy, in), Verdict::Unknown);
}

}  // namespace
}  // namespace fwlint::pf::test
