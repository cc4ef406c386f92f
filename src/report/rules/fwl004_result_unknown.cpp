// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL004 result-unknown: its catalogue entry and worked examples. docs/rules/FWL004.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl004_result_unknown() {
  return RuleInfo{
      .id = finding_id::kResultUnknown,
      .name = "result-unknown",
      .default_severity = Severity::Warning,
      .short_description =
          "Whether a required flow passes depends on something agora-fwlint cannot evaluate.",
      .full_description =
          "Part of a requirement is decided by a match that agora-fwlint cannot model exactly: "
          "a time range, the contents of an ipset, a pf anchor loaded at run time, an "
          "application-scoped Windows rule, an undefined reference or a line it did not "
          "understand. Depending on facts the config does not contain, those ports, domains or "
          "sources are allowed or blocked, so their verdict is unknown. The finding is placed at "
          "the deciding line and says why.",
      .rationale =
          "agora-fwlint never assumes that traffic is allowed: a rule it cannot read might be "
          "the one that blocks Agora. An unknown result says that the answer needs a human look, "
          "or a config that removes the doubt.",
      .help =
          "Read the line the finding points to. If the traffic must always pass, add an "
          "unconditional allow for the required ports above it. If the doubt comes from a name "
          "the config does not resolve, `--resolve NAME=CIDR` can supply it; if it comes from an "
          "unsupported construct, see FWL105.",
      .tags = {"connectivity", "requirement", "incomplete", "agora"},
      .precision = "medium",
      .notes =
          "A check with unknown parts and no blocked part ends UNKNOWN, not PASS. Parse-level "
          "findings (FWL101 to FWL105) often explain where the doubt comes from.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(time-range WORK_HOURS
 periodic weekdays 8:00 to 18:00
!
object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP time-range WORK_HOURS
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtc-web`, the UDP ports are allowed by line 19 only while "
                  "the time range is active and denied by line 20 otherwise. agora-fwlint does not "
                  "evaluate time ranges, so it reports FWL004 at line 19 and the check's verdict "
                  "is UNKNOWN.",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
access-list inside_in extended deny ip any any
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
-A OUTPUT -p udp -m set --match-set agora dst -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, UDP to Agora is accepted by line 9 "
                  "only if the destination is in the ipset `agora`, and rejected by line 10 "
                  "otherwise. The set is filled at run time and its members are not in the "
                  "iptables-save output, so agora-fwlint reports FWL004 at line 9 for UDP 3478 and "
                  "5866-6000 and the check's verdict is UNKNOWN.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p udp -m multiport --dports 3478,5866:6000 -j ACCEPT
-A OUTPUT -p udp -j REJECT --reject-with icmp-port-unreachable
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"},
              .failing_label = "Failing configuration (iptables-save dump of a host):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(# <agora> is filled by a cron job with the addresses Agora's names resolve to
table <agora> persist

set skip on lo
block in all
pass in on egress proto tcp to port ssh
pass out all
block return out on egress proto udp
pass out on egress proto udp to port { domain, ntp }
pass out on egress proto udp to <agora> port { 3478, 5866:6000 })",
              .result =
                  "Checked with `--mode host --sdk rtc-web`, line 10 passes UDP 3478 and 5866-6000 "
                  "only to the addresses in the table `<agora>`, which pf.conf leaves empty (line "
                  "2 notes this as FWL105). Whether a connection to Agora matches line 10 or ends "
                  "at the `block return out` of line 8 depends on what the table holds at run "
                  "time: agora-fwlint reports FWL004 at line 10 and the check's verdict is "
                  "UNKNOWN.",
              .fixed = R"(set skip on lo
block in all
pass in on egress proto tcp to port ssh
pass out all
block return out on egress proto udp
pass out on egress proto udp to port { domain, ntp }
pass out on egress proto udp to any port { 3478, 5866:6000 })",
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
"DnsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=53|Name=DNS out|"
"ChromeUdp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=3478|RPort=5866-6000|App=%ProgramFiles%\\Google\\Chrome\\Application\\chrome.exe|Name=Chrome (UDP out)|")",
              .result =
                  "Checked with `--sdk rtc-web --profile public`, UDP 3478 and 5866-6000 are "
                  "allowed by line 11 only for Chrome; any other program meets the default "
                  "outbound action of line 5, block. The check does not know which program runs "
                  "the SDK, so agora-fwlint reports FWL004 at line 11 and the check's verdict is "
                  "UNKNOWN. Adding `--app \"C:\\Program "
                  "Files\\Google\\Chrome\\Application\\chrome.exe\"` to the command decides it "
                  "(PASS for Chrome); the fixed policy below allows the ports for every program "
                  "instead.",
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
