// SPDX-License-Identifier: Apache-2.0
// `-I CHAIN [N]` as iptables-restore applies it: before the N-th rule of
// the chain as built so far; N = length + 1 appends; any other N is refused.
#include <random>
#include <sstream>

#include "iptables_test_util.h"

namespace fwlint::iptables::test {
namespace {

/// The destination port of each rule of OUTPUT, in order (each test rule
/// names one port, so the ports say where each rule went).
std::vector<int> output_ports(const ParseResult& r) {
  std::vector<int> out;
  const RuleList* l = stage_list(r);
  if (l == nullptr) return out;
  for (const Rule& rule : l->rules) {
    const auto& ivs = rule.match.dst_ports.intervals();
    out.push_back(ivs.size() == 1 && ivs[0].lo == ivs[0].hi ? ivs[0].lo : -1);
  }
  return out;
}

std::string rule_for(int port) { return " -p tcp -m tcp --dport " + std::to_string(port) + " -j ACCEPT\n"; }

TEST(IptablesInsert, PositionsFollowIptablesRestore) {
  auto r = parse(filter("-A OUTPUT" + rule_for(1) +          // 1
                        "-A OUTPUT" + rule_for(2) +          // 1 2
                        "-I OUTPUT 2" + rule_for(3) +        // 1 3 2
                        "-I OUTPUT 4" + rule_for(4) +        // 1 3 2 4 (length + 1 appends)
                        "-I OUTPUT" + rule_for(5) +          // 5 1 3 2 4
                        "--insert OUTPUT 1" + rule_for(6) +  // 6 5 1 3 2 4
                        "[3:180] -I OUTPUT 3" + rule_for(7)  // 6 5 7 1 3 2 4
                        ));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
  EXPECT_EQ(output_ports(r), (std::vector<int>{6, 5, 7, 1, 3, 2, 4}));
  for (const Rule& rule : stage_list(r)->rules) EXPECT_FALSE(rule.match.unknown) << rule.match.unknown_reason;
}

TEST(IptablesInsert, InsertedRuleDecidesFirst) {
  auto r =
      parse(filter("-A OUTPUT -p tcp -m tcp --dport 443 -j ACCEPT\n"
                   "-A OUTPUT -p tcp -j DROP\n"
                   "-I OUTPUT 2 -p tcp -m tcp --dport 80 -j ACCEPT\n",
                   "DROP"));
  EXPECT_EQ(host(r, 6, 80), only(Verdict::Allowed));
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(host(r, 6, 22), only(Verdict::Blocked));
}

TEST(IptablesInsert, PositionPastTheEndIsRefusedAndKeptUnknown) {
  auto r = parse(filter("-A OUTPUT" + rule_for(1) + "-I OUTPUT 3" + rule_for(3)));
  auto d = diagnostics(r, finding_id::kUnrecognizedLine);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->severity, Severity::Error);
  EXPECT_EQ(d[0]->where.line, 6u);
  EXPECT_EQ(d[0]->where.column, 11u);
  EXPECT_EQ(d[0]->where.end_column, 11u);
  EXPECT_NE(d[0]->message.find("rule number 3"), std::string::npos) << d[0]->message;
  EXPECT_NE(d[0]->message.find("iptables-restore refuses"), std::string::npos) << d[0]->message;
  EXPECT_EQ(output_ports(r), (std::vector<int>{1, 3}));
  const Rule& kept = stage_list(r)->rules[1];
  EXPECT_TRUE(kept.match.unknown);
  EXPECT_NE(kept.match.unknown_reason.find("no such position"), std::string::npos)
      << kept.match.unknown_reason;
  EXPECT_EQ(kept.action.kind, ActionKind::Allow);
  EXPECT_EQ(r.status, ParseStatus::Partial);
  EXPECT_EQ(host(r, 6, 3), only(Verdict::Unknown));
}

TEST(IptablesInsert, PositionZeroAndHugePositionsAreRefused) {
  for (const std::string& n : {std::string("0"), std::string("99999999999999999999")}) {
    auto r = parse(filter("-I OUTPUT " + n + rule_for(3)));
    auto d = diagnostics(r, finding_id::kUnrecognizedLine);
    ASSERT_EQ(d.size(), 1u) << n << "\n" << dump_diagnostics(r);
    EXPECT_EQ(d[0]->where.column, 11u);
    EXPECT_EQ(d[0]->where.end_column, 10u + n.size());
    EXPECT_EQ(output_ports(r), std::vector<int>{3});
    EXPECT_TRUE(stage_list(r)->rules[0].match.unknown);
  }
  auto first = parse(filter("-I OUTPUT 1" + rule_for(3)));
  EXPECT_TRUE(first.diagnostics.empty()) << dump_diagnostics(first);
}

TEST(IptablesInsert, OverlongInsertKeepsItsPosition) {
  std::string huge(1 << 17, 'x');
  auto r = parse(filter("-A OUTPUT" + rule_for(1) + "-A OUTPUT" + rule_for(2) +
                        "-I OUTPUT 2 -m comment --comment \"" + huge + "\" -j DROP\n"));
  ASSERT_EQ(count(r, finding_id::kUnrecognizedLine), 1u) << dump_diagnostics(r);
  const RuleList* l = stage_list(r);
  ASSERT_EQ(l->rules.size(), 4u);
  // An unreadable rule may accept or drop: an unknown accept, then an unknown drop.
  EXPECT_EQ(l->rules[1].location.line, 7u);
  EXPECT_EQ(l->rules[1].action.kind, ActionKind::Allow);
  EXPECT_EQ(l->rules[2].action.kind, ActionKind::Block);
  EXPECT_TRUE(l->rules[1].match.unknown);
  EXPECT_EQ(l->rules[3].location.line, 6u);
}

/// Random -A / -I sequences against a plain vector that does what
/// iptables-restore does with each line.
TEST(IptablesInsert, RandomSequencesMatchIptablesRestore) {
  std::mt19937 rng(20261125);
  for (int iter = 0; iter < 200; ++iter) {
    std::vector<int> expected;
    std::ostringstream rules;
    int lines = 1 + static_cast<int>(rng() % 12);
    for (int port = 1; port <= lines; ++port) {
      unsigned kind = rng() % 3;
      if (kind == 0) {
        rules << "-A OUTPUT" << rule_for(port);
        expected.push_back(port);
      } else if (kind == 1) {
        rules << "-I OUTPUT" << rule_for(port);
        expected.insert(expected.begin(), port);
      } else {
        std::size_t n = 1 + rng() % (expected.size() + 1);
        rules << "-I OUTPUT " << n << rule_for(port);
        expected.insert(expected.begin() + static_cast<std::ptrdiff_t>(n - 1), port);
      }
    }
    auto r = parse(filter(rules.str()));
    ASSERT_TRUE(r.diagnostics.empty()) << rules.str() << dump_diagnostics(r);
    EXPECT_EQ(output_ports(r), expected) << rules.str();
  }
}

}  // namespace
}  // namespace fwlint::iptables::test
