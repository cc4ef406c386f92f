// SPDX-License-Identifier: Apache-2.0
// Paths: host and gateway crossings, --mode/--from/--to, what Auto leaves
// out, interface groups, `set skip`, and replies riding on state.
#include "fwlint/analysis/requirements_check.h"
#include "fwlint/requirements/pack.h"
#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

TEST(PfPolicyPaths, HostCrossesOutOnTheEgressAndRepliesComeBackOnItsState) {
  Built b = build(config({block()}), paths(PathMode::Host));
  ASSERT_EQ(b.policy.paths.size(), 1u);
  const Path& p = b.policy.paths[0];
  EXPECT_EQ(p.name, "host (out on egress)");
  EXPECT_TRUE(p.out_interface.empty());
  EXPECT_EQ(p.out_groups, std::vector<std::string>{"egress"});
  ASSERT_EQ(p.stages.size(), 1u);
  EXPECT_EQ(p.stages[0].list, 0);
  EXPECT_EQ(p.stages[0].way, kWayOut);
  ASSERT_EQ(p.reply_stages.size(), 1u);
  EXPECT_EQ(p.reply_stages[0].way, kWayIn);
  EXPECT_EQ(p.reply_stages[0].state_from, 0);
  EXPECT_TRUE(p.sent_by_device);
  EXPECT_EQ(p.client_type, kTypeLocal);
  EXPECT_EQ(p.default_sources, client_addresses());
  EXPECT_FALSE(p.sources_description.empty());
  EXPECT_NE(std::find(p.unused_interfaces.begin(), p.unused_interfaces.end(), "lo0"),
            p.unused_interfaces.end());
}

TEST(PfPolicyPaths, GatewayCrossesInOnTheInsideThenOutOnTheEgress) {
  Built b = build(config({block()}), paths(PathMode::Gateway, {"em1"}, "em0"));
  ASSERT_EQ(b.policy.paths.size(), 1u);
  const Path& p = b.policy.paths[0];
  EXPECT_EQ(p.name, "gateway (in on em1, out on em0)");
  EXPECT_EQ(p.in_interface, "em1");
  EXPECT_EQ(p.out_interface, "em0");
  EXPECT_EQ(p.in_groups, std::vector<std::string>{"em"});
  EXPECT_EQ(p.out_groups, (std::vector<std::string>{"egress", "em"}));
  ASSERT_EQ(p.stages.size(), 2u);
  EXPECT_EQ(p.stages[0].way, kWayIn);
  EXPECT_EQ(p.stages[1].way, kWayOut);
  ASSERT_EQ(p.reply_stages.size(), 2u);
  EXPECT_EQ(p.reply_stages[0].way, kWayIn);
  EXPECT_EQ(p.reply_stages[0].state_from, 1) << "replies enter the egress on the outbound state";
  EXPECT_EQ(p.reply_stages[1].way, kWayOut);
  EXPECT_EQ(p.reply_stages[1].state_from, 0);
  EXPECT_FALSE(p.sent_by_device);
  EXPECT_EQ(p.client_type, kTypeUnicast);
}

TEST(PfPolicyPaths, OneGatewayPathPerInsideInterface) {
  Built b = build(config({block()}), paths(PathMode::Gateway, {"em1", "athn0"}));
  ASSERT_EQ(b.policy.paths.size(), 2u);
  EXPECT_EQ(b.policy.paths[0].name, "gateway (in on em1, out on egress)");
  EXPECT_EQ(b.policy.paths[1].name, "gateway (in on athn0, out on egress)");
  Built unpinned = build(config({block()}), paths(PathMode::Gateway));
  ASSERT_EQ(unpinned.policy.paths.size(), 1u);
  EXPECT_TRUE(unpinned.policy.paths[0].in_interface.empty());
}

TEST(PfPolicyPaths, AutoLeavesOutTheGatewayOfAHost) {
  Built b =
      build(config({block().in(), pass().out(), pass().in().on("egress").proto("tcp").to_port(port_eq(22))}),
            paths(PathMode::Auto));
  ASSERT_EQ(b.policy.paths.size(), 1u);
  EXPECT_EQ(b.policy.paths[0].name, "host (out on egress)");
  EXPECT_EQ(b.notes_containing("--mode gateway"), 1u);
}

TEST(PfPolicyPaths, AutoChecksBothRolesOfARouter) {
  Built nat =
      build(config({block(), match().out().on("egress").option("nat-to (egress)", true), pass().out()}),
            paths(PathMode::Auto));
  EXPECT_EQ(nat.policy.paths.size(), 2u);
  Built two_interfaces =
      build(config({block(), pass().in().on("em1"), pass().out().on("egress")}), paths(PathMode::Auto));
  EXPECT_EQ(two_interfaces.policy.paths.size(), 2u);
  EXPECT_EQ(two_interfaces.notes_containing("use --from IF"), 1u);
  EXPECT_NE(two_interfaces.diags.back().message.find("em1"), std::string::npos);
  Built pinned = build(config({block()}), paths(PathMode::Auto, {"em1"}));
  EXPECT_EQ(pinned.policy.paths.size(), 2u) << "--from asks for the gateway";
  EXPECT_EQ(pinned.notes_containing("looks like a host"), 0u);
  PfConfig skipped = config({block()});
  skipped.skip_interfaces = {"lo", "em1"};
  EXPECT_EQ(build(skipped, paths(PathMode::Auto)).policy.paths.size(), 2u);
}

TEST(PfPolicyPaths, ModeHostChecksTheHostOnly) {
  Built b =
      build(config({block(), match().out().option("nat-to (egress)", true)}), paths(PathMode::Host, {"em1"}));
  ASSERT_EQ(b.policy.paths.size(), 1u);
  EXPECT_TRUE(b.policy.paths[0].sent_by_device);
}

TEST(PfPolicyPaths, EgressRulesApplyToTheEgressWhetherPinnedOrNot) {
  PfConfig c = config({block(), pass().out().on("egress")});
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Host)), "host", 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Host, {}, "em0")), "host", 17, 3478),
            only(Verdict::Allowed));
}

TEST(PfPolicyPaths, UnpinnedInsideInterfaceLeavesItsRulesOpen) {
  PfConfig c = config({block(), pass().in().on("em1"), pass().out().on("egress")});
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Gateway)), "gateway", 17, 3478), only(Verdict::Unknown));
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Gateway, {"em1"})), "gateway", 17, 3478),
            only(Verdict::Allowed));
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Gateway, {"em2"})), "gateway", 17, 3478),
            only(Verdict::Blocked));
}

TEST(PfPolicyPaths, DriverGroupsOfPinnedInterfacesAreKnown) {
  PfConfig c = config({block(), pass().in().on("em"), pass().out()});
  EXPECT_EQ(path_verdicts(build(c, paths(PathMode::Gateway, {"em1"})), "gateway", 17, 3478),
            only(Verdict::Allowed));
}

TEST(PfPolicyPaths, OtherGroupsMayHoldAPinnedInterfaceOrNot) {
  PfConfig c = config({block(), pass().in().on("lan"), pass().out()});
  Built b = build(c, paths(PathMode::Gateway, {"em1"}));
  EXPECT_EQ(path_verdicts(b, "gateway", 17, 3478), only(Verdict::Unknown));
  bool explained = false;
  for (const Rule& r : b.main().rules)
    explained = explained || r.match.unknown_reason.find("interface group") != std::string::npos;
  EXPECT_TRUE(explained);
}

TEST(PfPolicyPaths, SkippedInterfacesAreNotFiltered) {
  PfConfig c = config({block(), pass().out()});
  c.skip_interfaces = {"lo", "em1"};
  c.skip_locations = {SourceLocation{1, 1, 0, "set skip on { lo em1 }"}, SourceLocation{1, 1, 0, "set skip"}};
  Built pinned = build(c, paths(PathMode::Gateway, {"em1"}));
  EXPECT_EQ(exchange_verdicts(pinned, "gateway", 17, 3478), only(Verdict::Allowed));
  Built elsewhere = build(c, paths(PathMode::Gateway, {"em2"}));
  EXPECT_EQ(path_verdicts(elsewhere, "gateway", 17, 3478), only(Verdict::Blocked));
  Built unpinned = build(c, paths(PathMode::Gateway));
  EXPECT_EQ(path_verdicts(unpinned, "gateway", 17, 3478), only(Verdict::Unknown)) << "clients may be on em1";
  Built host = build(c, paths(PathMode::Host));
  EXPECT_EQ(exchange_verdicts(host, "host", 17, 3478), only(Verdict::Allowed)) << "lo is never the egress";
}

TEST(PfPolicyPaths, StatefulPassCarriesTheReplies) {
  Built host = build(config({block(), pass().out()}), paths(PathMode::Host));
  EXPECT_EQ(exchange_verdicts(host, "host", 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(exchange_verdicts(host, "host", 17, 3478), only(Verdict::Allowed));
  Built gw = build(config({block(), pass().in().on("em1"), pass().out().on("egress")}),
                   paths(PathMode::Gateway, {"em1"}));
  EXPECT_EQ(exchange_verdicts(gw, "gateway", 6, 443), only(Verdict::Allowed));
}

TEST(PfPolicyPaths, NoStateMakesTheReplyDirectionMatter) {
  // Replies of a stateless pass must pass the ruleset inbound: a stateful
  // `pass in` admits UDP replies but not TCP ones (flags S/SA).
  Built b =
      build(config({block().in(), pass().out().state(PfState::None), pass().in().on("egress").proto("udp")}),
            paths(PathMode::Host));
  EXPECT_EQ(path_verdicts(b, "host", 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(exchange_verdicts(b, "host", 6, 443), only(Verdict::Blocked));
  EXPECT_EQ(exchange_verdicts(b, "host", 17, 3478), only(Verdict::Allowed));
}

TEST(PfPolicyPaths, PfsDefaultPassKeepsNoState) {
  Built b = build(config({block().in()}), paths(PathMode::Host));
  EXPECT_EQ(path_verdicts(b, "host", 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(exchange_verdicts(b, "host", 17, 3478), only(Verdict::Blocked));
}

TEST(PfPolicyPaths, DroppedRepliesAreTheirOwnFinding) {
  Built b = build(config({block().in(), pass().out().state(PfState::None)}), paths(PathMode::Host));
  const RequirementPack* pack = select_pack(builtin_packs(), "agora@2020-09");
  ASSERT_NE(pack, nullptr);
  CheckOptions options;
  options.pack = pack;
  options.sdks.push_back(pack->find_sdk("rtm-native"));
  auto results = run_requirement_checks(b.policy, options);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, CheckVerdict::Fail);
  bool reply_finding = false;
  for (const Finding& f : results[0].findings)
    if (f.id == finding_id::kReplyBlocked && f.where.line == 1) reply_finding = true;
  EXPECT_TRUE(reply_finding);
}

}  // namespace
}  // namespace fwlint::pf::test
