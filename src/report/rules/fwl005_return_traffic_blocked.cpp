// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL005 return-traffic-blocked: its catalogue entry and worked examples. docs/rules/FWL005.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl005_return_traffic_blocked() {
  return RuleInfo{
      .id = finding_id::kReplyBlocked,
      .name = "return-traffic-blocked",
      .default_severity = Severity::Error,
      .short_description = "Requests to Agora pass, but the firewall drops the replies.",
      .full_description =
          "iptables filters each direction of a connection separately. A host's requests leave "
          "through the OUTPUT chain and the answers come back through INPUT; a gateway sees both "
          "in FORWARD. Stateful firewalls (Cisco ASA, pf with state, Windows Firewall) pass the "
          "answers of a connection they allowed, but an iptables chain only does so when a rule "
          "accepts packets in state ESTABLISHED, and pf only for connections a rule passed with "
          "state: after a `no state` pass, the answers meet the ruleset again on their way back. "
          "agora-fwlint follows every required flow that the request direction allows into the "
          "reply direction, as ESTABLISHED packets from the Agora server's ports to the client, "
          "and reports the flows whose replies are dropped, at the line that drops them (in "
          "iptables a DROP or REJECT rule or the chain's policy, in pf a block rule).",
      .rationale =
          "A TCP connection whose SYN-ACK is dropped never opens, and a UDP media stream whose "
          "answers are dropped carries no audio or video back. The request direction alone "
          "looks correct, so this mistake survives a review that only reads OUTPUT rules.",
      .help =
          "Accept the replies near the top of the reply chain (INPUT on a host, FORWARD on a "
          "gateway): `-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`. In pf, "
          "drop `no state` from the pass rule, or pass the answers explicitly. Use "
          "`--mode host` or `--mode gateway` to check only the role the machine has.",
      .tags = {"connectivity", "requirement", "stateful", "agora"},
      .precision = "high",
      .notes =
          "Replies are checked as packets from the server's required ports to any port of the "
          "client. A rule that accepts replies only to some client ports makes the other ports "
          "fail, and the finding names the client ports affected. When the request direction "
          "itself is unknown but the replies are certainly dropped, the flow cannot work either "
          "way and FWL005 is still reported.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "iptables",
              .failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, OUTPUT lets every request out, but "
                  "INPUT accepts only loopback traffic and SSH, so the replies from Agora's "
                  "servers on TCP 443, 6443, 9591 and 9593 fall to the policy of INPUT. "
                  "agora-fwlint reports FWL005 at line 2 and the check fails. The finding names "
                  "the client ports whose replies are dropped: line 6 accepts TCP to port 22, so a "
                  "connection the client happened to open from port 22 would get its replies, and "
                  "every other source port would not.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
              .failing_label = "Failing configuration (iptables-save dump of a host):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block all
pass in on egress proto tcp to port ssh
pass out on egress proto tcp
pass out on egress proto udp to port { domain, ntp }
# Agora media without state entries, to keep the state table small
pass out on egress proto udp to port { 3478, 5866:6000 } no state)",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, line 7 lets the UDP requests out but "
                  "creates no state, so pf matches each answer from Agora's servers against the "
                  "ruleset as a new inbound packet. Only `block all` matches it: agora-fwlint "
                  "reports FWL005 at line 2 for UDP 3478 and 5866-6000 and the check fails. The "
                  "TCP rule of line 4 keeps state, so its replies pass. The fix removes `no "
                  "state`, so that pf passes the answers on the state the request creates.",
              .fixed = R"(set skip on lo
block all
pass in on egress proto tcp to port ssh
pass out on egress proto tcp
pass out on egress proto udp to port { domain, ntp }
pass out on egress proto udp to port { 3478, 5866:6000 })",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
