// SPDX-License-Identifier: Apache-2.0
// Translation seen by later rules: `match … nat-to` changes the source the
// rules after it see; `pass … nat-to` translates only once it decided;
// redirections make the outcome unknown; legacy `nat` runs before filtering.
#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

PfRule nat_match() { return match().out().on("egress").option("nat-to (egress:0)", true); }

TEST(PfPolicyTranslations, RulesAfterAMatchNatFilteringOnTheSourceAreUnknown) {
  Built b = build(config({block(), nat_match(), pass().out().from(addrs({"192.168.1.0/24"}))}));
  const Rule& after = b.main().rules.back();
  EXPECT_TRUE(after.match.unknown);
  EXPECT_NE(after.match.unknown_reason.find("translated by line 2"), std::string::npos);
  EXPECT_EQ(b.notes_containing("nat-to (egress:0) translates source addresses"), 1u);
  Packet p;
  p.src = "192.168.1.10";
  EXPECT_EQ(verdict(b.policy, p), Verdict::Unknown);
}

TEST(PfPolicyTranslations, OtherRulesAfterAMatchNatStayExact) {
  Built b = build(config({block(), nat_match(), pass().out().quick().inet(), pass().in().on("em1"),
                          pass().in().from(addrs({"192.168.1.0/24"})).proto("udp")}));
  for (const Rule& r : b.main().rules) EXPECT_FALSE(r.match.unknown) << r.location.line;
  EXPECT_EQ(b.notes_containing("translates source addresses"), 0u);
}

TEST(PfPolicyTranslations, RulesBeforeTheTranslationAreNotAffected) {
  Built b = build(config({pass().out().from(addrs({"192.168.1.0/24"})), nat_match()}));
  EXPECT_FALSE(b.main().rules.front().match.unknown);
}

TEST(PfPolicyTranslations, PassNatTranslatesOnlyOnceItDecided) {
  Built b = build(config({pass().out().on("egress").option("nat-to (egress)", true),
                          block().out().from(addrs({"192.168.1.0/24"})).proto("udp")}));
  for (const Rule& r : b.main().rules) EXPECT_FALSE(r.match.unknown);
}

TEST(PfPolicyTranslations, TranslationInsideAnAnchorReachesTheRulesAfterIt) {
  auto a = inline_anchor("nat", {nat_match()});
  Built b = build(config({anchor_call(a), pass().out().from_port(port_eq(5000)).proto("udp")}));
  EXPECT_TRUE(b.main().rules.back().match.unknown) << "nat-to changes source ports too";
}

TEST(PfPolicyTranslations, LegacyNatRunsBeforeEveryFilterRule) {
  PfConfig c = config({pass().out().from(addrs({"192.168.1.0/24"})).proto("udp"),
                       pass().in().from(addrs({"192.168.1.0/24"})).proto("udp")});
  c.ignored.emplace_back("nat", SourceLocation{3, 1, 0, "nat on em0 from 192.168.1.0/24 -> (em0)"});
  Built b = build(c);
  EXPECT_TRUE(b.main().rules[0].match.unknown);
  EXPECT_FALSE(b.main().rules[1].match.unknown) << "nat translates outbound packets";
  EXPECT_EQ(b.notes_containing("nat translates source addresses before the filter rules"), 1u);
}

TEST(PfPolicyTranslations, RedirectedConnectionsHaveAnUnknownOutcome) {
  Built b = build(config(
      {block(), pass().in().proto("tcp").to_port(port_eq(80)).option("rdr-to 127.0.0.1 port 3128", true)}));
  Packet web;
  web.way = kWayIn;
  web.dst_port = 80;
  EXPECT_EQ(verdict(b.policy, web), Verdict::Unknown);
  Built by_match = build(config(
      {pass(), match().in().proto("tcp").to_port(port_eq(80)).option("rdr-to 127.0.0.1 port 3128", true),
       pass().in().quick()}));
  EXPECT_EQ(verdict(by_match.policy, web), Verdict::Unknown) << "passed, but to the proxy";
  Packet https = web;
  https.dst_port = 443;
  EXPECT_EQ(verdict(by_match.policy, https), Verdict::Allowed);
}

TEST(PfPolicyTranslations, MatchQuickLeavesTheOutcomeOpen) {
  Built b = build(config({block(), match().quick().out()}));
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Unknown);
}

}  // namespace
}  // namespace fwlint::pf::test
