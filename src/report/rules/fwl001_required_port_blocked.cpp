// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL001 required-port-blocked: its catalogue entry and worked examples. docs/rules/FWL001.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl001_required_port_blocked() {
  return RuleInfo{
      .id = finding_id::kPortBlocked,
      .name = "required-port-blocked",
      .default_severity = Severity::Error,
      .short_description = "A port that the selected Agora SDK needs is blocked.",
      .full_description =
          "For a protocol and destination port that the requirement pack lists for the SDK, "
          "traffic from the client sources to the required Agora domains ends in a block: a "
          "deny rule, a chain policy, an ACL's implicit deny, a pf block rule or a Windows "
          "profile's default action. The finding is placed at the line that decides it and names "
          "the ports, the domains and, when only some clients are affected, the sources.",
      .rationale =
          "Agora's SDKs pick ports at run time from the published list. When a required port is "
          "closed the SDK retries elsewhere or gives up: calls take long to connect, audio or "
          "video is missing, or joining a channel fails. Agora asks for every listed port to be "
          "open towards the listed domains.",
      .help =
          "Allow the protocol and ports from the client sources to any destination, above the "
          "line that blocks them. Do not restrict the destination to IP addresses: Agora's "
          "domains resolve to changing addresses. If the traffic must stay blocked, use Agora's "
          "cloud proxy instead of the port list.",
      .tags = {"connectivity", "requirement", "agora"},
      .precision = "high",
      .notes =
          "Which ports are required depends on the SDK version: the Web SDK before 2.9.0 needs "
          "UDP 10000-65535 instead of 5866-6000. Choose the version with `--sdk-version`; without "
          "it the newest version the pack knows is checked. `--source CIDR` limits the check to "
          "the clients that use the SDK.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtc-web`, UDP 3478 and 5866-6000 (Web SDK 2.9.0 or later) "
                  "to `.agora.io`, `.edge.agora.io`, `.agoraio.cn` and `.edge.agoraio.cn` are "
                  "denied by line 13 before `permit ip any any` is reached: agora-fwlint reports "
                  "FWL001 at line 13.",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
access-list inside_in extended deny udp any any
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
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 123 -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, the host may send UDP only to DNS and "
                  "NTP: UDP 3478 and 5866-6000 to Agora's domains reach the REJECT rule of line "
                  "10, where agora-fwlint reports FWL001 and suggests the ACCEPT rule to add "
                  "before it. TCP passes by the OUTPUT policy, and the replies by line 6.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 123 -j ACCEPT
-A OUTPUT -p udp -m multiport --dports 3478,5866:6000 -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"},
              .failing_label = "Failing configuration (iptables-save dump of a host):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block in all
pass in on egress proto tcp to port ssh
pass out all
block return out on egress proto udp
pass out on egress proto udp to port { domain, ntp })",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, pf uses the last rule that matches: "
                  "for UDP 3478 and 5866-6000 to Agora's domains that is `block return out` on "
                  "line 5, since line 6 passes DNS and NTP only. agora-fwlint reports FWL001 at "
                  "line 5 and suggests a `quick` pass rule to insert before it. The fix below "
                  "appends a pass rule instead, which wins as the last match. TCP passes by line "
                  "4.",
              .fixed = R"(set skip on lo
block in all
pass in on egress proto tcp to port ssh
pass out all
block return out on egress proto udp
pass out on egress proto udp to port { domain, ntp }
pass out on egress proto udp to port { 3478, 5866:6000 })",
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
"TcpOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|Name=TCP out|"
"DnsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=53|Name=DNS out|")",
              .result =
                  "Checked with `--sdk rtc-web --profile public`, the Public profile blocks "
                  "outbound connections by default (line 5) and its rules allow TCP and DNS only. "
                  "UDP 3478 and 5866-6000 match no allow rule, so the default action decides: "
                  "agora-fwlint reports FWL001 at line 5.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"TcpOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|Name=TCP out|"
"DnsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=53|Name=DNS out|"
"AgoraUdp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=3478|RPort=5866-6000|Name=Agora Web SDK (UDP out)|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtc-web", "--profile", "public"},
              .failing_label = "Failing configuration (.reg export of a GPO's policy):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
