// SPDX-License-Identifier: Apache-2.0
// Filter rules, anchor calls, legacy translation and the statements the
// reader records as ignored; statements it cannot read.
#include <algorithm>

#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> ignored_kinds(const Read& r) {
  std::vector<std::string> kinds;
  for (const auto& [kind, where] : r.config.ignored) kinds.push_back(kind);
  return kinds;
}

TEST(PfReaderRules, HeadOfAFilterRule) {
  Read r = read("block return in log (all, to pflog1) quick on ! em0 inet proto { tcp udp } all\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  const PfRule& rule = r.rule(0);
  EXPECT_EQ(rule.action, PfAction::Block);
  EXPECT_EQ(rule.block_style, "return");
  EXPECT_EQ(rule.direction, PfDirection::In);
  EXPECT_TRUE(rule.log);
  EXPECT_TRUE(rule.quick);
  ASSERT_EQ(rule.interfaces.size(), 1u);
  EXPECT_TRUE(rule.interfaces[0].negated);
  EXPECT_EQ(rule.interfaces[0].name, "em0");
  EXPECT_EQ(rule.family, 4);
  EXPECT_EQ(rule.protocols, (std::vector<std::string>{"tcp", "udp"}));
  EXPECT_TRUE(rule.all);
  EXPECT_FALSE(rule.unreadable);
  EXPECT_EQ(rule.location.line, 1u);
}

TEST(PfReaderRules, BlockStyleFollowsBlockPolicy) {
  Read r = read(
      "block in all\nset block-policy return\nblock in all\nblock drop out all\n"
      "block return-icmp(net-unr) in all\nblock return-rst(ttl 10) in proto tcp all\n");
  ASSERT_EQ(r.config.rules.size(), 5u) << r.dump();
  EXPECT_EQ(r.rule(0).block_style, "drop");
  EXPECT_EQ(r.rule(1).block_style, "return");
  EXPECT_EQ(r.rule(2).block_style, "drop");
  EXPECT_EQ(r.rule(3).block_style, "return-icmp(net-unr)");
  EXPECT_EQ(r.rule(4).block_style, "return-rst(ttl 10)");
}

TEST(PfReaderRules, MatchRulesAndInterfaceLists) {
  Read r = read("match out on { em0, em1 } inet6 proto ipv6-icmp from ::1 to any\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_EQ(r.rule(0).action, PfAction::Match);
  EXPECT_EQ(r.rule(0).interfaces.size(), 2u);
  EXPECT_EQ(r.rule(0).family, 6);
}

TEST(PfReaderRules, FlagsAndState) {
  Read r = read(
      "pass in proto tcp all flags S/SA modulate state\n"
      "pass in proto tcp all flags any no state\n"
      "pass in proto tcp all synproxy state (max 10, no-sync)\n"
      "pass in all\n");
  ASSERT_EQ(r.config.rules.size(), 4u) << r.dump();
  EXPECT_EQ(r.rule(0).flags, "S/SA");
  EXPECT_EQ(r.rule(0).state, PfState::Modulate);
  EXPECT_EQ(r.rule(1).flags, "any");
  EXPECT_EQ(r.rule(1).state, PfState::None);
  EXPECT_EQ(r.rule(2).state, PfState::Synproxy);
  EXPECT_TRUE(has(r.rule(2).options, "synproxy state (max 10, no-sync)"));
  EXPECT_FALSE(r.rule(3).state.has_value());
  EXPECT_TRUE(r.rule(3).flags.empty());
}

TEST(PfReaderRules, OptionsThatNarrowTheMatchAreUnmodeled) {
  Read r = read(
      "pass in proto tcp to port 22 user root group { wheel 10 } tagged FOO probability 50% "
      "label \"ssh\" tag BAR received-on em0 tos 0x10 max-pkt-rate 100/10 once\n"
      "pass in inet proto icmp all icmp-type { echoreq unreach code needfrag } fragment allow-opts\n"
      "pass in from any os \"OpenBSD\" to any set prio (5, 2) queue (q1, q2) rtable 2\n");
  ASSERT_EQ(r.config.rules.size(), 3u) << r.dump();
  const PfRule& a = r.rule(0);
  for (const char* o : {"user root", "group { wheel 10 }", "tagged FOO", "probability 50%", "received-on em0",
                        "tos 0x10", "max-pkt-rate 100/10", "once"})
    EXPECT_TRUE(has(a.unmodeled_matches, o)) << o;
  EXPECT_FALSE(has(a.unmodeled_matches, "label \"ssh\""));
  EXPECT_TRUE(has(a.options, "label \"ssh\""));
  EXPECT_TRUE(has(a.options, "tag BAR"));
  const PfRule& b = r.rule(1);
  EXPECT_TRUE(has(b.unmodeled_matches, "icmp-type { echoreq unreach code needfrag }"));
  EXPECT_TRUE(has(b.unmodeled_matches, "fragment"));
  EXPECT_FALSE(has(b.unmodeled_matches, "allow-opts"));
  const PfRule& c = r.rule(2);
  EXPECT_TRUE(has(c.unmodeled_matches, "os \"OpenBSD\""));
  EXPECT_TRUE(has(c.options, "set prio (5, 2)"));
  EXPECT_EQ(c.unmodeled_matches.size(), 1u);
}

TEST(PfReaderRules, TranslationAndRouting) {
  Read r = read(
      "match out on egress inet from 10.0.0.0/8 nat-to (egress:0) port 1024:65535 static-port\n"
      "pass in on egress proto tcp to (egress) port 80 rdr-to 10.0.0.5 port 8080\n"
      "pass out on em0 route-to (em1 192.0.2.1) from 10.0.0.0/8\n"
      "pass out on em0 from 10.0.0.0/8 route-to { 192.0.2.1, 192.0.2.2 } round-robin\n"
      "pass in on em0 inet6 to 64:ff9b::/96 af-to inet from (em1:0)\n"
      "pass in on em0 proto tcp to port 80 divert-to 127.0.0.1 port 8080\n");
  ASSERT_EQ(r.config.rules.size(), 6u) << r.dump();
  EXPECT_TRUE(r.rule(0).translates);
  EXPECT_TRUE(r.rule(1).translates);
  EXPECT_FALSE(r.rule(2).translates);
  EXPECT_TRUE(has(r.rule(2).options, "route-to (em1 192.0.2.1)"));
  EXPECT_FALSE(r.rule(3).translates);
  EXPECT_TRUE(r.rule(4).translates);
  EXPECT_TRUE(has(r.rule(5).options, "divert-to 127.0.0.1 port 8080"));
  for (const PfRule& rule : r.config.rules) EXPECT_FALSE(rule.unreadable);
}

TEST(PfReaderRules, AnchorCalls) {
  Read r = read(
      "anchor \"ftp-proxy/*\"\n"
      "anchor \"relayd\" in on egress proto tcp\n"
      "anchor \"relayd\" out\n");
  ASSERT_EQ(r.config.rules.size(), 3u) << r.dump();
  EXPECT_EQ(r.rule(0).action, PfAction::Anchor);
  EXPECT_EQ(r.rule(0).anchor->name, "ftp-proxy/*");
  EXPECT_TRUE(r.rule(0).anchor->loaded_at_runtime);
  EXPECT_FALSE(r.rule(0).anchor->inline_rules);
  EXPECT_EQ(r.rule(1).direction, PfDirection::In);
  EXPECT_EQ(r.rule(1).protocols.at(0), "tcp");
  // Two calls of one anchor share it.
  EXPECT_EQ(r.rule(1).anchor, r.rule(2).anchor);
}

TEST(PfReaderRules, AnchorWithoutNameOrBlockIsUnreadable) {
  Read r = read("anchor in on em0\n");
  ASSERT_EQ(r.config.rules.size(), 1u);
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.count(finding_id::kUnrecognizedLine), 1u);
}

TEST(PfReaderRules, LegacyTranslationLines) {
  Read r = read(
      "nat on em0 from 10.0.0.0/8 to any -> (em0)\n"
      "no nat on em0 from 10.1.0.0/16 to 10.2.0.0/16\n"
      "rdr pass on em0 proto tcp from any to any port 80 -> 10.0.0.5 port 8080\n"
      "binat on em0 from 10.0.0.9 to any -> 192.0.2.9\n"
      "rdr on { lo0, lo1 } inet proto tcp from <spamd> to any port smtp -> 127.0.0.1 port spamd\n");
  EXPECT_EQ(ignored_kinds(r), (std::vector<std::string>{"nat", "no nat", "rdr", "binat", "rdr"})) << r.dump();
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  const PfRule& pass = r.rule(0);
  EXPECT_EQ(pass.action, PfAction::Pass);
  EXPECT_TRUE(pass.quick);
  EXPECT_TRUE(pass.translates);
  EXPECT_EQ(pass.direction, PfDirection::In);
  EXPECT_EQ(pass.to.ports.at(0).a, 80);
  EXPECT_TRUE(r.diags.empty()) << r.dump();
}

TEST(PfReaderRules, NonFilterStatementsAreIgnored) {
  Read r = read(
      "set skip on { lo0 enc0 }\n"
      "set skip on lo\n"
      "set optimization aggressive\n"
      "set timeout { tcp.closing 6, tcp.opening 6 }\n"
      "set limit { states 1000, frags 1000 }\n"
      "set loginterface em0\n"
      "scrub in all fragment reassemble\n"
      "antispoof log quick for { lo0 em0 } inet\n"
      "altq on em0 priq bandwidth 10Mb queue { std, ssh }\n"
      "queue std priority 3 priq(default)\n"
      "nat-anchor \"ftp-proxy/*\"\n"
      "rdr-anchor \"ftp-proxy/*\"\n"
      "scrub-anchor \"com.apple/*\"\n"
      "dummynet-anchor \"com.apple/*\"\n"
      "ether pass in on em0\n");
  EXPECT_TRUE(r.diags.empty()) << r.dump();
  EXPECT_TRUE(r.config.rules.empty());
  EXPECT_EQ(r.config.skip_interfaces, (std::vector<std::string>{"lo0", "enc0", "lo"}));
  EXPECT_EQ(ignored_kinds(r),
            (std::vector<std::string>{"set optimization", "set timeout", "set limit", "set loginterface",
                                      "scrub", "antispoof", "altq", "queue", "nat-anchor", "rdr-anchor",
                                      "scrub-anchor", "dummynet-anchor", "ether"}));
  EXPECT_EQ(r.summary.understood, r.summary.statements);
}

TEST(PfReaderRules, UnparseableRuleStaysAsUnreadable) {
  Read r = read("pass in quick frm any to any\nblock out all\n");
  ASSERT_EQ(r.config.rules.size(), 2u) << r.dump();
  const PfRule& bad = r.rule(0);
  EXPECT_TRUE(bad.unreadable);
  EXPECT_EQ(bad.action, PfAction::Pass);
  EXPECT_EQ(bad.direction, PfDirection::In);
  EXPECT_TRUE(bad.quick);
  ASSERT_EQ(bad.unmodeled_matches.size(), 1u);
  const Diagnostic* d = r.first(finding_id::kUnrecognizedLine);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 15u);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_NE(d->message.find("'frm'"), std::string::npos) << d->message;
}

TEST(PfReaderRules, UnknownStatementIsAnUnreadableRule) {
  Read r = read("pas in all\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->where.column, 1u);
}

TEST(PfReaderRules, BrokenNonFilterStatementAddsNoRule) {
  Read r = read("table <x> { 10.0.0.1 10.0.0.2\nset skip lo0\nfoo = \"bar\n");
  EXPECT_TRUE(r.config.rules.empty()) << r.dump();
  EXPECT_EQ(r.count(finding_id::kUnrecognizedLine), 3u) << r.dump();
}

TEST(PfReaderRules, InvalidValueMakesTheRuleUnreadableButKeepsItsHead) {
  Read r = read("block in quick on em0 proto tcp from 10.0.0.300 to any port 22\n");
  ASSERT_EQ(r.config.rules.size(), 1u) << r.dump();
  EXPECT_TRUE(r.rule(0).unreadable);
  EXPECT_EQ(r.rule(0).action, PfAction::Block);
  EXPECT_TRUE(r.rule(0).quick);
  EXPECT_EQ(r.rule(0).interfaces.at(0).name, "em0");
  EXPECT_EQ(r.first(finding_id::kUnrecognizedLine)->where.column, 38u);
}

}  // namespace
}  // namespace fwlint::pf::test
