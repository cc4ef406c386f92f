// SPDX-License-Identifier: Apache-2.0
// The paths of an iptables dump per --mode: their names, stages, reply
// stages, client types and unused interfaces; the lists they share; the
// auto mode's choice; built-in chains a dump does not declare.
#include "iptables_test_util.h"

namespace fwlint::iptables::test {
namespace {

const std::string kBothChainsUsed =
    "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n:WEB - [0:0]\n"
    "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
    "-A FORWARD -p tcp -j WEB\n"
    "-A OUTPUT -p tcp -j WEB\n"
    "-A WEB -p tcp -m tcp --dport 443 -j ACCEPT\n"
    "COMMIT\n";

const RuleList& list_of(const ParseResult& r, const Stage& stage) {
  return r.policy.lists.at(static_cast<std::size_t>(stage.list));
}

std::vector<std::string> path_names(const ParseResult& r) {
  std::vector<std::string> names;
  for (const Path& p : r.policy.paths) names.push_back(p.name);
  return names;
}

TEST(IptablesPaths, HostPathIsOutputWithRepliesThroughInput) {
  PathOptions o = mode(PathMode::Host);
  o.to_interface = "eth0";
  o.from_interfaces = {"eth1"};  // clients are this host: no in-interface
  auto r = parse(kBothChainsUsed, o);
  ASSERT_EQ(path_names(r), std::vector<std::string>{kHostPath}) << dump_diagnostics(r);
  const Path& p = r.policy.paths[0];
  EXPECT_EQ(p.in_interface, "");
  EXPECT_EQ(p.out_interface, "eth0");
  ASSERT_EQ(p.stages.size(), 1u);
  EXPECT_EQ(list_of(r, p.stages[0]).name, "OUTPUT");
  EXPECT_EQ(p.stages[0].description, "filter OUTPUT");
  ASSERT_EQ(p.reply_stages.size(), 1u);
  EXPECT_EQ(list_of(r, p.reply_stages[0]).name, "INPUT");
  EXPECT_EQ(p.reply_stages[0].description, "filter INPUT");
  EXPECT_EQ(p.client_type, kTypeLocal);
  EXPECT_EQ(p.unused_interfaces, std::vector<std::string>{"lo"});
  EXPECT_EQ(p.default_sources, client_addresses().intersect(IpSet::all_of(Family::V4)));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
}

// Anti-spoofing rules drop sources no client has; they block nothing a
// check without --source asks about.
TEST(IptablesPaths, AntiSpoofingRulesBlockNoClient) {
  auto r = parse(filter("-A OUTPUT ! -o lo -s 127.0.0.0/8 -j DROP\n"
                        "-A OUTPUT -s 224.0.0.0/4 -j DROP\n"
                        "-A OUTPUT -s 0.0.0.0/8 -j DROP\n"
                        "-A OUTPUT -j ACCEPT\n"));
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(host(r, 17, 3478), only(Verdict::Allowed));
}

TEST(IptablesPaths, GatewayPathIsForwardBothWays) {
  auto r = parse(kBothChainsUsed, mode(PathMode::Gateway));
  ASSERT_EQ(path_names(r), std::vector<std::string>{kGatewayPath}) << dump_diagnostics(r);
  const Path& p = r.policy.paths[0];
  EXPECT_EQ(p.in_interface, "");
  EXPECT_EQ(p.out_interface, "");
  ASSERT_EQ(p.stages.size(), 1u);
  ASSERT_EQ(p.reply_stages.size(), 1u);
  EXPECT_EQ(list_of(r, p.stages[0]).name, "FORWARD");
  EXPECT_EQ(p.reply_stages[0].list, p.stages[0].list);
  EXPECT_EQ(p.client_type, kTypeUnicast);
  EXPECT_EQ(p.unused_interfaces, std::vector<std::string>{"lo"});
}

TEST(IptablesPaths, OneGatewayPathPerFromInterface) {
  PathOptions o = mode(PathMode::Gateway);
  o.from_interfaces = {"eth1", "wlan0"};
  o.to_interface = "eth0";
  auto r = parse(kBothChainsUsed, o);
  EXPECT_EQ(path_names(r),
            (std::vector<std::string>{"gateway (FORWARD eth1 -> eth0)", "gateway (FORWARD wlan0 -> eth0)"}));
  ASSERT_EQ(r.policy.paths.size(), 2u);
  EXPECT_EQ(r.policy.paths[1].in_interface, "wlan0");
  EXPECT_EQ(r.policy.paths[1].out_interface, "eth0");
  EXPECT_EQ(r.policy.paths[0].stages[0].list, r.policy.paths[1].stages[0].list) << "one FORWARD list";

  PathOptions from_only = mode(PathMode::Gateway);
  from_only.from_interfaces = {"eth1"};
  EXPECT_EQ(path_names(parse(kBothChainsUsed, from_only)),
            std::vector<std::string>{"gateway (FORWARD eth1 -> *)"});
  PathOptions to_only = mode(PathMode::Gateway);
  to_only.to_interface = "eth0";
  EXPECT_EQ(path_names(parse(kBothChainsUsed, to_only)),
            std::vector<std::string>{"gateway (FORWARD * -> eth0)"});
}

TEST(IptablesPaths, ChainsAreEmittedOnceAndShared) {
  PathOptions o = mode(PathMode::Auto);
  o.from_interfaces = {"eth1", "eth2"};
  auto r = parse(kBothChainsUsed, o);
  ASSERT_EQ(r.policy.paths.size(), 3u) << dump_diagnostics(r);
  ASSERT_EQ(r.policy.lists.size(), 4u);
  std::vector<std::string> names;
  for (const RuleList& l : r.policy.lists) names.push_back(l.name);
  EXPECT_EQ(names, (std::vector<std::string>{"INPUT", "FORWARD", "OUTPUT", "WEB"}));
  // Both FORWARD and OUTPUT call the one WEB list.
  EXPECT_EQ(r.policy.lists[1].rules[0].action.target, 3);
  EXPECT_EQ(r.policy.lists[2].rules[0].action.target, 3);
  EXPECT_FALSE(r.policy.lists[3].default_action.has_value()) << "user chains return to their caller";
}

TEST(IptablesPaths, AutoChecksBothPathsWhenBothCarryTraffic) {
  auto r = parse(kBothChainsUsed, mode(PathMode::Auto));
  EXPECT_EQ(path_names(r), (std::vector<std::string>{kHostPath, kGatewayPath}));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
}

TEST(IptablesPaths, AutoSkipsTheGatewayOfAHost) {
  auto r = parse(filter("-A OUTPUT -p tcp -j ACCEPT\n"), mode(PathMode::Auto));
  EXPECT_EQ(path_names(r), std::vector<std::string>{kHostPath});
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->severity, Severity::Note);
  EXPECT_EQ(d[0]->where.line, 3u);
  EXPECT_EQ(d[0]->where.text, ":FORWARD DROP [0:0]");
  EXPECT_EQ(
      d[0]->message,
      "FORWARD forwards nothing (policy DROP, no rules): this looks like a host, the gateway path is not "
      "checked; use --mode gateway to check it");
  EXPECT_EQ(r.status, ParseStatus::Ok);
  // An empty OUTPUT that accepts is no reason to skip anything else.
  auto open = parse(filter("", "ACCEPT"), mode(PathMode::Auto));
  EXPECT_EQ(path_names(open), std::vector<std::string>{kHostPath});
}

TEST(IptablesPaths, AutoSkipsTheHostPathOfAGateway) {
  auto r = parse(
      "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n"
      "-A FORWARD -p udp -j ACCEPT\nCOMMIT\n",
      mode(PathMode::Auto));
  EXPECT_EQ(path_names(r), std::vector<std::string>{kGatewayPath});
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->severity, Severity::Note);
  EXPECT_EQ(d[0]->where.line, 4u);
  EXPECT_NE(d[0]->message.find("OUTPUT sends nothing (policy DROP, no rules)"), std::string::npos);
  EXPECT_NE(d[0]->message.find("use --mode host"), std::string::npos);
}

TEST(IptablesPaths, AutoKeepsBothWhenNeitherCarriesTraffic) {
  auto r = parse(filter(""), mode(PathMode::Auto));
  EXPECT_EQ(path_names(r), (std::vector<std::string>{kHostPath, kGatewayPath}));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
}

TEST(IptablesPaths, ExplicitModeChecksAPathAutoWouldSkip) {
  auto r = parse(filter("-A OUTPUT -j ACCEPT\n"), mode(PathMode::Gateway));
  EXPECT_EQ(path_names(r), std::vector<std::string>{kGatewayPath});
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
  EXPECT_EQ(verdicts(r, kGatewayPath, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesPaths, UndeclaredBuiltinChainsAreTheKernelDefault) {
  // iptables-restore leaves a built-in chain the dump does not mention with
  // no rules and its policy (ACCEPT on a fresh system).
  auto r = parse("*filter\n:OUTPUT DROP [0:0]\n-A OUTPUT -p tcp -m tcp --dport 443 -j ACCEPT\nCOMMIT\n",
                 mode(PathMode::Auto));
  ASSERT_EQ(path_names(r), (std::vector<std::string>{kHostPath, kGatewayPath})) << dump_diagnostics(r);
  const Path& host_path = r.policy.paths[0];
  const RuleList& input = list_of(r, host_path.reply_stages[0]);
  EXPECT_EQ(input.name, "INPUT");
  EXPECT_TRUE(input.rules.empty());
  ASSERT_TRUE(input.default_action.has_value());
  EXPECT_EQ(input.default_action->kind, ActionKind::Allow);
  EXPECT_EQ(input.default_action->location.line, 1u);
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 2u) << dump_diagnostics(r);
  for (const Diagnostic* n : d) {
    EXPECT_EQ(n->severity, Severity::Note);
    EXPECT_EQ(n->where.line, 1u);
  }
  EXPECT_NE(d[0]->message.find("does not declare chain INPUT"), std::string::npos) << d[0]->message;
  EXPECT_NE(d[1]->message.find("does not declare chain FORWARD"), std::string::npos) << d[1]->message;
  EXPECT_EQ(r.status, ParseStatus::Ok);
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(r, kHostPath, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, kGatewayPath, 17, 3478), only(Verdict::Allowed));
  // Host mode only mentions the chains it uses.
  auto host_only = parse("*filter\n:OUTPUT DROP [0:0]\n:INPUT DROP [0:0]\nCOMMIT\n", mode(PathMode::Host));
  EXPECT_EQ(count(host_only, finding_id::kUnsupportedConstruct), 0u) << dump_diagnostics(host_only);
}

TEST(IptablesPaths, UserChainsOnlyHaveNoPath) {
  // A ufw rule file: chains loaded into another ruleset that jumps to them.
  auto r = parse(
      "*filter\n:ufw-user-input - [0:0]\n:ufw-user-output - [0:0]\n"
      "-A ufw-user-input -p tcp --dport 22 -j ACCEPT\nCOMMIT\n",
      mode(PathMode::Auto));
  EXPECT_TRUE(r.policy.paths.empty());
  ASSERT_EQ(r.policy.lists.size(), 2u);
  EXPECT_EQ(r.policy.lists[0].rules.size(), 1u);
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->severity, Severity::Note);
  EXPECT_EQ(d[0]->where.line, 1u);
  EXPECT_NE(d[0]->message.find("no path to check"), std::string::npos) << d[0]->message;
  EXPECT_EQ(r.status, ParseStatus::Ok);
}

TEST(IptablesPaths, NoFilterTableAcceptsOnEveryPath) {
  auto r = parse("*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n", mode(PathMode::Auto));
  ASSERT_EQ(path_names(r), (std::vector<std::string>{kHostPath, kGatewayPath})) << dump_diagnostics(r);
  for (const Path& p : r.policy.paths) {
    const RuleList& l = list_of(r, p.stages[0]);
    ASSERT_TRUE(l.default_action.has_value());
    EXPECT_EQ(l.default_action->kind, ActionKind::Allow);
    EXPECT_EQ(l.default_action->description, "no filter table");
  }
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(r, kHostPath, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, kGatewayPath, 6, 443), only(Verdict::Allowed));
}

TEST(IptablesPaths, HostRepliesMustBeAcceptedByInput) {
  auto closed = parse(filter("-A INPUT -i lo -j ACCEPT\n", "ACCEPT"));
  EXPECT_EQ(host(closed, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(closed, kHostPath, 6, 443), only(Verdict::Blocked))
      << "replies never arrive on lo";
  auto open = parse(filter("-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n", "ACCEPT"));
  EXPECT_EQ(reply_verdicts(open, kHostPath, 6, 443), only(Verdict::Allowed));
  auto new_only = parse(filter("-A INPUT -m state --state NEW -j ACCEPT\n", "ACCEPT"));
  EXPECT_EQ(reply_verdicts(new_only, kHostPath, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesPaths, GatewayRepliesComeBackThroughForwardSwapped) {
  PathOptions o = mode(PathMode::Gateway);
  o.from_interfaces = {"eth1"};
  o.to_interface = "eth0";
  const std::string gateway = "gateway (FORWARD eth1 -> eth0)";
  auto one_way = parse(filter("-A FORWARD -i eth1 -o eth0 -p tcp --dport 443 -j ACCEPT\n"), o);
  EXPECT_EQ(verdicts(one_way, gateway, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(one_way, gateway, 6, 443), only(Verdict::Blocked));
  auto both_ways = parse(filter("-A FORWARD -i eth1 -o eth0 -p tcp --dport 443 -j ACCEPT\n"
                                "-A FORWARD -i eth0 -o eth1 -p tcp --sport 443 -m state --state ESTABLISHED "
                                "-j ACCEPT\n"),
                         o);
  EXPECT_EQ(reply_verdicts(both_ways, gateway, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(both_ways, gateway, 6, 80), only(Verdict::Blocked));
}

}  // namespace
}  // namespace fwlint::iptables::test
