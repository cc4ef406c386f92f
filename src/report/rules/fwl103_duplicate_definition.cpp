// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL103 duplicate-definition: its catalogue entry and worked examples. docs/rules/FWL103.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl103_duplicate_definition() {
  return RuleInfo{
      .id = finding_id::kDuplicateDefinition,
      .name = "duplicate-definition",
      .default_severity = Severity::Warning,
      .short_description = "A name is defined more than once.",
      .full_description =
          "Two definitions use the same name: an object or object-group on a Cisco ASA, a chain "
          "or the filter table in iptables, a table in pf, a firewall rule or profile setting in "
          "a Windows registry export. The message says which definition counts: both, merged "
          "(the members of an ASA object-group entered twice), the later one (an ASA network "
          "object, a second `*filter` section, a registry value set twice) or the first one (a "
          "pf table). Either way, rules that use the name may not mean what the author of each "
          "definition intended.",
      .rationale =
          "Duplicates appear when configuration fragments are merged or when a definition is "
          "edited by appending to the file. One definition silently changes or hides the other, "
          "and with it every rule that uses the name.",
      .help = "Rename one of the definitions, or merge them into one.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network CLIENTS
 subnet 192.168.2.0 255.255.255.0
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "`CLIENTS` is defined at line 11 and again at line 13. A network object holds "
                  "one value, so, as on the device, the second definition replaces the first: "
                  "agora-fwlint reports FWL103 at line 14, and line 16 permits 192.168.2.0/24 "
                  "only. Checked with `--sdk rtm-web`, the clients in 192.168.1.0/24 are blocked "
                  "by line 17 (FWL001).",
              .fixed = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network LAB_CLIENTS
 subnet 192.168.2.0 255.255.255.0
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended permit ip object LAB_CLIENTS any
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
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, line 12 starts a second `*filter` "
                  "section, and iptables-restore replaces a table with each section it reads. "
                  "agora-fwlint reports FWL103 at line 12 and checks the second section alone: its "
                  "OUTPUT chain has no rules, so the policy at line 15 drops the TCP ports that "
                  "line 10 accepted (FWL001).",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
              .failing_label =
                  "Failing configuration (`rules.v4` of a host, with a second section appended):",
              .fixed_label = "Fixed configuration (one `*filter` section):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(table <rooms> const { 192.168.1.20, 192.168.1.22 }

set skip on lo
block return all
pass in proto { tcp, udp } from 192.168.1.0/24 to port domain
pass in proto tcp from <rooms> to port { 443, 6443, 9591, 9593 }
pass out on egress inet nat-to (egress:0)

# meeting room 3, added 2024-03
table <rooms> const { 192.168.1.24 })",
              .result =
                  "Checked with `--mode gateway --sdk rtm-web --source 192.168.1.24/32`, `<rooms>` "
                  "is defined at line 1 and again at line 10. agora-fwlint uses the first "
                  "definition and reports FWL103 at line 10, where the second is ignored. "
                  "192.168.1.24 is then in no table a pass rule names, and `block return all` at "
                  "line 4 blocks it (FWL001).",
              .fixed = R"(table <rooms> const { 192.168.1.20, 192.168.1.22, 192.168.1.24 }

set skip on lo
block return all
pass in proto { tcp, udp } from 192.168.1.0/24 to port domain
pass in proto tcp from <rooms> to port { 443, 6443, 9591, 9593 }
pass out on egress inet nat-to (egress:0))",
              .args = {"--pack", "agora@2020-09", "--mode", "gateway", "--sdk", "rtm-web",
                       "--source", "192.168.1.24/32"},
          },
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtc"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=80|RPort=443|RPort=3433|RPort2_10=5668-5669|RPort2_10=5866-6000|RPort=6080|RPort=6443|RPort=8667|RPort=9667|RPort2_10=30011-30013|Name=Agora RTC (TCP out)|"
"AgoraRtc"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=3478|RPort2_10=5866-6000|Name=Agora RTC (UDP out)|")",
              .result =
                  "Checked with `--sdk rtc-web --profile public`, the UDP rule pasted at line 10 "
                  "kept the value name `AgoraRtc` of the TCP rule at line 9. A registry key holds "
                  "one value per name, so the last one replaces the other: agora-fwlint reports "
                  "FWL103 at line 10, and the TCP ports fall to the Public profile's default "
                  "outbound action at line 5 (FWL001).",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtc"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=80|RPort=443|RPort=3433|RPort2_10=5668-5669|RPort2_10=5866-6000|RPort=6080|RPort=6443|RPort=8667|RPort=9667|RPort2_10=30011-30013|Name=Agora RTC (TCP out)|"
"AgoraRtcUdp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=3478|RPort2_10=5866-6000|Name=Agora RTC (UDP out)|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtc-web", "--profile", "public"},
              .failing_label =
                  "Failing configuration (.reg file of a GPO's policy, edited by hand):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
