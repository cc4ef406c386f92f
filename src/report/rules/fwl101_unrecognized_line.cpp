// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL101 unrecognized-line: its catalogue entry and worked examples. docs/rules/FWL101.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl101_unrecognized_line() {
  return RuleInfo{
      .id = finding_id::kUnrecognizedLine,
      .name = "unrecognized-line",
      .default_severity = Severity::Warning,
      .short_description = "A line of the input was not understood.",
      .full_description =
          "The frontend for this format could not parse the line, so it is skipped. When the "
          "line sits inside a rule list (an ACL, a chain, a pf ruleset) it is kept there as a "
          "rule with an unknown match: verdicts it could change become unknown (FWL004) rather "
          "than silently allowed.",
      .rationale =
          "A line agora-fwlint does not understand can be a deny that blocks Agora. Reporting "
          "it keeps the results honest and shows where the tool's knowledge of the dialect ends.",
      .help =
          "Check the line for typos or truncation (a configuration copied from a terminal often "
          "loses the end of long lines), and for values written in another dialect's syntax: a "
          "port range is `range 5866 6000` on a Cisco ASA, `5866:6000` in iptables and pf, and "
          "`5866-6000` in a Windows rule. If the line is valid on your device, report it with "
          "the line so the frontend can learn it; until then treat the results it touches as "
          "unknown.",
      .tags = {"parse", "input"},
      .precision = "very-high",
      .notes =
          "Lines outside rule lists that do not affect filtering (banners, routing, logging) are "
          "not reported when the frontend knows to ignore them. The file's status is `partial` "
          "when FWL101 is reported as an error, and for Cisco ASA, iptables and pf inputs also "
          "when it is reported as a warning.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .result =
                  "Line 12 was cut off when the configuration was copied. agora-fwlint reports "
                  "FWL101 at line 12. The line is an entry of the ACL `inside_in` that might deny "
                  "anything, so with `--sdk rtc-web` every requirement not already allowed by line "
                  "11 becomes unknown (FWL004) and the check's verdict is UNKNOWN.",
              .fixed = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.255.0 any eq 5060
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
          },
          RuleExample{
              .format = "iptables",
              .failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 3478,5866:6000 -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, line 8 gives `--dport` a list of "
                  "ports, which only the multiport match takes (`-m multiport --dports`). "
                  "agora-fwlint reports FWL101 at line 8, column 33, and keeps the rule as one "
                  "that may or may not match: UDP 3478 and 5866-6000, which line 9 rejects "
                  "otherwise, become unknown (FWL004). TCP passes by the OUTPUT policy.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p udp -m multiport --dports 3478,5866:6000 -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"},
              .failing_label = "Failing configuration (`rules.v4` of a host, edited by hand):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block return all
pass out on egress proto udp to port domain
pass out on egress proto udp to port { 3478, 5866-6000 }
pass out on egress proto tcp
pass in on egress proto tcp to port ssh)",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, line 4 writes a port range as "
                  "`5866-6000`; pf writes it `5866:6000`, and pfctl rejects the line. agora-fwlint "
                  "reports FWL101 at line 4, column 46, and keeps the rule as one that may or may "
                  "not match, so UDP 3478 and 5866-6000, blocked by line 2 otherwise, become "
                  "unknown (FWL004). TCP passes by line 5.",
              .fixed = R"(set skip on lo
block return all
pass out on egress proto udp to port domain
pass out on egress proto udp to port { 3478, 5866:6000 }
pass out on egress proto tcp
pass in on egress proto tcp to port ssh)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"},
          },
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591:9593|Name=Agora RTM (TCP out)|")",
              .result =
                  "Checked with `--sdk rtm-web --profile public`, the rule string writes the range "
                  "9591-9593 with a colon; Windows writes port ranges with a hyphen "
                  "(`RPort2_10=9591-9593`). agora-fwlint reports FWL101 at line 9, column 99. TCP "
                  "443 and 6443 pass by the rule, but 9591 and 9593, which the unreadable token "
                  "was meant to allow, become unknown (FWL004).",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort2_10=9591-9593|Name=Agora RTM (TCP out)|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
              .failing_label =
                  "Failing configuration (.reg file of a GPO's policy, written by hand):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
