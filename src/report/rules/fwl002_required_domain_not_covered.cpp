// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL002 required-domain-not-covered: its catalogue entry and worked examples. docs/rules/FWL002.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl002_required_domain_not_covered() {
  return RuleInfo{
      .id = finding_id::kDomainNotCovered,
      .name = "required-domain-not-covered",
      .default_severity = Severity::Error,
      .short_description = "Required ports are allowed, but not towards a required Agora domain.",
      .full_description =
          "The protocol and ports the SDK needs are allowed only towards destinations that do not "
          "cover one of the required domains: explicit IP addresses, or host names (a Cisco ASA "
          "FQDN object, a host name in a pf rule) that name other hosts. Traffic to that domain "
          "falls through to a line that blocks it, where the finding is placed. A domain with a "
          "leading dot (`.agora.io`) stands for every host under it; only a rule whose destination "
          "is any address, or a wildcard for that domain, covers it. For an SDK whose source names "
          "domains but no ports (Agora's Native SDK domain allow-list mode, "
          "`rtc-native-domain-limit`), FWL002 means the domain is blocked on every TCP or UDP "
          "port; a domain reachable on some ports only is FWL004.",
      .rationale =
          "Agora's instruction is to allow the domains and ports and not to restrict IP "
          "addresses. An address list that works today breaks when Agora moves its edge servers, "
          "and a host-name object such as `ap-web-1.agora.io` admits that one host, not the rest "
          "of `.agora.io`. The result is a firewall that passes a quick test and fails for some "
          "users, some of the time.",
      .help =
          "Make the destination of the allow rule any address for the required ports (the "
          "source can stay narrow). If the destinations really are fixed addresses in your "
          "deployment, give agora-fwlint the resolutions with `--resolve NAME=CIDR` so that it "
          "can check them.",
      .tags = {"connectivity", "requirement", "domain", "agora"},
      .precision = "high",
      .notes =
          "A Cisco ASA `fqdn` object names one host whose addresses the firewall resolves; it "
          "cannot express Agora's wildcard domains, so on an ASA the fix is a rule to `any`. pf "
          "resolves a host name in a rule once, when it loads the ruleset; the rule stands for "
          "that host alone. iptables and Windows Firewall rules hold addresses only: agora-fwlint "
          "counts an address as a required name only when `--resolve` maps the name to it; "
          "otherwise the address is no Agora destination, and a port allowed only to it is "
          "reported as FWL001. Rules that name exact hosts still count for those hosts: "
          "`ap-web-1.agora.io` is covered by line 19 of the Cisco ASA example.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object network AGORA_AP
 fqdn v4 ap-web-1.agora.io
object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 object AGORA_AP object-group RTM_WEB_TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtm-web`, TCP 443, 6443, 9591 and 9593 are allowed by line "
                  "19, but only to the one host `ap-web-1.agora.io`. Traffic to `.agora.io`, "
                  "`.edge.agora.io`, `.agoraio.cn` and the other required names reaches line 20 "
                  "and is denied: agora-fwlint reports FWL002 at line 20.",
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
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -d 203.0.113.10/32 -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .result =
                  "Checked with `--mode host --sdk rtm-web --resolve "
                  "ap-web-1.agora.io=203.0.113.10`, line 10 allows the TCP ports only to "
                  "203.0.113.10, which `--resolve` says is `ap-web-1.agora.io`. Traffic to "
                  "`.agora.io`, `.edge.agora.io`, `.agoraio.cn` and the other required names falls "
                  "to the OUTPUT policy: agora-fwlint reports FWL002 at line 4. Without "
                  "`--resolve` the address belongs to no required name, and the same config is "
                  "reported as FWL001.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p tcp -m multiport --dports 443,6443,9591,9593 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web", "--resolve",
                       "ap-web-1.agora.io=203.0.113.10"},
              .failing_label = "Failing configuration (iptables-save dump of a host):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block all
pass in on egress proto tcp to port ssh
pass out on egress proto udp to port domain
pass out on egress proto tcp to ap-web-1.agora.io port { https, 6443, 9591, 9593 })",
              .result =
                  "Checked with `--mode host --sdk rtm-web`, line 5 names a host: pf resolves "
                  "`ap-web-1.agora.io` once, when it loads the ruleset, and the rule passes the "
                  "TCP ports to that host only. For `.agora.io`, `.edge.agora.io`, `.agoraio.cn` "
                  "and the other required names the last matching rule is `block all`: "
                  "agora-fwlint reports FWL002 at line 2.",
              .fixed = R"(set skip on lo
block all
pass in on egress proto tcp to port ssh
pass out on egress proto udp to port domain
pass out on egress proto tcp to any port { https, 6443, 9591, 9593 })",
              .args = {"--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"},
          },
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|RA4=203.0.113.10|Name=Agora RTM|")",
              .result =
                  "Checked with `--sdk rtm-web --profile public --resolve "
                  "ap-web-1.agora.io=203.0.113.10`, the rule of line 9 allows the TCP ports only "
                  "to the remote address 203.0.113.10 (`RA4`), that is to `ap-web-1.agora.io`. "
                  "Connections to the other required names match no allow rule and meet the Public "
                  "profile's default outbound action: agora-fwlint reports FWL002 at line 5.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraRtm"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public",
                       "--resolve", "ap-web-1.agora.io=203.0.113.10"},
              .failing_label = "Failing configuration (.reg export of a GPO's policy):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
