// SPDX-License-Identifier: Apache-2.0
// One LastMatch ruleset evaluated inbound and outbound (pf), interface
// groups, and replies that ride on the state a passing rule keeps.
#include "fwlint/analysis/evaluator.h"
#include "fwlint/analysis/requirements_check.h"
#include "fwlint/requirements/pack.h"

#include <gtest/gtest.h>

#include "analysis/analysis_test_util.h"

namespace fwlint {
namespace {

using test::agora_context;
using test::only_verdict;
using test::rule_at;

Cube udp_requests() { return test::requests_to_agora(17, 3478); }

/// A pf-like gateway: one LastMatch ruleset (default pass, line 100), seen
/// inbound on em1 and outbound on em0; replies come in on em0 and leave on
/// em1, each riding on the state of the matching request stage.
struct Gateway {
  Policy policy;
  Path path;
  explicit Gateway(std::vector<Rule> rules) {
    RuleList l;
    l.name = "main";
    l.order = EvalOrder::LastMatch;
    l.rules = std::move(rules);
    l.default_action = DefaultAction{ActionKind::Allow, SourceLocation{}, "default pass"};
    int list = policy.add_list(std::move(l));
    path.name = "em1 -> em0";
    path.in_interface = "em1";
    path.out_interface = "em0";
    path.out_groups = {"egress"};
    path.stages = {Stage{list, "in on em1", kWayIn, -1}, Stage{list, "out on em0", kWayOut, -1}};
    // Replies: in on em0 (state of the out stage), out on em1 (state of the in stage).
    path.reply_stages = {Stage{list, "replies in on em0", kWayIn, 1},
                         Stage{list, "replies out on em1", kWayOut, 0}};
  }
};

TEST(StatefulPath, RulesApplyOnlyTheWayTheySay) {
  // block in all; pass out all: requests are blocked entering on em1.
  Gateway g({rule_at(ActionKind::Block, 1, kWayIn), rule_at(ActionKind::Allow, 2, kWayOut)});
  auto pieces = evaluate_path(g.policy, g.path, udp_requests(), agora_context());
  ASSERT_EQ(only_verdict(pieces), Verdict::Blocked);
  EXPECT_EQ(pieces[0].decided_by[0].location.line, 1u);
  // block out all; pass in all: they get in but not out.
  Gateway h({rule_at(ActionKind::Block, 1, kWayOut), rule_at(ActionKind::Allow, 2, kWayIn)});
  pieces = evaluate_path(h.policy, h.path, udp_requests(), agora_context());
  ASSERT_EQ(only_verdict(pieces), Verdict::Blocked);
  EXPECT_EQ(pieces[0].decided_by[0].location.line, 1u);
}

TEST(StatefulPath, InterfaceGroupsMatchTheirMembers) {
  // block all; pass out on egress; pass in on em1.
  Rule egress = rule_at(ActionKind::Allow, 2, kWayOut);
  egress.match.out_interface = "egress";
  Rule inside = rule_at(ActionKind::Allow, 3, kWayIn);
  inside.match.in_interface = "em1";
  Gateway g({rule_at(ActionKind::Block, 1), egress, inside});
  EXPECT_EQ(only_verdict(evaluate_path(g.policy, g.path, udp_requests(), agora_context())),
            Verdict::Allowed);
  EXPECT_EQ(interface_matches("egress", false, "", {}, {"egress"}), Tristate::Yes);
  EXPECT_EQ(interface_matches("egress", true, "em0", {}, {"egress"}), Tristate::No);
}

TEST(StatefulPath, StatefulPassesCarryTheirReplies) {
  // block all; pass in on em1 keep state; pass out keep state: the replies
  // match no pass rule, yet they return on the state of both stages.
  Rule in = rule_at(ActionKind::Allow, 2, kWayIn);
  in.keeps_state = true;
  Rule out = rule_at(ActionKind::Allow, 3, kWayOut);
  out.keeps_state = true;
  Gateway g({rule_at(ActionKind::Block, 1), in, out});
  auto requests = evaluate_path(g.policy, g.path, udp_requests(), agora_context());
  ASSERT_EQ(only_verdict(requests), Verdict::Allowed);
  EXPECT_EQ(requests[0].stateful_stages, 3u);
  EXPECT_EQ(only_verdict(evaluate_replies(g.policy, g.path, udp_requests(), agora_context(),
                                          requests[0].stateful_stages)),
            Verdict::Allowed);
}

TEST(StatefulPath, NoStateMakesTheReplyDirectionMatter) {
  // pass out no state: the replies entering on em0 fall to `block in all`
  // (`pass in on em1` does not apply to them).
  Rule in = rule_at(ActionKind::Allow, 2, kWayIn);
  in.match.in_interface = "em1";
  in.keeps_state = true;
  Rule out = rule_at(ActionKind::Allow, 3, kWayOut);
  Gateway g({rule_at(ActionKind::Block, 1, kWayIn), in, out});
  auto requests = evaluate_path(g.policy, g.path, udp_requests(), agora_context());
  ASSERT_EQ(only_verdict(requests), Verdict::Allowed);
  EXPECT_EQ(requests[0].stateful_stages, 1u);  // only the inbound stage kept state
  auto replies = evaluate_replies(g.policy, g.path, udp_requests(), agora_context(),
                                  requests[0].stateful_stages);
  ASSERT_EQ(only_verdict(replies), Verdict::Blocked);
  EXPECT_EQ(replies[0].decided_by[0].location.line, 1u);
}

TEST(StatefulPath, UnknownRequestWhoseRepliesMightRideStateStaysUnknown) {
  // pass in ... keep state with a match we cannot evaluate, block in all
  // before it: if it matches, state carries the replies; if not, the
  // request is blocked. Either way it is not a certain reply failure.
  Rule maybe = rule_at(ActionKind::Allow, 2, kWayIn);
  maybe.keeps_state = true;
  maybe.match.unknown = true;
  maybe.match.unknown_reason = "tagged FOO";
  Rule out = rule_at(ActionKind::Allow, 3, kWayOut);
  out.keeps_state = true;
  Gateway g({rule_at(ActionKind::Block, 1, kWayIn), maybe, out});
  g.policy.paths.push_back(g.path);
  const auto& packs = builtin_packs();
  const RequirementPack* pack = select_pack(packs, "agora@2020-09");
  CheckOptions options;
  options.pack = pack;
  options.sdks.push_back(pack->find_sdk("rtm-native"));
  auto results = run_requirement_checks(g.policy, options);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, CheckVerdict::Unknown);
  for (const auto& f : results[0].findings) EXPECT_EQ(f.id, finding_id::kResultUnknown);
}

}  // namespace
}  // namespace fwlint
