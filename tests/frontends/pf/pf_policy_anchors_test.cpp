// SPDX-License-Identifier: Apache-2.0
// Anchors: evaluated in place, with their filter, `quick` on the call and
// inside, shared between calls, loaded at run time, calling themselves.
#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

Packet udp_out() {
  Packet p;
  p.protocol = 17;
  p.dst_port = 3478;
  return p;
}

TEST(PfPolicyAnchors, InlineAnchorIsAListEvaluatedInPlace) {
  auto a = inline_anchor("office", {pass().out().proto("udp")});
  Built b = build(config({block(), anchor_call(a)}));
  const Rule& call = b.main().rules.at(1);
  ASSERT_EQ(call.action.kind, ActionKind::Call);
  const RuleList& list = b.policy.lists.at(static_cast<std::size_t>(call.action.target));
  EXPECT_EQ(list.name, "anchor office");
  EXPECT_EQ(list.order, EvalOrder::LastMatch);
  EXPECT_FALSE(list.default_action.has_value()) << "an anchor returns to its caller";
  Decision d = decide(b.policy, udp_out());
  EXPECT_EQ(d.verdict, Verdict::Allowed);
  EXPECT_EQ(d.line, 3u) << "the anchor's rule decides";
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Blocked);
}

TEST(PfPolicyAnchors, LaterRulesOverrideWhatAnAnchorMatched) {
  auto a = inline_anchor("a", {pass().out().proto("udp")});
  Built b = build(config({anchor_call(a), block().out()}));
  EXPECT_EQ(decide(b.policy, udp_out()).line, 2u);
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Blocked);
}

TEST(PfPolicyAnchors, QuickAnchorEndsEvaluationWhenARuleInsideMatched) {
  auto a = inline_anchor("a", {pass().out().proto("udp")});
  Built b = build(config({anchor_call(a).quick(), block().out()}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Allowed);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Blocked) << "nothing inside matched tcp";
}

TEST(PfPolicyAnchors, QuickRuleInsideAnAnchorEndsEverything) {
  auto a = inline_anchor("a", {pass().out().quick().proto("udp")});
  Built b = build(config({anchor_call(a), block().out()}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Allowed);
}

TEST(PfPolicyAnchors, TheCallsFilterDecidesWhoEntersTheAnchor) {
  auto a = inline_anchor("dmz", {block()});
  Built b = build(config({anchor_call(a).out().on("em2")}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Allowed) << "out on em0 does not enter";
  Packet dmz = udp_out();
  dmz.out_interface = "em2";
  EXPECT_EQ(verdict(b.policy, dmz), Verdict::Blocked);
}

TEST(PfPolicyAnchors, AnAnchorCalledTwiceIsBuiltOnce) {
  auto a = inline_anchor("shared", {block().proto("udp")});
  Built b = build(config({anchor_call(a).in(), anchor_call(a).out()}));
  const auto& rules = b.main().rules;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].action.target, rules[1].action.target);
  EXPECT_EQ(b.policy.lists.size(), 2u);
}

TEST(PfPolicyAnchors, AnchorLoadedAtRunTimeMayPassOrBlockAnything) {
  Built b = build(config({block(), anchor_call(runtime_anchor("custom")).line(2)}));
  const Rule& call = b.main().rules.at(1);
  const RuleList& list = b.policy.lists.at(static_cast<std::size_t>(call.action.target));
  ASSERT_EQ(list.rules.size(), 2u);
  EXPECT_EQ(list.rules[0].action.kind, ActionKind::Allow);
  EXPECT_EQ(list.rules[1].action.kind, ActionKind::Block);
  for (const Rule& r : list.rules) {
    EXPECT_TRUE(r.match.unknown);
    EXPECT_TRUE(r.quick) << "its rules may be quick";
    EXPECT_EQ(r.location.line, 2u) << "located at the call";
  }
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Unknown);
  EXPECT_EQ(b.notes_containing("anchor \"custom\" is loaded at run time"), 1u);
}

TEST(PfPolicyAnchors, NothingAfterARunTimeAnchorCanBeReliedOn) {
  Built b = build(config({anchor_call(runtime_anchor("custom")), block().quick()}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Unknown) << "a quick pass inside would win";
  Built before = build(config({pass().quick().proto("udp"), anchor_call(runtime_anchor("custom"))}));
  EXPECT_EQ(verdict(before.policy, udp_out()), Verdict::Allowed) << "decided before the anchor";
}

TEST(PfPolicyAnchors, DaemonAnchorsOnlyEverPass) {
  Built open = build(config({anchor_call(runtime_anchor("relayd/*"))}));
  EXPECT_EQ(verdict(open.policy, udp_out()), Verdict::Allowed);
  Built closed = build(config({block(), anchor_call(runtime_anchor("ftp-proxy/*"))}));
  EXPECT_EQ(verdict(closed.policy, udp_out()), Verdict::Unknown);
  EXPECT_EQ(closed.notes_containing("loads pass rules only"), 1u);
}

TEST(PfPolicyAnchors, AnAnchorWithoutKnownRulesIsLoadedAtRunTime) {
  auto a = std::make_shared<PfAnchor>();
  a->name = "empty";  // neither a block nor a file gave it rules
  Built b = build(config({block(), anchor_call(a)}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Unknown);
}

TEST(PfPolicyAnchors, AnAnchorCallingItselfIsUnknown) {
  auto a = inline_anchor("loop", {});
  a->rules.push_back(anchor_call(a).line(9));
  Built b = build(config({block(), anchor_call(a)}));
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Unknown);
  a->rules.clear();  // breaks the ownership cycle
}

TEST(PfPolicyAnchors, UnreadableCallOfAKnownAnchorMayOrMayNotEnterIt) {
  auto a = inline_anchor("a", {pass().out().quick().proto("udp")});
  Built b = build(config({block(), anchor_call(a).unreadable("unreadable: bad filter")}));
  const Rule& call = b.main().rules.at(1);
  EXPECT_EQ(call.action.kind, ActionKind::Call);
  EXPECT_TRUE(call.match.unknown);
  EXPECT_EQ(verdict(b.policy, udp_out()), Verdict::Unknown);
  EXPECT_EQ(verdict(b.policy, Packet{}), Verdict::Blocked) << "entered or not, tcp is blocked";
}

}  // namespace
}  // namespace fwlint::pf::test
