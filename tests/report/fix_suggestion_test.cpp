// SPDX-License-Identifier: Apache-2.0
#include "fwlint/report/fix_suggestion.h"

#include <gtest/gtest.h>

#include <sstream>

#include "fwlint/report/reporter.h"
#include "report/report_fixtures.h"

namespace fwlint {
namespace {

using test::at;
using test::ports;
using Lines = std::vector<std::string>;

Flow blocked(Transport t, PortSet p) {
  Flow f;
  f.transport = t;
  f.ports = std::move(p);
  f.domains = {".agora.io"};
  f.verdict = Verdict::Blocked;
  return f;
}

Decider deny_at(std::uint32_t line, std::string text) { return {at(line, std::move(text)), "deny rule"}; }

Lines lines_of(std::string_view dialect, const std::string& decider, const Flow& flow) {
  auto fix = suggest_fix(dialect, deny_at(45, decider), flow);
  return fix ? fix->lines : Lines{};
}

// ------------------------------------------------------------------ Cisco ASA

TEST(FixSuggestion, AsaDenyGetsOnePermitPerPortRangeBeforeIt) {
  Flow flow = blocked(Transport::Tcp, ports({{3478, 3478}, {4700, 5000}}));
  auto fix = suggest_fix("asa", deny_at(45, "access-list inside_in extended deny ip any any log"), flow);
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->before_line, 45u);
  EXPECT_EQ(fix->file, "");
  EXPECT_EQ(fix->lines, (Lines{"access-list inside_in extended permit tcp any any eq 3478",
                               "access-list inside_in extended permit tcp any any range 4700 5000"}));
  EXPECT_NE(fix->description.find("tcp 3478, 4700-5000"), std::string::npos);
  EXPECT_NE(fix->description.find("line 45"), std::string::npos);
}

TEST(FixSuggestion, AsaImplicitDenyAtTheAccessGroupLineExtendsThatAcl) {
  Flow flow = blocked(Transport::Udp, ports({{3478, 3478}}));
  EXPECT_EQ(lines_of("asa", "access-group global_acl global", flow),
            (Lines{"access-list global_acl extended permit udp any any eq 3478"}));
  EXPECT_EQ(lines_of("asa", "access-group inside_in in interface inside", flow),
            (Lines{"access-list inside_in extended permit udp any any eq 3478"}));
  EXPECT_EQ(lines_of("asa", "access-list inside_in line 3 extended deny udp any any", flow),
            (Lines{"access-list inside_in extended permit udp any any eq 3478"}));
}

TEST(FixSuggestion, AsaNamesTheSourcesUnlessTheyAreEveryAddress) {
  Flow clients = blocked(Transport::Udp, ports({{3478, 3478}}));
  clients.sources = *parse_cidr("192.168.10.0/24");
  EXPECT_EQ(lines_of("asa", "access-group global_acl global", clients),
            (Lines{"access-list global_acl extended permit udp 192.168.10.0 255.255.255.0 any eq 3478"}));
  clients.sources = IpSet::all_of(Family::V4);
  EXPECT_EQ(lines_of("asa", "access-group global_acl global", clients),
            (Lines{"access-list global_acl extended permit udp any any eq 3478"}));

  Flow flow = blocked(Transport::Tcp, ports({{443, 443}, {8000, 8010}}));
  flow.all_sources = false;
  flow.sources.v4.add(0xC0A80100u, 0xC0A8017Fu);  // 192.168.1.0/25
  flow.sources.v4.add(0x0A000001u, 0x0A000001u);  // 10.0.0.1
  EXPECT_EQ(lines_of("asa", "access-list inside_in extended deny ip any any", flow),
            (Lines{"access-list inside_in extended permit tcp host 10.0.0.1 any eq 443",
                   "access-list inside_in extended permit tcp host 10.0.0.1 any range 8000 8010",
                   "access-list inside_in extended permit tcp 192.168.1.0 255.255.255.128 any eq 443",
                   "access-list inside_in extended permit tcp 192.168.1.0 255.255.255.128 any range "
                   "8000 8010"}));
  Flow v6 = blocked(Transport::Udp, ports({{3478, 3478}}));
  v6.all_sources = false;
  v6.sources = *parse_cidr("2001:db8::/32");
  EXPECT_EQ(lines_of("asa", "access-list inside_in extended deny ip any any", v6),
            (Lines{"access-list inside_in extended permit udp 2001:db8::/32 any eq 3478"}));
}

TEST(FixSuggestion, AsaLinesThatAreNoDenyOfAnAclGetNone) {
  Flow flow = blocked(Transport::Tcp, ports({{443, 443}}));
  for (const char* line : {"access-list inside_in extended permit tcp any any eq 80",
                           "access-list inside_in remark deny everything else",
                           "access-list inside_in standard deny any", "security-level 0",
                           "interface GigabitEthernet0/1"})
    EXPECT_EQ(lines_of("asa", line, flow), Lines{}) << line;
}

// ------------------------------------------------------------------ iptables

TEST(FixSuggestion, IptablesRuleGetsAnAcceptWithMultiportBeforeIt) {
  Flow flow = blocked(Transport::Tcp, ports({{80, 80}, {443, 443}, {5000, 5010}}));
  EXPECT_EQ(lines_of("iptables", "-A OUTPUT -j DROP", flow),
            (Lines{"-A OUTPUT -p tcp -m multiport --dports 80,443,5000:5010 -j ACCEPT"}));
  EXPECT_EQ(lines_of("iptables", "-A FORWARD -p udp -j REJECT --reject-with icmp-port-unreachable",
                     blocked(Transport::Udp, ports({{3478, 3478}}))),
            (Lines{"-A FORWARD -p udp --dport 3478 -j ACCEPT"}));
  EXPECT_EQ(lines_of("iptables", "-A OUTPUT -j DROP", blocked(Transport::Udp, ports({{4700, 5000}}))),
            (Lines{"-A OUTPUT -p udp --dport 4700:5000 -j ACCEPT"}));
}

TEST(FixSuggestion, IptablesMultiportTakesFifteenPortsALineARangeCountingTwo) {
  PortSet sixteen;
  for (int p = 1000; p < 1032; p += 2) sixteen.add(static_cast<std::uint16_t>(p), static_cast<std::uint16_t>(p));
  Lines lines = lines_of("iptables", "-A OUTPUT -j DROP", blocked(Transport::Tcp, sixteen));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "-A OUTPUT -p tcp -m multiport --dports 1030 -j ACCEPT");

  PortSet ranges;  // eight ranges: seven fill 14 slots, the eighth needs a new line
  for (int p = 2000; p < 2080; p += 10) ranges.add(static_cast<std::uint16_t>(p), static_cast<std::uint16_t>(p + 1));
  lines = lines_of("iptables", "-A OUTPUT -j DROP", blocked(Transport::Tcp, ranges));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "-A OUTPUT -p tcp -m multiport --dports "
            "2000:2001,2010:2011,2020:2021,2030:2031,2040:2041,2050:2051,2060:2061 -j ACCEPT");
  EXPECT_EQ(lines[1], "-A OUTPUT -p tcp -m multiport --dports 2070:2071 -j ACCEPT");
}

TEST(FixSuggestion, IptablesKeepsTheInterfacesAndNamesTheSources) {
  Flow flow = blocked(Transport::Udp, ports({{3478, 3478}}));
  EXPECT_EQ(lines_of("iptables", "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP", flow),
            (Lines{"-A DOCKER-ISOLATION-STAGE-2 -o docker0 -p udp --dport 3478 -j ACCEPT"}));
  EXPECT_EQ(lines_of("iptables", "-A FORWARD -i eth1 ! -o eth0 -j DROP", flow),
            (Lines{"-A FORWARD -i eth1 ! -o eth0 -p udp --dport 3478 -j ACCEPT"}));
  flow.sources = *parse_cidr("192.168.10.0/24");
  EXPECT_EQ(lines_of("iptables", "-A FORWARD -j DROP", flow),
            (Lines{"-A FORWARD -s 192.168.10.0/24 -p udp --dport 3478 -j ACCEPT"}));
  flow.sources = IpSet::all_of(Family::V4);  // any4: no -s
  EXPECT_EQ(lines_of("iptables", "-A FORWARD -j DROP", flow),
            (Lines{"-A FORWARD -p udp --dport 3478 -j ACCEPT"}));
}

TEST(FixSuggestion, IptablesChainPolicyHasNoLineToInsertBefore) {
  Flow flow = blocked(Transport::Tcp, ports({{443, 443}}));
  EXPECT_EQ(lines_of("iptables", ":OUTPUT DROP [12:720]", flow), Lines{});
  EXPECT_EQ(lines_of("iptables", "COMMIT", flow), Lines{});
}

// ------------------------------------------------------------------------ pf

TEST(FixSuggestion, PfBlockGetsAQuickPassWithAPortList) {
  Flow flow = blocked(Transport::Tcp, ports({{80, 80}, {443, 443}, {5000, 5010}}));
  EXPECT_EQ(lines_of("pf", "block out log all", flow),
            (Lines{"pass out quick proto tcp to any port { 80 443 5000:5010 }"}));
  EXPECT_EQ(lines_of("pf", "block return out quick on egress proto udp to port { 3478 3479 }",
                     blocked(Transport::Udp, ports({{3478, 3479}}))),
            (Lines{"pass out quick on egress proto udp to any port 3478:3479"}));
  // No direction blocks both: the pass must pass both.
  EXPECT_EQ(lines_of("pf", "block drop all", blocked(Transport::Udp, ports({{3478, 3478}}))),
            (Lines{"pass quick proto udp to any port 3478"}));
  EXPECT_EQ(lines_of("pf", "block in log on { $lan $wifi } all", blocked(Transport::Tcp, ports({{443, 443}}))),
            (Lines{"pass in quick on { $lan $wifi } proto tcp to any port 443"}));
  EXPECT_EQ(lines_of("pf", "block out on ! em0 all", blocked(Transport::Tcp, ports({{443, 443}}))),
            (Lines{"pass out quick on ! em0 proto tcp to any port 443"}));
}

TEST(FixSuggestion, PfKeepsIndentationAndNamesTheSources) {
  Flow flow = blocked(Transport::Tcp, ports({{443, 443}}));
  flow.sources = *parse_cidr("10.0.0.0/24");
  flow.sources.add(*parse_cidr("10.0.2.0/24"));
  EXPECT_EQ(lines_of("pf", "\tblock out all", flow),
            (Lines{"\tpass out quick proto tcp from { 10.0.0.0/24 10.0.2.0/24 } to any port 443"}));
}

TEST(FixSuggestion, PfLinesThatAreNoBlockGetNone) {
  Flow flow = blocked(Transport::Tcp, ports({{443, 443}}));
  EXPECT_EQ(lines_of("pf", "pass in on { $lan $wifi } inet", flow), Lines{});
  EXPECT_EQ(lines_of("pf", "antispoof quick for { egress $lan }", flow), Lines{});
}

TEST(FixSuggestion, AnIncludedFileKeepsItsName) {
  Decider d = deny_at(7, "block out all");
  d.location.file = "pf.d/rules.conf";
  auto fix = suggest_fix("pf", d, blocked(Transport::Tcp, ports({{443, 443}})));
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->file, "pf.d/rules.conf");
  EXPECT_EQ(fix->before_line, 7u);
}

// -------------------------------------------------------------------- no fix

TEST(FixSuggestion, NoneForWindowsUnknownDialectsAndFlowsThatAreNotBlockedRequests) {
  Flow flow = blocked(Transport::Tcp, ports({{443, 443}}));
  EXPECT_EQ(lines_of("windows", "<q1:DefaultOutboundAction>Block</q1:DefaultOutboundAction>", flow), Lines{});
  EXPECT_EQ(lines_of("", "-A OUTPUT -j DROP", flow), Lines{});

  Flow unknown = flow;
  unknown.verdict = Verdict::Unknown;
  EXPECT_EQ(lines_of("iptables", "-A OUTPUT -j DROP", unknown), Lines{});
  Flow replies = flow;
  replies.by_replies = true;
  EXPECT_EQ(lines_of("iptables", "-A INPUT -j DROP", replies), Lines{});
  Flow allowed = flow;
  allowed.verdict = Verdict::Allowed;
  EXPECT_EQ(lines_of("iptables", "-A OUTPUT -j DROP", allowed), Lines{});
  // A built-in default has no line.
  EXPECT_FALSE(suggest_fix("iptables", Decider{SourceLocation{}, "default policy"}, flow));
}

TEST(FixSuggestion, NoneWhenItWouldTakeTooManyLines) {
  Flow flow = blocked(Transport::Tcp, PortSet{});
  for (int p = 1000; p < 1080; p += 2) flow.ports.add(static_cast<std::uint16_t>(p), static_cast<std::uint16_t>(p));
  EXPECT_EQ(lines_of("asa", "access-list a extended deny ip any any", flow), Lines{});  // 40 lines
  EXPECT_EQ(lines_of("pf", "block all", flow).size(), 1u);  // a list on one line
}

// ------------------------------------------------------------------- pairing

Finding finding_for(const char* id, const Flow& flow, const std::string& message) {
  Finding f;
  f.id = id;
  f.where = flow.decided_by.front().location;
  f.message = message;
  return f;
}

CheckResult tcp_and_udp_blocked_on_one_line() {
  CheckResult c;
  Flow tcp = blocked(Transport::Tcp, ports({{443, 443}}));
  tcp.decided_by = {deny_at(12, "-A OUTPUT -j DROP")};
  Flow udp = blocked(Transport::Udp, ports({{3478, 3478}}));
  udp.decided_by = tcp.decided_by;
  Flow allowed = blocked(Transport::Tcp, ports({{80, 80}}));
  allowed.verdict = Verdict::Allowed;
  c.flows = {allowed, tcp, udp};
  c.findings = {finding_for(finding_id::kPortBlocked, tcp, "rtc-web: required tcp 443 to .agora.io is blocked"),
                finding_for(finding_id::kPortBlocked, udp, "rtc-web: required udp 3478 to .agora.io is blocked")};
  Finding proxy;
  proxy.id = finding_id::kNeedsCloudProxy;
  c.findings.push_back(proxy);
  return c;
}

TEST(FixSuggestion, EachFindingGetsTheFixOfItsOwnFlow) {
  CheckResult c = tcp_and_udp_blocked_on_one_line();
  auto flows = flows_of_findings(c);
  ASSERT_EQ(flows.size(), 3u);
  EXPECT_EQ(flows[0], &c.flows[1]);
  EXPECT_EQ(flows[1], &c.flows[2]);
  EXPECT_EQ(flows[2], nullptr);
  auto fixes = suggest_fixes("iptables", c);
  ASSERT_EQ(fixes.size(), 3u);
  ASSERT_TRUE(fixes[0] && fixes[1]);
  EXPECT_EQ(fixes[0]->lines, (Lines{"-A OUTPUT -p tcp --dport 443 -j ACCEPT"}));
  EXPECT_EQ(fixes[1]->lines, (Lines{"-A OUTPUT -p udp --dport 3478 -j ACCEPT"}));
  EXPECT_FALSE(fixes[2]);
  for (const auto& none : suggest_fixes("windows", c)) EXPECT_FALSE(none);
}

TEST(FixSuggestion, FindingsLeftOutDoNotShiftTheOthers) {
  CheckResult c = tcp_and_udp_blocked_on_one_line();
  c.findings.erase(c.findings.begin());  // the tcp finding was suppressed
  auto flows = flows_of_findings(c);
  EXPECT_EQ(flows[0], &c.flows[2]);
  auto fixes = suggest_fixes("iptables", c);
  ASSERT_TRUE(fixes[0]);
  EXPECT_EQ(fixes[0]->lines, (Lines{"-A OUTPUT -p udp --dport 3478 -j ACCEPT"}));
}

TEST(FixSuggestion, OnlyBlockedPortsAndDomainsGetAFix) {
  CheckResult c = tcp_and_udp_blocked_on_one_line();
  c.findings[0].id = finding_id::kDomainNotCovered;
  c.flows[2].verdict = Verdict::Unknown;
  c.findings[1].id = finding_id::kResultUnknown;
  auto fixes = suggest_fixes("iptables", c);
  EXPECT_TRUE(fixes[0]);
  EXPECT_FALSE(fixes[1]);
  EXPECT_EQ(flows_of_findings(c)[1], &c.flows[2]);
}

// ---------------------------------------------------------------- text output

TEST(FixSuggestion, TextOutputShowsTheLinesUnderTheFinding) {
  FileResult file = test::sample_file("fw.cfg");
  std::ostringstream out;
  write_text({file}, ReportOptions{}, out);
  EXPECT_NE(out.str().find("[FWL001]\n"
                           "    8 | access-list inside_in extended deny udp any any\n"
                           "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                           "  help: add before line 8: access-list inside_in extended permit udp any any eq 3478\n"
                           "                           access-list inside_in extended permit udp any any range 5866 6000\n"),
            std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace fwlint
