// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL105 unsupported-construct: its catalogue entry and worked examples. docs/rules/FWL105.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl105_unsupported_construct() {
  return RuleInfo{
      .id = finding_id::kUnsupportedConstruct,
      .name = "unsupported-construct",
      .default_severity = Severity::Note,
      .short_description = "A known construct whose effect agora-fwlint does not model.",
      .full_description =
          "The input is valid for its format, but agora-fwlint does not model what a part of it "
          "does: on a Cisco ASA a non-contiguous netmask, a pre-9.0 `ipv6 access-list` or an "
          "access-group that binds an ACL without extended entries; in iptables a non-contiguous "
          "netmask, or a match module or option it does not know; in pf an anchor or a table "
          "that is filled at run time; in a Windows export a rule token it does not know, or the "
          "Group Policy and the local store in one file. Notes about what a check leaves out "
          "(tables other than filter, a path that is not checked) use this id too. Where the "
          "construct could change a verdict, the rule is kept as an unknown match; elsewhere it "
          "has no effect on the result.",
      .rationale =
          "It marks the places where a result rests on something the tool did not evaluate, so "
          "that a surprising verdict, or an UNKNOWN one (FWL004), can be traced to its cause.",
      .help =
          "Nothing needs fixing if the construct is intended. If it makes a check unknown, write "
          "the same thing in a form agora-fwlint evaluates: the hosts or subnets a "
          "non-contiguous mask matches, an anchor's rules in pf.conf itself, one policy store per "
          "file. Otherwise add rules agora-fwlint can evaluate for the Agora traffic (by address, "
          "protocol and port), or tell the project which construct you need.",
      .tags = {"parse", "input", "unsupported"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTM tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.20 255.255.255.253 any object-group AGORA_RTM
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtm-web` for the meeting-room PCs 192.168.1.20 and "
                  "192.168.1.22 (`--source`), line 17 matches them with the non-contiguous mask "
                  "255.255.255.253, which agora-fwlint does not model. It reports FWL105 at line "
                  "17, column 56, and keeps the entry as an unknown match, so the check is UNKNOWN "
                  "(FWL004).",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTM tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
object-group network ROOM_PCS
 network-object host 192.168.1.20
 network-object host 192.168.1.22
!
access-list inside_in extended permit tcp object-group ROOM_PCS any object-group AGORA_RTM
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--source", "192.168.1.20/32",
                       "--source", "192.168.1.22/32"},
              .fixed_label =
                  "Fixed configuration (the two hosts the mask matches, in an object-group):",
          },
          RuleExample{
              .format = "iptables",
              .failing = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -s 192.168.1.20/255.255.255.253 -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .result =
                  "Checked with `--mode gateway --sdk rtm-web` for 192.168.1.20 and 192.168.1.22, "
                  "line 8 matches them with the non-contiguous netmask 255.255.255.253. "
                  "agora-fwlint reports FWL105 at line 8, column 15, and treats the rule as "
                  "unknown, so the check is UNKNOWN (FWL004). The fixed dump has one rule per "
                  "host, as iptables-restore also makes of `-s 192.168.1.20,192.168.1.22`.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -s 192.168.1.20/32 -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
-A FORWARD -s 192.168.1.22/32 -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "gateway", "--sdk", "rtm-web",
                       "--source", "192.168.1.20/32", "--source", "192.168.1.22/32"},
              .failing_label = "Failing configuration (iptables-save dump of a gateway):",
              .fixed_label = "Fixed configuration (one rule per host the mask matches):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
anchor "agora" out on egress
pass in on egress proto tcp to port ssh)",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, the Agora rules are in the anchor "
                  "`agora`, which line 4 declares but which is filled at run time (`pfctl -a agora "
                  "-f FILE`). agora-fwlint reports FWL105 as a note at line 4: it cannot see what "
                  "the anchor passes or blocks, so the TCP ports that line 2 blocks otherwise are "
                  "unknown (FWL004).",
              .fixed = R"(set skip on lo
block return all
pass out on egress proto { tcp, udp } to port domain
anchor "agora" out on egress {
	pass out proto tcp to port { 443, 6443, 9591, 9593 }
}
pass in on egress proto tcp to port ssh)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
              .fixed_label =
                  "Fixed configuration (the anchor's rules in pf.conf; `load anchor \"agora\" from "
                  "FILE`, with the file next to pf.conf or in an `--include-dir`, works as well):",
          },
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM (TCP out)|"

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000000

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules]
"CoreNet-DNS-Out-UDP"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|RPort=53|App=%SystemRoot%\\system32\\svchost.exe|Svc=dnscache|Name=@FirewallAPI.dll,-25405|")",
              .result =
                  "Checked with `--sdk rtm-web --profile public`, the file holds the Group Policy "
                  "store (lines 3-9) and the computer's local store (lines 11-16). agora-fwlint "
                  "reads the Group Policy store only and reports FWL105 at line 12, the first "
                  "local value it ignores. With `AllowLocalPolicyMerge` off (line 6) Windows "
                  "ignores the local rules too, so the check passes either way; the Group Policy "
                  "store alone gives the same verdict without the warning.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM (TCP out)|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
              .failing_label = "Failing configuration (.reg file with both firewall stores):",
              .fixed_label = "Fixed configuration (the export of the Group Policy store alone):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
