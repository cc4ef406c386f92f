// SPDX-License-Identifier: Apache-2.0
// The reply direction, interfaces a check does not pin, connection
// directions and address types: how the evaluator applies a rule to the
// replies of a request and to packets whose interface is unknown.
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

constexpr std::uint8_t kTcp = 6;

Cube https_requests() { return test::requests_to_agora(kTcp, 443); }

/// One FirstMatch chain with a DROP policy at line 100, used as the request
/// stage and the reply stage of a gateway-like path.
struct OneChain {
  Policy policy;
  Path path;
  explicit OneChain(std::vector<Rule> rules, bool pinned = true) {
    RuleList l;
    l.name = "FORWARD";
    l.rules = std::move(rules);
    l.default_action = DefaultAction{ActionKind::Block, SourceLocation{100, 1, 0, ":FORWARD DROP"},
                                     "policy of chain FORWARD"};
    int list = policy.add_list(std::move(l));
    path.name = "gateway";
    if (pinned) {
      path.in_interface = "eth1";
      path.out_interface = "eth0";
    }
    path.stages.push_back(Stage{list, "filter FORWARD"});
    path.reply_stages.push_back(Stage{list, "filter FORWARD"});
    path.unused_interfaces = {"lo"};
  }
};

TEST(ReplyEvaluation, RuleSidesAreSwappedForReplies) {
  // -A FORWARD -s 192.168.1.0/24 -p tcp --dport 443 -j ACCEPT admits the
  // requests; only a rule from port 443 to the clients admits their replies.
  Rule requests = rule_at(ActionKind::Allow, 1);
  requests.match.protocols = ProtocolSet::single(kTcp);
  requests.match.src.addresses = *parse_cidr("192.168.1.0/24");
  requests.match.dst_ports = PortSet::single(443);
  OneChain only_requests({requests});
  EXPECT_EQ(only_verdict(evaluate_path(only_requests.policy, only_requests.path, https_requests(),
                                       agora_context())),
            Verdict::Allowed);
  auto replies = evaluate_replies(only_requests.policy, only_requests.path, https_requests(),
                                  agora_context());
  ASSERT_EQ(only_verdict(replies), Verdict::Blocked);
  EXPECT_EQ(replies[0].decided_by[0].location.line, 100u);

  Rule answers = rule_at(ActionKind::Allow, 2);
  answers.match.protocols = ProtocolSet::single(kTcp);
  answers.match.dst.addresses = *parse_cidr("192.168.1.0/24");
  answers.match.src_ports = PortSet::single(443);
  OneChain both({requests, answers});
  EXPECT_EQ(only_verdict(evaluate_replies(both.policy, both.path, https_requests(), agora_context())),
            Verdict::Allowed);
}

TEST(ReplyEvaluation, RepliesAreEstablishedPackets) {
  Rule established = rule_at(ActionKind::Allow, 1);
  established.match.states = kStateEstablished | kStateRelated;
  OneChain chain({established});
  // The requests are NEW: the rule does not admit them.
  EXPECT_EQ(only_verdict(evaluate_path(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Blocked);
  EXPECT_EQ(only_verdict(evaluate_replies(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Allowed);
}

TEST(ReplyEvaluation, ReplyRestrictedToSomeClientPortsSplitsTheSourcePorts) {
  Rule high_ports = rule_at(ActionKind::Allow, 1);
  high_ports.match.dst_ports = PortSet::range(1024, 65535);
  high_ports.match.states = kStateEstablished;
  OneChain chain({high_ports});
  auto replies = evaluate_replies(chain.policy, chain.path, https_requests(), agora_context());
  ASSERT_EQ(replies.size(), 2u);
  for (const auto& p : replies) {
    if (p.verdict == Verdict::Allowed)
      EXPECT_EQ(p.cube.src_ports, PortSet::range(1024, 65535));
    else
      EXPECT_EQ(p.cube.src_ports, PortSet::range(0, 1023));
  }
}

TEST(ReplyEvaluation, InterfacesOfRepliesAreSwapped) {
  // -A FORWARD -i eth0 -o eth1 -j ACCEPT: replies come in from the Internet
  // side (the requests' egress) and leave towards the clients.
  Rule inbound = rule_at(ActionKind::Allow, 1);
  inbound.match.in_interface = "eth0";
  inbound.match.out_interface = "eth1";
  OneChain chain({inbound});
  EXPECT_EQ(only_verdict(evaluate_path(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Blocked);
  EXPECT_EQ(only_verdict(evaluate_replies(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Allowed);
}

TEST(ReplyEvaluation, DirectionsRestrictRules) {
  Rule replies_only = rule_at(ActionKind::Allow, 1);
  replies_only.match.directions = kDirReply;
  OneChain chain({replies_only});
  EXPECT_EQ(only_verdict(evaluate_path(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Blocked);
  EXPECT_EQ(only_verdict(evaluate_replies(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Allowed);
}

TEST(ReplyEvaluation, NoReplyStagesMeansTheDevicePassesReplies) {
  OneChain chain({});
  chain.path.reply_stages.clear();
  EXPECT_EQ(only_verdict(evaluate_replies(chain.policy, chain.path, https_requests(), agora_context())),
            Verdict::Allowed);
}

TEST(UnpinnedInterfaces, RuleOnAnUnpinnedInterfaceMayMatch) {
  Rule out_eth0 = rule_at(ActionKind::Allow, 1);
  out_eth0.match.out_interface = "eth0";
  OneChain chain({out_eth0}, /*pinned=*/false);
  auto pieces = evaluate_path(chain.policy, chain.path, https_requests(), agora_context());
  ASSERT_EQ(only_verdict(pieces), Verdict::Unknown);
  bool named = false;
  for (const auto& d : pieces[0].decided_by)
    named = named || d.description.find("interface eth0") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(UnpinnedInterfaces, UnusedInterfacesHaveCertainAnswers) {
  Rule lo = rule_at(ActionKind::Allow, 1);
  lo.match.out_interface = "lo";
  OneChain loopback({lo}, false);
  EXPECT_EQ(only_verdict(evaluate_path(loopback.policy, loopback.path, https_requests(), agora_context())),
            Verdict::Blocked);

  Rule not_lo = lo;
  not_lo.match.out_interface_negated = true;
  OneChain everything_else({not_lo}, false);
  EXPECT_EQ(only_verdict(evaluate_path(everything_else.policy, everything_else.path, https_requests(),
                                       agora_context())),
            Verdict::Allowed);
}

TEST(UnpinnedInterfaces, TrafficOfTheDeviceItselfHasNoInterfaceOnOneSide) {
  // A host's own requests have no ingress interface: `-i eth0` never
  // matches them, `! -i eth0` always does; their replies have no egress.
  Rule in_eth0 = rule_at(ActionKind::Allow, 1);
  in_eth0.match.in_interface = "eth0";
  OneChain host({in_eth0}, false);
  host.path.sent_by_device = true;
  EXPECT_EQ(only_verdict(evaluate_path(host.policy, host.path, https_requests(), agora_context())),
            Verdict::Blocked);
  // The replies do come in on some interface, which is not pinned.
  EXPECT_EQ(only_verdict(evaluate_replies(host.policy, host.path, https_requests(), agora_context())),
            Verdict::Unknown);

  Rule not_in_eth0 = in_eth0;
  not_in_eth0.match.in_interface_negated = true;
  OneChain host2({not_in_eth0}, false);
  host2.path.sent_by_device = true;
  EXPECT_EQ(only_verdict(evaluate_path(host2.policy, host2.path, https_requests(), agora_context())),
            Verdict::Allowed);

  Rule out_eth0 = rule_at(ActionKind::Allow, 1);
  out_eth0.match.out_interface = "eth0";
  OneChain host3({out_eth0}, false);
  host3.path.sent_by_device = true;
  EXPECT_EQ(only_verdict(evaluate_replies(host3.policy, host3.path, https_requests(), agora_context())),
            Verdict::Blocked);
}

TEST(UnpinnedInterfaces, InterfaceMatchIsThreeValued) {
  const std::vector<std::string> unused{"lo"};
  EXPECT_EQ(interface_matches("", false, "", unused), Tristate::Yes);
  EXPECT_EQ(interface_matches("eth+", false, "eth1", unused), Tristate::Yes);
  EXPECT_EQ(interface_matches("eth+", true, "eth1", unused), Tristate::No);
  EXPECT_EQ(interface_matches("eth0", false, "", unused), Tristate::Maybe);
  EXPECT_EQ(interface_matches("lo", false, "", unused), Tristate::No);
  EXPECT_EQ(interface_matches("lo", true, "", unused), Tristate::Yes);
  EXPECT_EQ(interface_matches("lo+", false, "", unused), Tristate::Maybe);  // lo0, lo1…
  EXPECT_EQ(interface_matches_none("eth0", false), Tristate::No);
  EXPECT_EQ(interface_matches_none("eth0", true), Tristate::Yes);
  EXPECT_EQ(interface_matches_none("", false), Tristate::Yes);
}

/// The verdict of a single accepting rule for the requests (or replies) of
/// clients of the given address type.
Verdict one_rule_verdict(const Rule& rule, std::uint16_t client_type, bool replies) {
  OneChain chain({rule});
  chain.path.client_type = client_type;
  return only_verdict(replies ? evaluate_replies(chain.policy, chain.path, https_requests(), agora_context())
                              : evaluate_path(chain.policy, chain.path, https_requests(), agora_context()));
}

TEST(AddressTypes, ClientAndServerSidesHaveKnownTypes) {
  // -A OUTPUT -m addrtype --dst-type LOCAL -j ACCEPT never admits traffic to
  // Agora's (unicast) servers; --src-type LOCAL admits a host's own requests.
  Rule to_local = rule_at(ActionKind::Allow, 1);
  to_local.match.dst.types = kTypeLocal;
  EXPECT_EQ(one_rule_verdict(to_local, kTypeLocal, false), Verdict::Blocked);
  // Replies to the host are addressed to a LOCAL address.
  EXPECT_EQ(one_rule_verdict(to_local, kTypeLocal, true), Verdict::Allowed);

  Rule from_local = rule_at(ActionKind::Allow, 1);
  from_local.match.src.types = kTypeLocal;
  EXPECT_EQ(one_rule_verdict(from_local, kTypeLocal, false), Verdict::Allowed);
  // Behind a gateway the clients are UNICAST, not LOCAL.
  EXPECT_EQ(one_rule_verdict(from_local, kTypeUnicast, false), Verdict::Blocked);
}

/// The check level: a flow whose requests pass but whose replies are
/// dropped is FWL005 at the dropping line, not a pass.
TEST(ReplyCheck, DroppedRepliesFailTheCheckWithTheirOwnId) {
  Rule requests = rule_at(ActionKind::Allow, 1);
  OneChain chain({requests});
  chain.path.reply_stages.clear();
  RuleList input;
  input.name = "INPUT";
  input.default_action = DefaultAction{ActionKind::Block, SourceLocation{2, 1, 0, ":INPUT DROP"},
                                       "policy of chain INPUT"};
  chain.path.reply_stages.push_back(Stage{chain.policy.add_list(std::move(input)), "filter INPUT"});
  chain.policy.paths.push_back(chain.path);

  const std::vector<RequirementPack>& packs = builtin_packs();
  const RequirementPack* pack = select_pack(packs, "agora@2020-09");
  ASSERT_NE(pack, nullptr);
  CheckOptions options;
  options.pack = pack;
  options.sdks.push_back(pack->find_sdk("rtm-web"));
  auto results = run_requirement_checks(chain.policy, options);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, CheckVerdict::Fail);
  ASSERT_FALSE(results[0].findings.empty());
  for (const auto& f : results[0].findings) {
    EXPECT_EQ(f.id, finding_id::kReplyBlocked);
    EXPECT_EQ(f.where.line, 2u);
    EXPECT_NE(f.message.find("replies of tcp"), std::string::npos) << f.message;
  }
  for (const auto& flow : results[0].flows) {
    EXPECT_EQ(flow.verdict, Verdict::Blocked);
    EXPECT_TRUE(flow.by_replies);
  }
}

TEST(ReplyCheck, AcceptedRepliesNameTheirLineAndPass) {
  Rule requests = rule_at(ActionKind::Allow, 1);
  OneChain chain({requests});
  chain.path.reply_stages.clear();
  RuleList input;
  input.name = "INPUT";
  Rule established = rule_at(ActionKind::Allow, 3);
  established.match.states = kStateEstablished;
  input.rules.push_back(established);
  input.default_action = DefaultAction{ActionKind::Block, SourceLocation{2, 1, 0, ":INPUT DROP"},
                                       "policy of chain INPUT"};
  chain.path.reply_stages.push_back(Stage{chain.policy.add_list(std::move(input)), "filter INPUT"});
  chain.policy.paths.push_back(chain.path);

  const std::vector<RequirementPack>& packs = builtin_packs();
  const RequirementPack* pack = select_pack(packs, "agora@2020-09");
  CheckOptions options;
  options.pack = pack;
  options.sdks.push_back(pack->find_sdk("rtm-web"));
  auto results = run_requirement_checks(chain.policy, options);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict, CheckVerdict::Pass);
  ASSERT_FALSE(results[0].flows.empty());
  bool reply_line = false;
  for (const auto& d : results[0].flows[0].decided_by)
    reply_line = reply_line || (d.location.line == 3 && d.description.starts_with("replies: "));
  EXPECT_TRUE(reply_line);
}

}  // namespace
}  // namespace fwlint
