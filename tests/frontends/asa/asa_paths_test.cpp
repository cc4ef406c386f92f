// SPDX-License-Identifier: Apache-2.0
// Paths through the ASA: which stages, in which order, with which default
// actions, sources and interfaces; checked structurally and through the
// evaluator.
#include "asa_test_util.h"
#include "test_support.h"

namespace fwlint::asa::test {
namespace {

const RuleList& stage_list(const ParseResult& r, const Path& p, std::size_t i) {
  return r.policy.lists.at(static_cast<std::size_t>(p.stages.at(i).list));
}

std::string three_interfaces(const std::string& extra = "") {
  return two_interfaces() +
         "interface GigabitEthernet0/2\n"
         " nameif dmz\n"
         " security-level 50\n"
         " ip address 172.16.0.1 255.255.255.0\n"
         "interface Management0/0\n"
         " management-only\n"
         " nameif mgmt\n"
         " security-level 100\n"
         " ip address 192.168.1.1 255.255.255.0\n" +
         extra;
}

TEST(AsaPaths, IngressAclThenEgressAcl) {
  auto r = parse(two_interfaces() +
                 "access-list in_acl extended permit tcp any any eq 443\n"     // 10
                 "access-list out_acl extended deny udp any any\n"              // 11
                 "access-list out_acl extended permit ip any any\n"             // 12
                 "access-group in_acl in interface inside\n"                    // 13
                 "access-group out_acl out interface outside\n");               // 14
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  ASSERT_EQ(r.policy.paths.size(), 1u);
  const Path& p = r.policy.paths[0];
  EXPECT_EQ(p.name, "inside -> outside");
  EXPECT_EQ(p.in_interface, "inside");
  EXPECT_EQ(p.out_interface, "outside");
  ASSERT_EQ(p.stages.size(), 2u);

  const RuleList& ingress = stage_list(r, p, 0);
  ASSERT_EQ(ingress.rules.size(), 1u);
  EXPECT_EQ(ingress.rules[0].action.kind, ActionKind::Call);
  EXPECT_EQ(r.policy.lists.at(static_cast<std::size_t>(ingress.rules[0].action.target)).name, "in_acl");
  ASSERT_TRUE(ingress.default_action.has_value());
  EXPECT_EQ(ingress.default_action->kind, ActionKind::Block);
  EXPECT_EQ(ingress.default_action->location.line, 13u);
  EXPECT_EQ(ingress.default_action->description, "implicit deny of ACL in_acl");

  const RuleList& egress = stage_list(r, p, 1);
  EXPECT_EQ(egress.default_action->location.line, 14u);
  EXPECT_EQ(egress.default_action->description, "implicit deny of ACL out_acl");
  EXPECT_NE(p.stages[1].description.find("out_acl"), std::string::npos);

  // ACL lists themselves: FirstMatch, no default (they return to the caller).
  const RuleList* acl = list(r, "in_acl");
  ASSERT_NE(acl, nullptr);
  EXPECT_EQ(acl->order, EvalOrder::FirstMatch);
  EXPECT_FALSE(acl->default_action.has_value());

  EXPECT_EQ(verdicts(r, p, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, p, 6, 80), only(Verdict::Blocked));
  EXPECT_EQ(verdicts(r, p, 17, 443), only(Verdict::Blocked));
}

TEST(AsaPaths, GlobalAclComesAfterTheInterfaceAcl) {
  auto r = parse(two_interfaces() +
                 "access-list in_acl extended deny tcp any any eq 25\n"
                 "access-list glob extended permit tcp any any\n"
                 "access-group glob global\n"                                   // 12
                 "access-group in_acl in interface inside\n");                  // 13
  const Path* p = path(r, "inside -> outside");
  ASSERT_NE(p, nullptr);
  const RuleList& ingress = stage_list(r, *p, 0);
  ASSERT_EQ(ingress.rules.size(), 2u);
  EXPECT_EQ(r.policy.lists.at(static_cast<std::size_t>(ingress.rules[0].action.target)).name, "in_acl");
  EXPECT_EQ(r.policy.lists.at(static_cast<std::size_t>(ingress.rules[1].action.target)).name, "glob");
  EXPECT_EQ(ingress.default_action->location.line, 12u);
  EXPECT_EQ(ingress.default_action->description, "implicit deny of ACL glob");
  EXPECT_EQ(verdicts(r, *p, 6, 25), only(Verdict::Blocked));
  EXPECT_EQ(verdicts(r, *p, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, *p, 17, 53), only(Verdict::Blocked));
}

TEST(AsaPaths, SecurityLevelsWithoutAcl) {
  auto r = parse(three_interfaces());
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  // Default: every named interface but the egress (outside) and mgmt.
  ASSERT_EQ(r.policy.paths.size(), 2u);
  const Path* inside = path(r, "inside -> outside");
  const Path* dmz = path(r, "dmz -> outside");
  ASSERT_TRUE(inside && dmz);
  ASSERT_EQ(inside->stages.size(), 1u);
  const RuleList& levels = stage_list(r, *inside, 0);
  EXPECT_TRUE(levels.rules.empty());
  EXPECT_EQ(levels.default_action->kind, ActionKind::Allow);
  EXPECT_EQ(levels.default_action->location.line, 8u);  // inside's security-level line
  EXPECT_NE(levels.default_action->description.find("100 > 0"), std::string::npos);
  EXPECT_EQ(verdicts(r, *inside, 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, *dmz, 6, 443), only(Verdict::Allowed));
}

TEST(AsaPaths, LowerToHigherIsBlocked) {
  PathOptions o;
  o.from_interfaces = {"outside"};
  o.to_interface = "inside";
  auto r = parse(two_interfaces(), o);
  ASSERT_EQ(r.policy.paths.size(), 1u);
  const Path& p = r.policy.paths[0];
  EXPECT_EQ(p.name, "outside -> inside");
  const RuleList& levels = stage_list(r, p, 0);
  EXPECT_EQ(levels.default_action->kind, ActionKind::Block);
  EXPECT_EQ(levels.default_action->location.line, 4u);  // outside's security-level line
  EXPECT_EQ(verdicts(r, p, 6, 443, "10.0.0.5"), only(Verdict::Blocked));
}

TEST(AsaPaths, SameSecurityLevel) {
  std::string base =
      "ASA Version 9.8\n"
      "interface G0/0\n nameif outside\n security-level 50\n ip address 198.51.100.2 255.255.255.0\n"
      "interface G0/1\n nameif lan\n security-level 50\n ip address 10.0.0.1 255.255.255.0\n";
  {
    auto r = parse(base);
    const Path* p = path(r, "lan -> outside");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(stage_list(r, *p, 0).default_action->kind, ActionKind::Block);
    EXPECT_NE(stage_list(r, *p, 0).default_action->description.find("inter-interface"), std::string::npos);
  }
  {
    auto r = parse(base + "same-security-traffic permit inter-interface\n");
    const Path* p = path(r, "lan -> outside");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(stage_list(r, *p, 0).default_action->kind, ActionKind::Allow);
    EXPECT_EQ(stage_list(r, *p, 0).default_action->location.line, 10u);
  }
  {
    // An ACL does not lift the same-security restriction.
    auto r = parse(base + "access-list lan_in extended permit ip any any\naccess-group lan_in in interface lan\n");
    const Path* p = path(r, "lan -> outside");
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(p->stages.size(), 2u);
    EXPECT_EQ(stage_list(r, *p, 1).default_action->kind, ActionKind::Block);
    EXPECT_EQ(verdicts(r, *p, 6, 443), only(Verdict::Blocked));
  }
}

TEST(AsaPaths, IntraInterfaceNeedsItsOwnPermit) {
  PathOptions o;
  o.from_interfaces = {"inside"};
  o.to_interface = "inside";
  auto r = parse(two_interfaces(), o);
  ASSERT_EQ(r.policy.paths.size(), 1u);
  EXPECT_EQ(r.policy.paths[0].name, "inside -> inside");
  EXPECT_EQ(stage_list(r, r.policy.paths[0], 0).default_action->kind, ActionKind::Block);
  auto allowed = parse(two_interfaces() + "same-security-traffic permit intra-interface\n", o);
  EXPECT_EQ(stage_list(allowed, allowed.policy.paths[0], 0).default_action->kind, ActionKind::Allow);
  auto inter_only = parse(two_interfaces() + "same-security-traffic permit inter-interface\n", o);
  EXPECT_EQ(stage_list(inter_only, inter_only.policy.paths[0], 0).default_action->kind, ActionKind::Block);
}

TEST(AsaPaths, ImplicitSecurityLevels) {
  auto r = parse("ASA Version 9.8\ninterface G0/0\n nameif outside\ninterface G0/1\n nameif inside\n");
  const Path* p = path(r, "inside -> outside");
  ASSERT_NE(p, nullptr);
  const RuleList& levels = stage_list(r, *p, 0);
  EXPECT_EQ(levels.default_action->kind, ActionKind::Allow);  // inside = 100, others = 0
  EXPECT_EQ(levels.default_action->location.line, 5u);        // the nameif line
}

TEST(AsaPaths, EgressDefaults) {
  // "outside" matched case-insensitively.
  auto r = parse("ASA Version 9.8\ninterface G0/0\n nameif OUTSIDE\n security-level 0\n"
                 "interface G0/1\n nameif INSIDE\n security-level 100\n");
  ASSERT_NE(path(r, "INSIDE -> OUTSIDE"), nullptr);
  // No outside: the lowest security level.
  auto r2 = parse("ASA Version 9.8\ninterface G0/0\n nameif wan\n security-level 5\n"
                  "interface G0/1\n nameif lan\n security-level 100\n"
                  "interface G0/2\n nameif lab\n security-level 40\n");
  EXPECT_NE(path(r2, "lan -> wan"), nullptr);
  EXPECT_NE(path(r2, "lab -> wan"), nullptr);
  EXPECT_EQ(r2.policy.paths.size(), 2u);
}

TEST(AsaPaths, ShutdownAndManagementInterfacesAreNotDefaultIngress) {
  auto r = parse(three_interfaces("interface G0/9\n nameif spare\n security-level 60\n shutdown\n"));
  EXPECT_EQ(path(r, "mgmt -> outside"), nullptr);
  EXPECT_EQ(path(r, "spare -> outside"), nullptr);
  PathOptions o;
  o.from_interfaces = {"mgmt"};
  EXPECT_NE(path(parse(three_interfaces(), o), "mgmt -> outside"), nullptr);
}

TEST(AsaPaths, UnknownInterfacesFromOptionsAreErrors) {
  PathOptions o;
  o.to_interface = "wan";
  auto r = parse(two_interfaces(), o);
  EXPECT_TRUE(r.policy.paths.empty());
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.front().severity, Severity::Error);
  EXPECT_NE(r.diagnostics.front().message.find("wan"), std::string::npos);

  PathOptions from;
  from.from_interfaces = {"nope", "inside"};
  auto r2 = parse(two_interfaces(), from);
  ASSERT_EQ(r2.policy.paths.size(), 1u);
  EXPECT_EQ(r2.policy.paths[0].name, "inside -> outside");
  EXPECT_EQ(r2.diagnostics.front().severity, Severity::Error);
}

TEST(AsaPaths, NoInterfaces) {
  auto r = parse("ASA Version 9.8\naccess-list g extended permit tcp any any eq 443\naccess-group g global\n");
  ASSERT_EQ(r.policy.paths.size(), 1u);
  EXPECT_EQ(r.policy.paths[0].name, "any -> any");
  EXPECT_EQ(verdicts(r, r.policy.paths[0], 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(r, r.policy.paths[0], 6, 80), only(Verdict::Blocked));

  auto none = parse("ASA Version 9.8\naccess-list a extended permit tcp any any eq 443\n");
  EXPECT_TRUE(none.policy.paths.empty());
  EXPECT_FALSE(none.diagnostics.empty());
  EXPECT_NE(none.status, ParseStatus::Failed);
}

TEST(AsaPaths, SourcesFromConnectedSubnetsAndRoutes) {
  std::string cfg = two_interfaces() +
                    "interface GigabitEthernet0/1\n ipv6 address 2001:db8:1::1/64\n"
                    "route inside 10.50.0.0 255.255.0.0 10.0.0.254 1\n"
                    "route outside 0.0.0.0 0.0.0.0 198.51.100.1\n"
                    "ipv6 route inside 2001:db8:2::/48 2001:db8:1::fe\n";
  auto r = parse(cfg);
  EXPECT_EQ(r.status, ParseStatus::Ok) << dump_diagnostics(r);
  const Path* p = path(r, "inside -> outside");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->default_sources, cidr("10.0.0.0/24").unite(cidr("10.50.0.0/16")));
  EXPECT_NE(p->sources_description.find("10.50.0.0/16"), std::string::npos);
  PathOptions v6;
  v6.ipv6 = true;
  auto r6 = parse(cfg, v6);
  EXPECT_EQ(path(r6, "inside -> outside")->default_sources,
            cidr("10.0.0.0/24").unite(cidr("10.50.0.0/16")).unite(cidr("2001:db8:1::/64")).unite(
                cidr("2001:db8:2::/48")));
  // DHCP on the ingress: nothing known, all addresses.
  auto dhcp = parse("ASA Version 9.8\ninterface G0/0\n nameif outside\ninterface G0/1\n nameif inside\n"
                    " ip address dhcp\n");
  EXPECT_EQ(path(dhcp, "inside -> outside")->default_sources, IpSet::all_of(Family::V4));
}

TEST(AsaPaths, AccessGroupReferencesAreChecked) {
  auto r = parse(two_interfaces() +
                 "access-group missing_acl in interface inside\n"             // 10
                 "access-list a extended permit ip any any\n"
                 "access-group a in interface nowhere\n");                      // 12
  auto d = diagnostics(r, finding_id::kUndefinedReference);
  ASSERT_EQ(d.size(), 2u) << dump_diagnostics(r);
  EXPECT_EQ(d[0]->where.line, 10u);
  EXPECT_EQ(d[0]->where.column, 14u);
  EXPECT_EQ(d[1]->where.line, 12u);
  EXPECT_EQ(d[1]->where.column, 29u);
  const Path* p = path(r, "inside -> outside");
  ASSERT_NE(p, nullptr);
  // The undefined ACL leaves the outcome open instead of guessing.
  EXPECT_EQ(verdicts(r, *p, 6, 443), only(Verdict::Unknown));
}

TEST(AsaPaths, ControlPlaneAclsAreNotOnPaths) {
  auto r = parse(two_interfaces() +
                 "access-list cp extended deny ip any any\n"
                 "access-group cp in interface inside control-plane\n");
  const Path* p = path(r, "inside -> outside");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(verdicts(r, *p, 6, 443), only(Verdict::Allowed));
}

TEST(AsaPaths, SamplesGiveTheExpectedVerdicts) {
  auto sample = [](const char* name) {
    return parse(fwlint::test::read_file(fwlint::test::source_dir() + "/samples/asa/" + name));
  };
  auto office = sample("small-office.cfg");
  EXPECT_EQ(office.status, ParseStatus::Ok) << dump_diagnostics(office);
  const Path* p = path(office, "inside -> outside");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(verdicts(office, *p, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(office, *p, 17, 3478), only(Verdict::Blocked));

  auto compliant = sample("compliant.cfg");
  EXPECT_EQ(compliant.status, ParseStatus::Ok) << dump_diagnostics(compliant);
  ASSERT_EQ(compliant.policy.paths.size(), 1u);  // management-only is not a client path
  for (int port : {80, 443, 3433, 5668, 5669, 5866, 6000, 6080, 6443, 8667, 9667, 30011, 30013, 9130,
                   9131, 9591, 9593})
    EXPECT_EQ(verdicts(compliant, compliant.policy.paths[0], 6, port), only(Verdict::Allowed)) << port;
  for (int port : {3478, 5866, 6000, 10000, 65535, 8000, 1080, 25000})
    EXPECT_EQ(verdicts(compliant, compliant.policy.paths[0], 17, port), only(Verdict::Allowed)) << port;

  auto edge = sample("enterprise-edge.cfg");
  EXPECT_EQ(edge.status, ParseStatus::Ok) << dump_diagnostics(edge);
  EXPECT_EQ(edge.policy.paths.size(), 3u);
  const Path* inside = path(edge, "inside -> outside");
  const Path* guest = path(edge, "guest -> outside");
  ASSERT_TRUE(inside && guest);
  EXPECT_EQ(verdicts(edge, *inside, 6, 6443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(edge, *inside, 17, 5900), only(Verdict::Blocked));   // inactive entry
  EXPECT_EQ(verdicts(edge, *inside, 17, 8000), only(Verdict::Unknown));   // time-range
  EXPECT_EQ(verdicts(edge, *inside, 6, 25), only(Verdict::Blocked));      // egress ACL
  EXPECT_EQ(verdicts(edge, *guest, 6, 443), only(Verdict::Allowed));
  EXPECT_EQ(verdicts(edge, *guest, 6, 3433), only(Verdict::Blocked));
}

}  // namespace
}  // namespace fwlint::asa::test
