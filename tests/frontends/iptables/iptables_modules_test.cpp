// SPDX-License-Identifier: Apache-2.0
// Match modules modeled exactly or unknown by option: sctp / dccp / udplite
// ports, addrtype, conntrack directions and tuple options; options of one
// rule AND-ed together; where an old-style `!` belongs.
#include "iptables_test_util.h"

namespace fwlint::iptables::test {
namespace {

Rule only_rule(const ParseResult& r) {
  const Rule* rule = first_output_rule(r);
  EXPECT_NE(rule, nullptr) << dump_diagnostics(r);
  return rule ? *rule : Rule{};
}

Rule rule_of(const std::string& options, const std::string& target = "ACCEPT") {
  ParseResult r = parse(filter("-A OUTPUT " + options + " -j " + target + "\n"));
  EXPECT_TRUE(r.diagnostics.empty()) << options << "\n" << dump_diagnostics(r);
  return only_rule(r);
}

TEST(IptablesModules, SctpDccpUdplitePortsAreExact) {
  for (auto [name, number] : {std::pair<std::string, int>{"sctp", 132}, {"dccp", 33}, {"udplite", 136}}) {
    Rule r = rule_of("-p " + name + " -m " + name + " --sport 1024: --dport 5000:5100");
    EXPECT_FALSE(r.match.unknown) << name << ": " << r.match.unknown_reason;
    EXPECT_EQ(r.match.protocols, proto(number)) << name;
    EXPECT_EQ(r.match.src_ports, ports({{1024, 65535}})) << name;
    EXPECT_EQ(r.match.dst_ports, ports({{5000, 5100}})) << name;
    Rule long_names = rule_of("-p " + name + " -m " + name + " --source-port 7 --destination-port 9");
    EXPECT_EQ(long_names.match.src_ports, ports({{7, 7}})) << name;
    EXPECT_EQ(long_names.match.dst_ports, ports({{9, 9}})) << name;
    // iptables loads the protocol's module for -p alone.
    Rule implicit = rule_of("-p " + name + " --dport 9");
    EXPECT_FALSE(implicit.match.unknown) << name;
    EXPECT_EQ(implicit.match.dst_ports, ports({{9, 9}})) << name;
    Rule negated = rule_of("-p " + name + " -m " + name + " ! --dport 9");
    EXPECT_EQ(negated.match.dst_ports, ports({{0, 8}, {10, 65535}})) << name;
  }
}

TEST(IptablesModules, PortModuleMatchesOnlyItsProtocol) {
  EXPECT_EQ(rule_of("-m sctp --dport 9").match.protocols, proto(132));
  EXPECT_EQ(rule_of("-p all -m dccp --dport 9").match.protocols, proto(33));
  EXPECT_EQ(rule_of("-p tcp -m tcp --dport 9").match.protocols, proto(6));
}

TEST(IptablesModules, SctpChunkTypesAndDccpTypesAreUnknownByName) {
  struct Case {
    std::string options, reason;
  };
  for (const Case& c :
       {Case{"-p sctp -m sctp --dport 9 --chunk-types all INIT,DATA", "--chunk-types is not modeled"},
        Case{"-p sctp -m sctp ! --chunk-types only DATA:Be", "--chunk-types is not modeled"},
        Case{"-p dccp -m dccp --dccp-types REQUEST,RESPONSE", "--dccp-types is not modeled"},
        Case{"-p dccp -m dccp --dport 9 --dccp-option 255", "--dccp-option is not modeled"}}) {
    Rule r = rule_of(c.options, "DROP");
    EXPECT_TRUE(r.match.unknown) << c.options;
    EXPECT_EQ(r.match.unknown_reason, c.reason) << c.options;
    EXPECT_EQ(r.action.kind, ActionKind::Block) << c.options;
  }
  // The ports beside them are still read.
  EXPECT_EQ(rule_of("-p sctp -m sctp --dport 9 --chunk-types all INIT").match.dst_ports, ports({{9, 9}}));
}

TEST(IptablesModules, AddrtypeSetsAddressTypes) {
  Rule dst_local = rule_of("-m addrtype --dst-type LOCAL");
  EXPECT_FALSE(dst_local.match.unknown) << dst_local.match.unknown_reason;
  EXPECT_EQ(dst_local.match.dst.types, kTypeLocal);
  EXPECT_EQ(dst_local.match.src.types, kTypeAll);
  EXPECT_EQ(rule_of("-m addrtype --src-type UNICAST,LOCAL").match.src.types, kTypeUnicast | kTypeLocal);
  EXPECT_EQ(rule_of("-m addrtype ! --dst-type LOCAL").match.dst.types, kTypeAll & ~kTypeLocal);
  EXPECT_EQ(rule_of("-m addrtype --dst-type ! LOCAL").match.dst.types, kTypeAll & ~kTypeLocal)
      << "old iptables wrote ! after the option";
  EXPECT_EQ(rule_of("-m addrtype --dst-type broadcast").match.dst.types, kTypeBroadcast) << "any case";
  Rule both = rule_of("-m addrtype --src-type LOCAL ! --dst-type MULTICAST,BROADCAST");
  EXPECT_EQ(both.match.src.types, kTypeLocal);
  EXPECT_EQ(both.match.dst.types, kTypeAll & ~(kTypeMulticast | kTypeBroadcast));
  std::uint16_t every = 0;
  for (const char* name : {"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE",
                           "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"})
    every |= rule_of(std::string("-m addrtype --dst-type ") + name).match.dst.types;
  EXPECT_EQ(every, kTypeAll);
}

TEST(IptablesModules, AddrtypeLimitIfaceAndBadTypes) {
  Rule in = rule_of("-m addrtype --dst-type LOCAL --limit-iface-in");
  EXPECT_TRUE(in.match.unknown);
  EXPECT_EQ(in.match.unknown_reason, "--limit-iface-in is not modeled");
  EXPECT_EQ(in.match.dst.types, kTypeLocal);
  EXPECT_EQ(rule_of("-m addrtype --src-type LOCAL --limit-iface-out").match.unknown_reason,
            "--limit-iface-out is not modeled");
  auto bad = parse(filter("-A OUTPUT -m addrtype --dst-type FAST -j DROP\n"));
  auto d = diagnostics(bad, finding_id::kUnrecognizedLine);
  ASSERT_EQ(d.size(), 1u) << dump_diagnostics(bad);
  EXPECT_EQ(d[0]->where.column, 34u);
  EXPECT_TRUE(only_rule(bad).match.unknown);
}

TEST(IptablesModules, AddrtypeAgainstClientAndServerTypes) {
  // On a host the client is LOCAL; Agora's servers are UNICAST.
  EXPECT_EQ(host(parse(filter("-A OUTPUT -m addrtype --src-type LOCAL -j ACCEPT\n")), 6, 443),
            only(Verdict::Allowed));
  EXPECT_EQ(host(parse(filter("-A OUTPUT -m addrtype --dst-type UNICAST -j ACCEPT\n")), 6, 443),
            only(Verdict::Allowed));
  EXPECT_EQ(host(parse(filter("-A OUTPUT -m addrtype ! --dst-type LOCAL -j ACCEPT\n")), 6, 443),
            only(Verdict::Allowed));
  EXPECT_EQ(host(parse(filter("-A OUTPUT -m addrtype --dst-type BROADCAST -j ACCEPT\n")), 6, 443),
            only(Verdict::Blocked));
  // Behind a gateway the client is UNICAST.
  auto gw = parse(filter("-A FORWARD -m addrtype --src-type LOCAL -j ACCEPT\n"), mode(PathMode::Gateway));
  EXPECT_EQ(verdicts(gw, kGatewayPath, 6, 443), only(Verdict::Blocked));
  auto unicast =
      parse(filter("-A FORWARD -m addrtype --src-type UNICAST -j ACCEPT\n"), mode(PathMode::Gateway));
  EXPECT_EQ(verdicts(unicast, kGatewayPath, 6, 443), only(Verdict::Allowed));
}

TEST(IptablesModules, CtdirSetsDirections) {
  EXPECT_EQ(rule_of("-m conntrack --ctdir ORIGINAL").match.directions, kDirOriginal);
  EXPECT_EQ(rule_of("-m conntrack --ctdir REPLY").match.directions, kDirReply);
  EXPECT_EQ(rule_of("-m conntrack --ctdir reply").match.directions, kDirReply) << "any case";
  EXPECT_EQ(rule_of("-m conntrack --ctstate NEW").match.directions, kDirBoth);
  auto bad = parse(filter("-A OUTPUT -m conntrack --ctdir SIDEWAYS -j ACCEPT\n"));
  ASSERT_EQ(count(bad, finding_id::kUnrecognizedLine), 1u) << dump_diagnostics(bad);
  EXPECT_TRUE(only_rule(bad).match.unknown);
}

TEST(IptablesModules, CtdirDecidesRequestsAndReplies) {
  auto replies = parse(filter("-A FORWARD -m conntrack --ctdir REPLY -j ACCEPT\n"
                              "-A FORWARD -p tcp -m tcp --dport 443 -j ACCEPT\n"),
                       mode(PathMode::Gateway));
  EXPECT_EQ(verdicts(replies, kGatewayPath, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(replies, kGatewayPath, 6, 80), only(Verdict::Blocked));
  EXPECT_EQ(reply_verdicts(replies, kGatewayPath, 6, 80), only(Verdict::Allowed));
  auto original =
      parse(filter("-A FORWARD -m conntrack --ctdir ORIGINAL -j ACCEPT\n"), mode(PathMode::Gateway));
  EXPECT_EQ(verdicts(original, kGatewayPath, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(reply_verdicts(original, kGatewayPath, 6, 443), only(Verdict::Blocked));
}

TEST(IptablesModules, ConntrackTupleOptionsAreUnknownByName) {
  for (std::string option :
       {"--ctorigsrc 10.0.0.1", "--ctorigdst 10.0.0.0/8", "--ctreplsrc 10.0.0.1", "--ctrepldst 10.0.0.1",
        "--ctorigsrcport 1000", "--ctorigdstport 443", "--ctreplsrcport 1000:2000", "--ctrepldstport 443",
        "--ctstatus ASSURED,CONFIRMED", "--ctexpire 10:20", "! --ctstatus EXPECTED",
        "! --ctorigsrc 10.0.0.1"}) {
    auto r = parse(filter("-A OUTPUT -p tcp -m conntrack " + option + " -j DROP\n", "ACCEPT"));
    EXPECT_TRUE(r.diagnostics.empty()) << option << "\n" << dump_diagnostics(r);
    Rule rule = only_rule(r);
    std::string name = option.substr(option[0] == '!' ? 2 : 0);
    name = name.substr(0, name.find(' '));
    EXPECT_TRUE(rule.match.unknown) << option;
    EXPECT_EQ(rule.match.unknown_reason, name + " is not modeled") << option;
    EXPECT_EQ(rule.action.kind, ActionKind::Block) << option;
    EXPECT_EQ(host(r, 6, 443), only(Verdict::Unknown)) << option;
    EXPECT_EQ(host(r, 17, 443), only(Verdict::Allowed)) << option;
  }
}

TEST(IptablesModules, OptionsOfOneRuleAreAnded) {
  Rule ranges = rule_of("-s 10.0.0.0/8 -m iprange --src-range 10.0.0.5-11.0.0.0");
  EXPECT_EQ(ranges.match.src.addresses, *parse_address_range("10.0.0.5", "10.255.255.255"));
  Rule port_sets = rule_of("-p tcp -m tcp --dport 80:90 -m multiport --dports 85,100");
  EXPECT_EQ(port_sets.match.dst_ports, ports({{85, 85}}));
  Rule states = rule_of("-m state --state NEW,ESTABLISHED -m conntrack --ctstate NEW,RELATED");
  EXPECT_EQ(states.match.states, kStateNew);
  Rule protocols = rule_of("-p tcp -m conntrack --ctproto udp");
  EXPECT_TRUE(protocols.match.protocols.empty());
}

TEST(IptablesModules, BangBeforeAnotherOptionBelongsToIt) {
  // `--syn ! -s X` is `--syn` and `! -s X`, not the old-style `--syn !`.
  Rule r = rule_of("-p tcp --syn ! -s 10.0.0.0/8");
  EXPECT_FALSE(r.match.unknown) << r.match.unknown_reason;
  EXPECT_EQ(r.match.src.addresses, IpSet::all().subtract(cidr("10.0.0.0/8")));
  Rule frag = rule_of("-f ! -d 10.0.0.0/8");
  EXPECT_TRUE(frag.match.protocols.empty()) << "-f is not negated";
  EXPECT_EQ(frag.match.dst.addresses, IpSet::all().subtract(cidr("10.0.0.0/8")));
}

}  // namespace
}  // namespace fwlint::iptables::test
