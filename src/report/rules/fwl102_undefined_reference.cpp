// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL102 undefined-reference: its catalogue entry and worked examples. docs/rules/FWL102.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl102_undefined_reference() {
  return RuleInfo{
      .id = finding_id::kUndefinedReference,
      .name = "undefined-reference",
      .default_severity = Severity::Warning,
      .short_description = "A name is used but never defined.",
      .full_description =
          "A rule or binding refers to something the input does not define: an object, "
          "object-group, name, ACL or interface on a Cisco ASA (defined after the line that uses "
          "it counts as undefined), a chain or jump target in iptables, a macro in pf. The "
          "reference stands for an unknown set, so the rules that use it are kept as unknown "
          "matches and the verdicts they could change become unknown.",
      .rationale =
          "Either the definition exists on the device but not in the checked file (a fragment "
          "was left out), or the device rejects the line. In both cases the file is not what the "
          "device runs, and a check on it would be a guess.",
      .help =
          "Define the name before it is used, correct its spelling, or check the complete "
          "configuration (all included files) instead of a fragment.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes =
          "A pf table that a rule uses but pf.conf does not define is not FWL102: pf creates it "
          "empty and it is filled at run time, which FWL105 notes.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM-WEB-TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Line 17 names `RTM-WEB-TCP`, but the group is defined as `RTM_WEB_TCP`: "
                  "agora-fwlint reports FWL102 at line 17. Checked with `--sdk rtm-web`, the TCP "
                  "ports that line 17 was meant to allow become unknown (FWL004) and the check's "
                  "verdict is UNKNOWN.",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
          },
          RuleExample{
              .format = "iptables",
              .failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:AGORA_OUT - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -j AGORA-OUT
-A AGORA_OUT -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, line 11 jumps to `AGORA-OUT`, but the "
                  "chain declared at line 5 is `AGORA_OUT` (iptables-restore refuses such a line). "
                  "agora-fwlint reports FWL102 at line 11, column 14. A jump to an unknown target "
                  "may accept or drop, so the TCP ports that `AGORA_OUT` would accept become "
                  "unknown (FWL004).",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:AGORA_OUT - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -j AGORA_OUT
-A AGORA_OUT -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
              .failing_label = "Failing configuration (`rules.v4` of a host, edited by hand):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(rtm_ports = "{ 443, 6443, 9591, 9593 }"

set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
pass out on egress proto tcp to port $rtm_port
pass in on egress proto tcp to port ssh)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, line 6 uses `$rtm_port`, but the "
                  "macro defined at line 1 is `rtm_ports` (pfctl stops with \"macro 'rtm_port' not "
                  "defined\"). agora-fwlint reports FWL102 at line 6, column 38. The rule cannot "
                  "be read without the macro, so the TCP ports it was meant to pass, and that "
                  "`block return all` at line 4 blocks otherwise, become unknown (FWL004).",
              .fixed = R"(rtm_ports = "{ 443, 6443, 9591, 9593 }"

set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
pass out on egress proto tcp to port $rtm_ports
pass in on egress proto tcp to port ssh)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
