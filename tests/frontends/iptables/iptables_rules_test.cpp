// SPDX-License-Identifier: Apache-2.0
// Rule options and targets of the iptables frontend, one family at a time.
#include "iptables_test_util.h"

namespace fwlint::iptables::test {
namespace {

/// A copy: callers often pass a temporary ParseResult.
Rule only_rule(const ParseResult& r) {
  const Rule* rule = first_output_rule(r);
  EXPECT_NE(rule, nullptr) << dump_diagnostics(r);
  return rule ? *rule : Rule{};
}

TEST(IptablesRules, ProtocolNamesNumbersAllAndNegation) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -j ACCEPT\n"))).match.protocols, proto(6));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p 17 -j ACCEPT\n"))).match.protocols, proto(17));
  EXPECT_TRUE(only_rule(parse(filter("-A OUTPUT -p all -j ACCEPT\n"))).match.protocols.is_all());
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT ! -p udp -j ACCEPT\n"))).match.protocols,
            proto(17).complement());
}

TEST(IptablesRules, AddressesCidrMaskListsAndNegation) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -d 10.0.0.0/8 -j ACCEPT\n"))).match.dst.addresses,
            cidr("10.0.0.0/8"));
  EXPECT_EQ(
      only_rule(parse(filter("-A OUTPUT -s 192.168.1.0/255.255.255.0 -j ACCEPT\n"))).match.src.addresses,
      cidr("192.168.1.0/24"));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -d 1.2.3.4,5.6.7.0/24 -j ACCEPT\n"))).match.dst.addresses,
            cidr("1.2.3.4/32").unite(cidr("5.6.7.0/24")));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT ! -d 10.0.0.0/8 -j ACCEPT\n"))).match.dst.addresses,
            IpSet::all().subtract(cidr("10.0.0.0/8")));
}

TEST(IptablesRules, PortsRangesOpenRangesServiceNames) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -m tcp --dport 443 -j ACCEPT\n"))).match.dst_ports,
            ports({{443, 443}}));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p udp -m udp --dport 5000:6000 -j ACCEPT\n"))).match.dst_ports,
            ports({{5000, 6000}}));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p udp -m udp --dport :1023 -j ACCEPT\n"))).match.dst_ports,
            ports({{0, 1023}}));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p udp -m udp --sport 1024: -j ACCEPT\n"))).match.src_ports,
            ports({{1024, 65535}}));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -m tcp --dport https -j ACCEPT\n"))).match.dst_ports,
            ports({{443, 443}}));
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -m tcp ! --dport 22 -j ACCEPT\n"))).match.dst_ports,
            ports({{0, 21}, {23, 65535}}));
}

TEST(IptablesRules, Multiport) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -m multiport --dports 80,443,5866:6000 -j ACCEPT\n")))
                .match.dst_ports,
            ports({{80, 80}, {443, 443}, {5866, 6000}}));
  EXPECT_EQ(
      only_rule(parse(filter("-A OUTPUT -p tcp -m multiport --sports 1,2 -j ACCEPT\n"))).match.src_ports,
      ports({{1, 2}}));
  Rule either = only_rule(parse(filter("-A OUTPUT -p tcp -m multiport --ports 80 -j ACCEPT\n")));
  EXPECT_TRUE(either.match.unknown);
}

TEST(IptablesRules, StateAndConntrack) {
  EXPECT_EQ(
      only_rule(parse(filter("-A OUTPUT -m state --state RELATED,ESTABLISHED -j ACCEPT\n"))).match.states,
      kStateRelated | kStateEstablished);
  EXPECT_EQ(
      only_rule(parse(filter("-A OUTPUT -m conntrack --ctstate NEW,UNTRACKED -j ACCEPT\n"))).match.states,
      kStateNew | kStateUntracked);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -m conntrack ! --ctstate INVALID -j ACCEPT\n"))).match.states,
            kStateAll & ~kStateInvalid);
  // ESTABLISHED,RELATED never admits a new connection.
  auto r = parse(filter("-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"));
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesRules, IprangeAndComment) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -m iprange --dst-range 10.0.0.1-10.0.0.9 -j ACCEPT\n")))
                .match.dst.addresses,
            *parse_address_range("10.0.0.1", "10.0.0.9"));
  auto r = parse(filter("-A OUTPUT -m comment --comment \"say \\\"hi\\\" -j DROP\" -j ACCEPT\n"));
  EXPECT_EQ(only_rule(r).action.kind, ActionKind::Allow) << dump_diagnostics(r);
  EXPECT_FALSE(only_rule(r).match.unknown);
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
}

TEST(IptablesRules, InterfacePatternsAreKeptAsWritten) {
  // Without --to the pattern stays; the evaluator finds the rule a maybe.
  auto none = parse(filter("-A OUTPUT -o eth0 -j ACCEPT\n"));
  EXPECT_FALSE(only_rule(none).match.unknown) << only_rule(none).match.unknown_reason;
  EXPECT_EQ(only_rule(none).match.out_interface, "eth0");
  EXPECT_FALSE(only_rule(none).match.out_interface_negated);
  EXPECT_EQ(host(none, 6, 443), only(Verdict::Unknown));
  PathOptions o = mode(PathMode::Host);
  o.to_interface = "eth0";
  auto pinned = parse(filter("-A OUTPUT -o eth+ -j ACCEPT\n"), o);
  EXPECT_FALSE(only_rule(pinned).match.unknown);
  EXPECT_EQ(only_rule(pinned).match.out_interface, "eth+");
  EXPECT_EQ(host(pinned, 6, 443), only(Verdict::Allowed));
  auto neg = parse(filter("-A OUTPUT ! -o eth0 -j ACCEPT\n"), o);
  EXPECT_TRUE(only_rule(neg).match.out_interface_negated);
  EXPECT_EQ(host(neg, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesRules, LoopbackIsNeverTheInternetPath) {
  // Every path lists "lo" as unused: `-o lo` never matches, `! -o lo` always.
  auto lo = parse(filter("-A OUTPUT -o lo -j ACCEPT\n"));
  EXPECT_FALSE(only_rule(lo).match.unknown);
  EXPECT_EQ(only_rule(lo).match.out_interface, "lo");
  EXPECT_EQ(host(lo, 6, 443), only(Verdict::Blocked));
  auto not_lo = parse(filter("-A OUTPUT ! -o lo -j ACCEPT\n"));
  EXPECT_EQ(only_rule(not_lo).match.out_interface, "lo");
  EXPECT_TRUE(only_rule(not_lo).match.out_interface_negated);
  EXPECT_EQ(host(not_lo, 6, 443), only(Verdict::Allowed));
  auto lo_prefix = parse(filter("-A OUTPUT -o lo+ -j ACCEPT\n"));
  EXPECT_EQ(host(lo_prefix, 6, 443), only(Verdict::Unknown)) << "lo+ also names lo0, lo1...";
}

TEST(IptablesRules, OpaqueModulesAreUnknownNotDropped) {
  for (const char* m :
       {"-m set --match-set blocklist dst", "-m owner --uid-owner 1000", "-m mark --mark 0x1",
        "-m limit --limit 5/min", "-m recent --rcheck --seconds 60", "-m string --string x --algo bm"}) {
    auto r = parse(filter(std::string("-A OUTPUT -p tcp ") + m + " -j DROP\n", "ACCEPT"));
    EXPECT_TRUE(only_rule(r).match.unknown) << m;
    EXPECT_EQ(only_rule(r).action.kind, ActionKind::Block) << m;
    EXPECT_EQ(host(r, 6, 443), only(Verdict::Unknown)) << m;
    EXPECT_EQ(count(r, finding_id::kUnsupportedConstruct), 0u) << m << dump_diagnostics(r);
  }
}

TEST(IptablesRules, UnknownOptionHasExactLocation) {
  auto r = parse(filter("-A OUTPUT -p tcp --frobnicate 3 -j ACCEPT\n"));
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 5u);
  EXPECT_EQ(d[0]->where.column, 18u);
  EXPECT_NE(d[0]->message.find("--frobnicate"), std::string::npos);
  EXPECT_TRUE(only_rule(r).match.unknown);
  EXPECT_NE(only_rule(r).match.unknown_reason.find("--frobnicate"), std::string::npos);
  EXPECT_EQ(r.status, ParseStatus::Partial);
}

TEST(IptablesRules, UnknownModuleHasExactLocation) {
  auto r = parse(filter("-A OUTPUT -m frob --x 1 -j ACCEPT\n"));
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.column, 14u);
  EXPECT_TRUE(only_rule(r).match.unknown);
}

TEST(IptablesRules, Fragments) {
  auto r = parse(filter("-A OUTPUT -f -j DROP\n", "ACCEPT"));
  EXPECT_EQ(host(r, 17, 3478), only(Verdict::Allowed));
}

TEST(IptablesRules, Targets) {
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j ACCEPT\n"))).action.kind, ActionKind::Allow);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j DROP\n"))).action.kind, ActionKind::Block);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp -j REJECT --reject-with tcp-reset\n"))).action.kind,
            ActionKind::Block);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j RETURN\n"))).action.kind, ActionKind::Return);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j LOG --log-prefix \"x y\" --log-level 4\n"))).action.kind,
            ActionKind::Continue);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j NFLOG --nflog-group 2\n"))).action.kind,
            ActionKind::Continue);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j MARK --set-xmark 0x1/0xffffffff\n"))).action.kind,
            ActionKind::Continue);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -j CONNMARK --save-mark\n"))).action.kind,
            ActionKind::Continue);
  EXPECT_EQ(only_rule(parse(filter("-A OUTPUT -p tcp\n"))).action.kind, ActionKind::Continue);
}

// iptables reads a rule's options in any order; only iptables-save puts the
// target last. A match option after the target still narrows the rule, so
// this accept is not an accept of everything.
TEST(IptablesRules, RuleOptionsAfterTheTargetStillMatch) {
  auto r = parse(filter("-A OUTPUT -p udp -j ACCEPT -d 10.0.0.0/8 --dport 3478\n"));
  EXPECT_EQ(only_rule(r).action.kind, ActionKind::Allow);
  EXPECT_EQ(host(r, 17, 3478), only(Verdict::Blocked)) << "the accept covers 10.0.0.0/8 only";
  EXPECT_TRUE(diagnostics(r, finding_id::kUnsupportedConstruct).empty()) << dump_diagnostics(r);
  // Target options are still skipped, whatever follows them.
  auto reject = parse(filter("-A OUTPUT -j REJECT --reject-with icmp-port-unreachable -p tcp\n", "ACCEPT"));
  EXPECT_EQ(host(reject, 6, 443), only(Verdict::Blocked));
  EXPECT_EQ(host(reject, 17, 3478), only(Verdict::Allowed));
}

TEST(IptablesRules, ASecondTargetMakesTheRuleUnknown) {
  auto r = parse(filter("-A OUTPUT -j ACCEPT -j DROP\n"));
  EXPECT_FALSE(diagnostics(r, finding_id::kUnrecognizedLine).empty()) << dump_diagnostics(r);
  EXPECT_TRUE(only_rule(r).match.unknown);
}

TEST(IptablesRules, PolicyIsDefaultActionAtChainLine) {
  auto r = parse(filter("", "DROP"));
  const RuleList* l = stage_list(r);
  ASSERT_NE(l, nullptr);
  ASSERT_TRUE(l->default_action.has_value());
  EXPECT_EQ(l->default_action->kind, ActionKind::Block);
  EXPECT_EQ(l->default_action->location.line, 4u);
  EXPECT_EQ(l->default_action->description, "policy of chain OUTPUT");
  auto a = parse(filter("", "ACCEPT"));
  EXPECT_EQ(stage_list(a)->default_action->kind, ActionKind::Allow);
  EXPECT_EQ(host(a, 6, 443), only(Verdict::Allowed));
}

TEST(IptablesChains, CallReturnAndFallOff) {
  std::string chains = ":WEB - [0:0]\n:CHECK - [0:0]\n";
  auto r = parse(filter("-A OUTPUT -p tcp -j WEB\n"
                        "-A WEB -j CHECK\n"
                        "-A WEB -p tcp -m tcp --dport 443 -j ACCEPT\n"
                        "-A CHECK -p tcp -m tcp --dport 80 -j DROP\n"
                        "-A CHECK -j RETURN\n"
                        "-A CHECK -j ACCEPT\n",
                        "ACCEPT", chains));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
  EXPECT_EQ(first_output_rule(r)->action.kind, ActionKind::Call);
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(host(r, 6, 80), only(Verdict::Blocked));
  EXPECT_EQ(host(r, 6, 22), only(Verdict::Allowed));  // falls off WEB, OUTPUT policy
}

TEST(IptablesChains, GotoNeverComesBack) {
  std::string chains = ":G - [0:0]\n";
  auto r = parse(filter("-A OUTPUT -p tcp -g G\n"
                        "-A OUTPUT -p tcp -j ACCEPT\n"
                        "-A G -p tcp -m tcp --dport 22 -j ACCEPT\n",
                        "DROP", chains));
  EXPECT_EQ(first_output_rule(r)->action.kind, ActionKind::Goto);
  EXPECT_EQ(host(r, 6, 22), only(Verdict::Allowed));
  // Falling off G ends the built-in chain: its policy decides, not the ACCEPT after the goto.
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesChains, ReturnInBuiltinChainIsPolicy) {
  auto r = parse(filter("-A OUTPUT -p tcp -j RETURN\n-A OUTPUT -j ACCEPT\n", "DROP"));
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Blocked));
  EXPECT_EQ(host(r, 17, 53), only(Verdict::Allowed));
}

TEST(IptablesChains, UndefinedTargetIsReportedAndUnknown) {
  auto r = parse(filter("-A OUTPUT -p tcp -j NOWHERE\n", "DROP"));
  auto d = diagnostics(r, finding_id::kUndefinedReference);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 5u);
  EXPECT_EQ(d[0]->where.column, 21u);
  EXPECT_TRUE(first_output_rule(r)->match.unknown);
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Unknown));
  EXPECT_EQ(host(r, 17, 443), only(Verdict::Blocked));
}

TEST(IptablesChains, LoopIsReported) {
  std::string chains = ":A - [0:0]\n:B - [0:0]\n";
  auto r = parse(filter("-A OUTPUT -j A\n-A A -j B\n-A B -j A\n", "DROP", chains));
  auto d = diagnostics(r, finding_id::kReferenceCycle);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 9u);
  EXPECT_EQ(d[0]->where.column, 9u);
  for (Verdict v : host(r, 6, 443)) EXPECT_NE(v, Verdict::Allowed);
}

TEST(IptablesPaths, GatewayUsesForwardWithFromTo) {
  PathOptions o;
  o.from_interfaces = {"eth1"};
  o.to_interface = "eth0";
  auto r = parse("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                 "-A FORWARD -i eth1 -o eth0 -p udp -j ACCEPT\n"
                 "-A FORWARD -i eth2 -j ACCEPT\nCOMMIT\n",
                 o);
  const std::string gateway = "gateway (FORWARD eth1 -> eth0)";
  const Path* p = path(r, gateway);
  ASSERT_NE(p, nullptr) << dump_diagnostics(r);
  EXPECT_EQ(p->in_interface, "eth1");
  EXPECT_EQ(p->out_interface, "eth0");
  EXPECT_EQ(p->stages.size(), 1u);
  EXPECT_EQ(verdicts(r, gateway, 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, gateway, 6, 443), only(Verdict::Blocked));
  EXPECT_EQ(verdicts(r, kHostPath, 6, 443), only(Verdict::Allowed));
  auto unpinned = parse(
      "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
      "-A FORWARD -i eth1 -o eth0 -p udp -j ACCEPT\nCOMMIT\n",
      mode(PathMode::Auto));
  EXPECT_EQ(verdicts(unpinned, kGatewayPath, 17, 3478), only(Verdict::Unknown));
}

}  // namespace
}  // namespace fwlint::iptables::test

namespace fwlint::iptables::test {
namespace {

TEST(IptablesRules, CtprotoNarrowsProtocol) {
  auto r = parse(filter("-A OUTPUT -m conntrack --ctstate NEW --ctproto 17 -j ACCEPT\n"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
  EXPECT_EQ(host(r, 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesRules, IcmpTypeOnlyConcernsIcmp) {
  auto r = parse(filter("-A OUTPUT -p icmp -m icmp --icmp-type 8 -j DROP\n", "ACCEPT"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump_diagnostics(r);
  EXPECT_EQ(host(r, 6, 443), only(Verdict::Allowed));
}

}  // namespace
}  // namespace fwlint::iptables::test

namespace fwlint::iptables::test {
namespace {

TEST(IptablesRules, SynMatchesNewConnections) {
  auto syn = parse(filter("-A OUTPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT\n"));
  EXPECT_FALSE(first_output_rule(syn)->match.unknown);
  EXPECT_EQ(host(syn, 6, 443), only(Verdict::Allowed));
  auto other = parse(filter("-A OUTPUT -p tcp -m tcp --tcp-flags ACK ACK -j ACCEPT\n"));
  EXPECT_TRUE(first_output_rule(other)->match.unknown);
  auto bad = parse(filter("-A OUTPUT -p tcp -m tcp --tcp-flags ACK SYN -j ACCEPT\n"));
  EXPECT_TRUE(first_output_rule(bad)->match.unknown);
}

TEST(IptablesRules, NonContiguousMaskIsUnknown) {
  auto r = parse(filter("-A OUTPUT -d 10.11.12.13/255.0.255.0 -j DROP\n", "ACCEPT"));
  auto d = diagnostics(r, finding_id::kUnsupportedConstruct);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.column, 14u);
  EXPECT_TRUE(first_output_rule(r)->match.unknown);
}

}  // namespace
}  // namespace fwlint::iptables::test
