// SPDX-License-Identifier: Apache-2.0
// Worked examples of the evaluator, one semantic point each.
#include "fwlint/analysis/evaluator.h"

#include <gtest/gtest.h>

namespace fwlint {
namespace {

Rule rule(ActionKind kind, std::uint32_t line, ProtocolSet protos = ProtocolSet::all(),
          PortSet dports = PortSet::all()) {
  Rule r;
  r.action.kind = kind;
  r.match.protocols = protos;
  r.match.dst_ports = dports;
  r.location = SourceLocation{line, 1, 0, "line " + std::to_string(line)};
  return r;
}

ProtocolSet udp() { return ProtocolSet::single(17); }
ProtocolSet tcp() { return ProtocolSet::single(6); }

Cube udp_to_agora(PortSet ports) {
  Cube c;
  c.protocols = udp();
  c.src_ports = PortSet::all();
  c.dst_ports = ports;
  c.src = IpSet::all_of(Family::V4);
  c.dst_atoms = AtomSet::single(0);
  c.states = kStateNew;
  return c;
}

EvalContext agora_context() {
  EvalContext ctx;
  ctx.domains = {*DomainName::parse(".agora.io")};
  return ctx;
}

Policy single_list(EvalOrder order, std::vector<Rule> rules, ActionKind def = ActionKind::Block) {
  Policy p;
  RuleList l;
  l.order = order;
  l.rules = std::move(rules);
  l.default_action = DefaultAction{def, SourceLocation{100, 1, 0, "access-group"}, "implicit deny"};
  p.add_list(std::move(l));
  return p;
}

TEST(Evaluator, SplitsWholePortRangesExactly) {
  // permit udp 10000-20000, deny the rest: two pieces, never 55,536 points.
  Policy p = single_list(EvalOrder::FirstMatch,
                         {rule(ActionKind::Allow, 1, udp(), PortSet::range(10000, 20000))});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::range(10000, 65535)), agora_context());
  ASSERT_EQ(pieces.size(), 2u);
  for (const auto& piece : pieces) {
    if (piece.verdict == Verdict::Allowed) {
      EXPECT_EQ(piece.cube.dst_ports, PortSet::range(10000, 20000));
      EXPECT_EQ(piece.decided_by.at(0).location.line, 1u);
    } else {
      EXPECT_EQ(piece.verdict, Verdict::Blocked);
      EXPECT_EQ(piece.cube.dst_ports, PortSet::range(20001, 65535));
      EXPECT_EQ(piece.decided_by.at(0).location.line, 100u);  // the implicit deny's line
    }
  }
}

TEST(Evaluator, FirstMatchWins) {
  Policy p = single_list(EvalOrder::FirstMatch,
                         {rule(ActionKind::Block, 1, udp(), PortSet::single(3478)),
                          rule(ActionKind::Allow, 2)});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Blocked);
  EXPECT_EQ(pieces[0].decided_by[0].location.line, 1u);
}

TEST(Evaluator, LastMatchWinsUnlessQuick) {
  Policy p = single_list(EvalOrder::LastMatch,
                         {rule(ActionKind::Block, 1), rule(ActionKind::Allow, 2, udp())},
                         ActionKind::Allow);
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Allowed);
  p.lists[0].rules[0].quick = true;
  pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  EXPECT_EQ(pieces[0].verdict, Verdict::Blocked);
}

TEST(Evaluator, DenyOverridesIgnoresOrder) {
  Rule bypass = rule(ActionKind::Allow, 3);
  bypass.bypass = true;
  Policy p = single_list(EvalOrder::DenyOverrides,
                         {rule(ActionKind::Allow, 1), rule(ActionKind::Block, 2, udp())});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  EXPECT_EQ(pieces.at(0).verdict, Verdict::Blocked);
  p.lists[0].rules.push_back(bypass);
  pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  EXPECT_EQ(pieces.at(0).verdict, Verdict::Allowed);
}

TEST(Evaluator, UnknownDenyBeforePermitIsUnknownNeverAllowed) {
  Rule time_range = rule(ActionKind::Block, 1, udp());
  time_range.match.unknown = true;
  time_range.match.unknown_reason = "time-range";
  Policy p = single_list(EvalOrder::FirstMatch, {time_range, rule(ActionKind::Allow, 2)});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Unknown);
  EXPECT_EQ(pieces[0].decided_by[0].description, "time-range");
}

// A long run of uncertain rules (a dump full of unknown match options)
// costs linear time: an unknown piece keeps a bounded list of the lines that
// make it doubtful, the first ones, instead of copying all of them on every
// step.
TEST(Evaluator, ManyUncertainRulesKeepABoundedListOfReasons) {
  std::vector<Rule> rules;
  for (std::uint32_t i = 1; i <= 20000; ++i) {
    Rule r = rule(ActionKind::Allow, i, udp());
    r.match.unknown = true;
    r.match.unknown_reason = "unknown option";
    rules.push_back(std::move(r));
  }
  Policy p = single_list(EvalOrder::FirstMatch, std::move(rules));
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Unknown);
  ASSERT_FALSE(pieces[0].decided_by.empty());
  EXPECT_LE(pieces[0].decided_by.size(), 17u);
  EXPECT_EQ(pieces[0].decided_by[0].location.line, 1u) << "the first doubtful line is named first";
}

TEST(Evaluator, UnknownPermitBeforePermitStaysAllowed) {
  Rule unknown = rule(ActionKind::Allow, 1);
  unknown.match.unknown = true;
  Policy p = single_list(EvalOrder::FirstMatch, {unknown, rule(ActionKind::Allow, 2)});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Allowed);
}

TEST(Evaluator, PermitToAddressesDoesNotCoverADomain) {
  Rule to_ip = rule(ActionKind::Allow, 1);
  to_ip.match.dst.addresses = *parse_cidr("8.8.8.0/24");
  Policy p = single_list(EvalOrder::FirstMatch, {to_ip});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Blocked);

  // With --resolve .agora.io=8.8.8.0/25 the same permit covers it.
  EvalContext ctx = agora_context();
  ctx.resolutions = {*parse_cidr("8.8.8.0/25")};
  pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), ctx);
  EXPECT_EQ(pieces.at(0).verdict, Verdict::Allowed);
}

TEST(Evaluator, DenyOfSomePublicAddressesMakesADomainUnknown) {
  Rule deny_some = rule(ActionKind::Block, 1);
  deny_some.match.dst.addresses = *parse_cidr("8.0.0.0/8");
  Policy p = single_list(EvalOrder::FirstMatch, {deny_some, rule(ActionKind::Allow, 2)});
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Unknown);
  // A deny of private space cannot hit a public service.
  p.lists[0].rules[0].match.dst.addresses = *parse_cidr("10.0.0.0/8");
  pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(3478)), agora_context());
  EXPECT_EQ(pieces.at(0).verdict, Verdict::Allowed);
}

TEST(Evaluator, FqdnCoversExactlyItsHost) {
  EvalContext ctx;
  ctx.domains = {*DomainName::parse("ap-web-1.agora.io"), *DomainName::parse(".agora.io")};
  Rule fqdn = rule(ActionKind::Allow, 1);
  fqdn.match.dst.addresses = IpSet{};
  fqdn.match.dst.names = {*DomainName::parse("ap-web-1.agora.io")};
  Policy p = single_list(EvalOrder::FirstMatch, {fqdn});
  Cube c = udp_to_agora(PortSet::single(443));
  c.dst_atoms = AtomSet::range(0, 1);
  auto pieces = evaluate_list(p, 0, c, ctx);
  ASSERT_EQ(pieces.size(), 2u);
  for (const auto& piece : pieces)
    EXPECT_EQ(piece.verdict, piece.cube.dst_atoms.contains(0) ? Verdict::Allowed : Verdict::Blocked);
}

TEST(Evaluator, CallsReturnsAndGotos) {
  // top: -j user (returns for udp), then deny; user: RETURN udp, ACCEPT
  Policy p;
  RuleList top;
  top.rules = {rule(ActionKind::Call, 1), rule(ActionKind::Block, 2)};
  top.rules[0].action.target = 1;
  top.default_action = DefaultAction{ActionKind::Allow, SourceLocation{50, 1, 0, ":INPUT ACCEPT"}, "policy"};
  RuleList user;
  user.rules = {rule(ActionKind::Return, 10, udp()), rule(ActionKind::Allow, 11)};
  p.add_list(top);
  p.add_list(user);
  Cube c = udp_to_agora(PortSet::single(443));
  c.protocols = udp().unite(tcp());
  auto pieces = evaluate_list(p, 0, c, agora_context());
  ASSERT_EQ(pieces.size(), 2u);
  for (const auto& piece : pieces)
    EXPECT_EQ(piece.verdict, piece.cube.protocols.contains(17) ? Verdict::Blocked : Verdict::Allowed);

  // As a goto, returning from the user chain ends the top chain: its policy applies.
  p.lists[0].rules[0].action.kind = ActionKind::Goto;
  pieces = evaluate_list(p, 0, c, agora_context());
  for (const auto& piece : pieces) {
    EXPECT_EQ(piece.verdict, Verdict::Allowed);
    if (piece.cube.protocols.contains(17)) {
      EXPECT_EQ(piece.decided_by[0].location.line, 50u);
    }
  }
}

TEST(Evaluator, CallLoopIsUnknownNotAHang) {
  Policy p;
  RuleList a, b;
  a.rules = {rule(ActionKind::Call, 1)};
  a.rules[0].action.target = 1;
  a.default_action = DefaultAction{ActionKind::Allow, {}, "policy"};
  b.rules = {rule(ActionKind::Call, 2)};
  b.rules[0].action.target = 0;
  p.add_list(a);
  p.add_list(b);
  auto pieces = evaluate_list(p, 0, udp_to_agora(PortSet::single(1)), agora_context());
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].verdict, Verdict::Unknown);
}

TEST(Evaluator, PathNeedsEveryStage) {
  Policy p;
  p.add_list(single_list(EvalOrder::FirstMatch, {rule(ActionKind::Allow, 1)}).lists[0]);
  p.add_list(single_list(EvalOrder::FirstMatch, {rule(ActionKind::Allow, 2, udp(), PortSet::range(0, 9999))}).lists[0]);
  Path path;
  path.stages = {Stage{0, "ingress"}, Stage{1, "egress"}};
  auto pieces = evaluate_path(p, path, udp_to_agora(PortSet::range(5000, 65535)), agora_context());
  ASSERT_EQ(pieces.size(), 2u);
  for (const auto& piece : pieces) {
    if (piece.cube.dst_ports.contains(5000)) {
      EXPECT_EQ(piece.verdict, Verdict::Allowed);
      ASSERT_EQ(piece.decided_by.size(), 2u);  // both permitting lines
    } else {
      EXPECT_EQ(piece.verdict, Verdict::Blocked);
      EXPECT_EQ(piece.decided_by.at(0).location.line, 100u);
    }
  }
}

}  // namespace
}  // namespace fwlint
