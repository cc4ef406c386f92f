// SPDX-License-Identifier: Apache-2.0
// One pf rule at a time: actions, quick, state, directions and interfaces,
// protocols, ports, families, flags, unreadable lines and where each Policy
// rule comes from.
#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfPolicyRules, MainRulesetIsLastMatchWithPfsDefaultPass) {
  Built b = build(config({block()}));
  const RuleList& main = b.main();
  EXPECT_EQ(main.order, EvalOrder::LastMatch);
  ASSERT_TRUE(main.default_action.has_value());
  EXPECT_EQ(main.default_action->kind, ActionKind::Allow);
  EXPECT_FALSE(main.default_action->location.known());
  EXPECT_EQ(main.default_action->description, "pf default: pass");
  EXPECT_FALSE(main.default_action->keeps_state);
  EXPECT_EQ(b.policy.dialect, "pf");
}

TEST(PfPolicyRules, LastMatchingRuleDecides) {
  Built b = build(config({block(), pass().out().proto("tcp")}));
  Packet tcp;
  EXPECT_EQ(decide(b.policy, tcp).verdict, Verdict::Allowed);
  EXPECT_EQ(decide(b.policy, tcp).line, 2u);
  Packet udp;
  udp.protocol = 17;
  EXPECT_EQ(decide(b.policy, udp).verdict, Verdict::Blocked);
  EXPECT_EQ(decide(b.policy, udp).line, 1u);
  Packet nothing_matches = tcp;
  Built empty = build(config({block().in()}));
  EXPECT_EQ(decide(empty.policy, nothing_matches).verdict, Verdict::Allowed);
  EXPECT_EQ(decide(empty.policy, nothing_matches).line, 0u) << "pf's default pass has no line";
}

TEST(PfPolicyRules, QuickEndsEvaluation) {
  Built b = build(config({block(), pass().out().quick().proto("tcp"), block().out().proto("tcp")}));
  EXPECT_EQ(decide(b.policy, Packet{}).verdict, Verdict::Allowed);
  EXPECT_EQ(decide(b.policy, Packet{}).line, 2u);
}

TEST(PfPolicyRules, PassKeepsStateUnlessNoState) {
  Built b = build(config({pass(), pass().state(PfState::Modulate), pass().state(PfState::None), block()}));
  const auto& rules = b.main().rules;
  ASSERT_GE(rules.size(), 4u);
  auto rule_at = [&](std::uint32_t line) -> const Rule& {
    for (const Rule& r : rules)
      if (r.location.line == line) return r;
    return rules.front();
  };
  EXPECT_TRUE(rule_at(1).keeps_state);
  EXPECT_TRUE(rule_at(2).keeps_state);
  EXPECT_FALSE(rule_at(3).keeps_state);
  EXPECT_FALSE(rule_at(4).keeps_state);
  EXPECT_EQ(rule_at(4).action.kind, ActionKind::Block);
}

TEST(PfPolicyRules, BlockReturnIsABlock) {
  PfRule r = block().out();
  r.block_style = "return";
  Built b = build(config({r}));
  ASSERT_EQ(b.main().rules.size(), 1u);
  EXPECT_EQ(b.main().rules[0].action.kind, ActionKind::Block);
}

TEST(PfPolicyRules, DirectionsBecomeWays) {
  Built b = build(config({block().in(), block().out(), block()}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].match.ways, kWayIn);
  EXPECT_EQ(rules[1].match.ways, kWayOut);
  EXPECT_EQ(rules[2].match.ways, kWayBoth);
}

TEST(PfPolicyRules, InterfaceWithoutDirectionBecomesAnInAndAnOutRule) {
  Built b = build(config({block().on("em0")}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].match.ways, kWayIn);
  EXPECT_EQ(rules[0].match.in_interface, "em0");
  EXPECT_TRUE(rules[0].match.out_interface.empty());
  EXPECT_EQ(rules[1].match.ways, kWayOut);
  EXPECT_EQ(rules[1].match.out_interface, "em0");
  EXPECT_TRUE(rules[1].match.in_interface.empty());
  EXPECT_EQ(rules[0].location.line, 1u);
  EXPECT_EQ(rules[1].location.line, 1u);
}

TEST(PfPolicyRules, InterfaceListsAndNegationExpand) {
  Built b = build(config({pass().in().proto("udp").on("em0").on("em2"), block().out().on("em0", true)}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].match.in_interface, "em0");
  EXPECT_EQ(rules[1].match.in_interface, "em2");
  EXPECT_EQ(rules[2].match.out_interface, "em0");
  EXPECT_TRUE(rules[2].match.out_interface_negated);
  Packet out_em1;
  out_em1.out_interface = "em1";
  EXPECT_EQ(verdict(b.policy, out_em1), Verdict::Blocked);
  Packet out_em0;
  EXPECT_EQ(verdict(b.policy, out_em0), Verdict::Allowed) << "pf's default";
}

TEST(PfPolicyRules, RulesApplyOnlyOnTheInterfaceTheyName) {
  Built b = build(config({block(), pass().in().on("em1"), pass().out().on("em0")}));
  Packet in_em1;
  in_em1.way = kWayIn;
  EXPECT_EQ(verdict(b.policy, in_em1), Verdict::Allowed);
  Packet in_em2 = in_em1;
  in_em2.in_interface = "em2";
  EXPECT_EQ(verdict(b.policy, in_em2), Verdict::Blocked);
  Packet out_em0;
  EXPECT_EQ(verdict(b.policy, out_em0), Verdict::Allowed);
}

PortSet ports_of(PfPort p) {
  Built b = build(config({pass().proto("tcp").to_port(p)}));
  return b.main().rules.at(0).match.dst_ports;
}

TEST(PfPolicyRules, EveryPortOperatorIsExact) {
  using Op = PfPort::Op;
  EXPECT_EQ(ports_of(port_op(Op::Eq, 443)), PortSet::single(443));
  EXPECT_EQ(ports_of(port_op(Op::Ne, 443)), PortSet::single(443).complement());
  EXPECT_EQ(ports_of(port_op(Op::Lt, 1024)), PortSet::range(0, 1023));
  EXPECT_EQ(ports_of(port_op(Op::Le, 1024)), PortSet::range(0, 1024));
  EXPECT_EQ(ports_of(port_op(Op::Gt, 1024)), PortSet::range(1025, 65535));
  EXPECT_EQ(ports_of(port_op(Op::Ge, 1024)), PortSet::range(1024, 65535));
  EXPECT_EQ(ports_of(port_op(Op::Range, 5866, 6000)), PortSet::range(5866, 6000));
  EXPECT_EQ(ports_of(port_op(Op::Inside, 2000, 2004)), PortSet::range(2001, 2003));
  EXPECT_EQ(ports_of(port_op(Op::Outside, 2000, 2004)), PortSet::range(2000, 2004).complement());
  EXPECT_TRUE(ports_of(port_op(Op::Inside, 2000, 2001)).empty());
  EXPECT_TRUE(ports_of(port_op(Op::Lt, 0)).empty());
  EXPECT_TRUE(ports_of(port_op(Op::Gt, 65535)).empty());
}

TEST(PfPolicyRules, PortListsAreUnions) {
  Built b = build(config({pass()
                              .proto("udp")
                              .from_port(port_eq(53))
                              .to_port(port_eq(3478))
                              .to_port(port_op(PfPort::Op::Range, 5866, 6000))}));
  const Match& m = b.main().rules.at(0).match;
  PortSet expected = PortSet::single(3478);
  expected.add(5866, 6000);
  EXPECT_EQ(m.dst_ports, expected);
  EXPECT_EQ(m.src_ports, PortSet::single(53));
}

TEST(PfPolicyRules, PortsLimitTheRuleToTcpAndUdp) {
  Built b = build(config({block().to_port(port_eq(53))}));
  ProtocolSet tcp_udp = ProtocolSet::single(6).unite(ProtocolSet::single(17));
  EXPECT_EQ(b.main().rules.at(0).match.protocols, tcp_udp);
}

TEST(PfPolicyRules, ProtocolsByNameAndNumber) {
  Built b = build(config({block().proto("tcp").proto("17").proto("icmp"), block().proto("frobnicate")}));
  const auto& rules = b.main().rules;
  ProtocolSet expected = ProtocolSet::single(1);
  expected.add(6, 6);
  expected.add(17, 17);
  EXPECT_EQ(rules.at(0).match.protocols, expected);
  EXPECT_FALSE(rules.at(0).match.unknown);
  EXPECT_TRUE(rules.at(1).match.unknown);
  EXPECT_NE(rules.at(1).match.unknown_reason.find("frobnicate"), std::string::npos);
}

TEST(PfPolicyRules, FamiliesRestrictBothSides) {
  Built b = build(config({block().inet(), block().inet6()}));
  const auto& rules = b.main().rules;
  EXPECT_EQ(rules.at(0).match.src.addresses, IpSet::all_of(Family::V4));
  EXPECT_EQ(rules.at(0).match.dst.addresses, IpSet::all_of(Family::V4));
  EXPECT_EQ(rules.at(1).match.src.addresses, IpSet::all_of(Family::V6));
  EXPECT_EQ(rules.at(1).match.dst.addresses, IpSet::all_of(Family::V6));
}

TEST(PfPolicyRules, StatefulPassMatchesTheOpeningSynOnly) {
  // pfctl adds `flags S/SA` to stateful pass rules: TCP replies (SYN-ACK,
  // ACK…) do not match them, other protocols are not affected.
  Built b = build(config({pass()}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].match.protocols, ProtocolSet::single(6).complement());
  EXPECT_EQ(rules[0].match.states, kStateAll);
  EXPECT_EQ(rules[1].match.protocols, ProtocolSet::single(6));
  EXPECT_EQ(rules[1].match.states, kStateNew);
  EXPECT_FALSE(rules[1].match.unknown);
}

TEST(PfPolicyRules, FlagsOfStatelessAndBlockRules) {
  Built b = build(config({pass().proto("tcp").state(PfState::None), block().proto("tcp"),
                          pass().proto("tcp").flags("any"), block().proto("tcp").flags("S/SA")}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].match.states, kStateAll) << "no state: no default flags";
  EXPECT_EQ(rules[1].match.states, kStateAll);
  EXPECT_EQ(rules[2].match.states, kStateAll);
  EXPECT_EQ(rules[3].match.states, kStateNew);
}

TEST(PfPolicyRules, FlagsMatchingPartOfAConnectionAreUnknown) {
  Built b = build(config({pass().proto("tcp").flags("A/A")}));
  const Match& m = b.main().rules.at(0).match;
  EXPECT_TRUE(m.unknown);
  EXPECT_EQ(m.states & kStateNew, 0);
  EXPECT_NE(m.states & kStateEstablished, 0);
  Built syn_only = build(config({pass().proto("tcp").flags("S/FSRPAUEW")}));
  EXPECT_TRUE(syn_only.main().rules.at(0).match.unknown) << "an ECN SYN has E and W set";
}

TEST(PfPolicyRules, UnreadableLineMayPassOrBlock) {
  Built b = build(config({block(), pass().out().quick().line(7).unreadable("unreadable: bad macro")}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[1].action.kind, ActionKind::Allow);
  EXPECT_EQ(rules[2].action.kind, ActionKind::Block);
  for (const Rule* r : {&rules[1], &rules[2]}) {
    EXPECT_TRUE(r->match.unknown);
    EXPECT_TRUE(r->quick);
    EXPECT_EQ(r->match.ways, kWayOut);
    EXPECT_EQ(r->location.line, 7u);
    EXPECT_NE(r->match.unknown_reason.find("bad macro"), std::string::npos);
  }
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Unknown);
  Packet in;
  in.way = kWayIn;
  EXPECT_EQ(verdict(b.policy, in), Verdict::Blocked) << "it was an `out` rule";
}

TEST(PfPolicyRules, UnreadableMatchRuleDecidesNothing) {
  Built b = build(config({block(), match().unreadable("unreadable: x")}));
  ASSERT_EQ(b.main().rules.size(), 2u);
  EXPECT_EQ(b.main().rules[1].action.kind, ActionKind::Continue);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Blocked);
}

TEST(PfPolicyRules, UnmodeledMatchesMakeTheMatchUnknown) {
  Built b = build(config({block(), pass().out().unmodeled("tagged LAN").unmodeled("user _pbuild")}));
  const Match& m = b.main().rules.back().match;
  EXPECT_TRUE(m.unknown);
  EXPECT_NE(m.unknown_reason.find("tagged LAN"), std::string::npos);
  EXPECT_NE(m.unknown_reason.find("user _pbuild"), std::string::npos);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Unknown);
}

TEST(PfPolicyRules, MatchRulesDecideNothing) {
  Built b = build(config({block(), match().out().option("scrub (max-mss 1440)")}));
  EXPECT_EQ(b.main().rules.back().action.kind, ActionKind::Continue);
  EXPECT_EQ(decide(b.policy, Packet{}).line, 1u);
}

TEST(PfPolicyRules, EveryRuleKeepsItsLocationAndFile) {
  Built b = build(config({pass().on("em0").line(12, "/etc/pf.d/office.conf")}));
  for (const Rule& r : b.main().rules) {
    EXPECT_EQ(r.location.line, 12u);
    EXPECT_EQ(r.location.file, "/etc/pf.d/office.conf");
  }
}

}  // namespace
}  // namespace fwlint::pf::test
