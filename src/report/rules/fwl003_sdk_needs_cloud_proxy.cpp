// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL003 sdk-needs-cloud-proxy: its catalogue entry and worked examples. docs/rules/FWL003.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl003_sdk_needs_cloud_proxy() {
  return RuleInfo{
      .id = finding_id::kNeedsCloudProxy,
      .name = "sdk-needs-cloud-proxy",
      .default_severity = Severity::Note,
      .short_description =
          "The SDK cannot be allow-listed by port and domain; it needs Agora's cloud proxy.",
      .full_description =
          "The requirement pack marks this SDK as cloud-proxy only: the source document "
          "publishes no port and domain list for it and directs users behind a firewall to the "
          "cloud proxy service. agora-fwlint runs no port check for it; the check's verdict is "
          "PROXY REQUIRED and the finding quotes what the pack's source says about it. No line "
          "decides it: the text output shows it for the whole file, SARIF places it at line 1.",
      .rationale =
          "A firewall can be correct for every other SDK and still leave this one unusable. "
          "Opening ports by guess does not help: without a published list there is nothing to "
          "verify, and Agora supports only the proxy for this case.",
      .help =
          "Set up Agora's cloud proxy for this SDK and allow the traffic the proxy needs, then "
          "check it with `--cloud-proxy`: packs from agora@2025-09 on carry Agora's published "
          "proxy addresses and ports per mode and region. Remove the SDK from `--sdk` if your "
          "clients do not use it.",
      .tags = {"connectivity", "cloud-proxy", "agora"},
      .precision = "very-high",
      .notes =
          "FWL003 is a note: it does not make the check fail, and it stays after the proxy is set "
          "up, because agora-fwlint cannot see from the firewall whether the clients use the "
          "proxy. With `--cloud-proxy` the proxy's own needs are checked instead; FWL003 is then "
          "reported only for an SDK whose proxy list is not published (Agora's On-Premise "
          "Recording SDK: Agora sends the list on request; put it in a pack of your own with "
          "`--rules`, see rules/README.md) or that has none of the modes named by `--proxy-mode`. "
          "Agora's later documents list ports for some SDKs that older ones sent to the proxy; "
          "when a newer pack has them, select it with `--pack`.\n\n" +
          std::string(kSuppressionNote),
      // FWL003 does not depend on the firewall configuration, only on the pack and the SDK:
      // the fix is to use the cloud proxy, so the fixed configuration is checked with
      // --cloud-proxy (fixed_args).
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any eq domain
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "agora@2025-09 lists no ports for the Video SDK (Native, third-party frameworks), only "
                  "cloud-proxy addresses, so no line of the configuration plays a part: the check's "
                  "verdict is PROXY REQUIRED, with FWL003 as a note for the whole file (exit status "
                  "0). The fix is that the clients use the cloud proxy and the firewall opens what "
                  "the proxy needs: UDP 8443, 4590-4600 and 8001-8010 for the force-UDP mode (line "
                  "18 below); TCP 443 for the force-TCP mode and DNS are open already. "
                  "`--cloud-proxy` then checks the proxy's needs instead of the SDK's, mode by "
                  "mode.",
              .fixed = std::string(kAsaInterfaces) + R"(object-group service AGORA_CLOUD_PROXY_UDP udp
 port-object eq 8443
 port-object range 4590 4600
 port-object range 8001 8010
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any eq domain
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_CLOUD_PROXY_UDP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2025-09", "--sdk", "rtc-native"},
              .fixed_args = {"--pack", "agora@2025-09", "--sdk", "rtc-native", "--cloud-proxy"},
              .failing_label = "Configuration (`running-config.cfg`):",
              .fixed_label = "Fixed configuration (open for the cloud proxy):",
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
-A OUTPUT -p tcp -m tcp --dport 443 -j ACCEPT
COMMIT)",
              .result =
                  "Whatever the chains say, the check's verdict is PROXY REQUIRED with FWL003 as a "
                  "note. The fixed host accepts the cloud proxy's force-UDP ports, UDP 8443, "
                  "4590-4600 and 8001-8010 (line 11); TCP 443 for force-TCP and DNS were accepted "
                  "already. Checked with `--cloud-proxy`, both proxy modes pass.",
              .fixed = R"(*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -p udp -m udp --dport 53 -j ACCEPT
-A OUTPUT -p tcp -m tcp --dport 443 -j ACCEPT
-A OUTPUT -p udp -m multiport --dports 8443,4590:4600,8001:8010 -j ACCEPT
COMMIT)",
              .args = {"--pack", "agora@2025-09", "--mode", "host", "--sdk", "rtc-native"},
              .fixed_args = {"--pack", "agora@2025-09", "--mode", "host", "--sdk", "rtc-native",
                             "--cloud-proxy"},
              .failing_label = "Configuration (iptables-save dump of a host):",
              .fixed_label = "Fixed configuration (open for the cloud proxy):",
          },
          RuleExample{
              .format = "pf",
              .failing = R"(set skip on lo
block all
pass out on egress proto udp to port domain
pass out on egress proto tcp to port https)",
              .result =
                  "Whatever the ruleset says, the check's verdict is PROXY REQUIRED with FWL003 as a "
                  "note. The fixed ruleset passes the cloud proxy's force-UDP ports, UDP 8443, "
                  "4590-4600 and 8001-8010 (line 5); TCP 443 for force-TCP and DNS passed already. "
                  "Checked with `--cloud-proxy`, both proxy modes pass.",
              .fixed = R"(set skip on lo
block all
pass out on egress proto udp to port domain
pass out on egress proto tcp to port https
pass out on egress proto udp to port { 8443, 4590:4600, 8001:8010 })",
              .args = {"--pack", "agora@2025-09", "--mode", "host", "--sdk", "rtc-native"},
              .fixed_args = {"--pack", "agora@2025-09", "--mode", "host", "--sdk", "rtc-native",
                             "--cloud-proxy"},
              .failing_label = "Configuration (`pf.conf`):",
              .fixed_label = "Fixed configuration (open for the cloud proxy):",
          },
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"HttpsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|Name=HTTPS out|"
"DnsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=53|Name=DNS out|")",
              .result =
                  "Whatever the policy says, the check's verdict is PROXY REQUIRED with FWL003 as a "
                  "note. The fixed policy allows the cloud proxy's force-UDP ports, UDP 8443, "
                  "4590-4600 and 8001-8010 (line 11); TCP 443 for force-TCP and DNS were allowed "
                  "already. Checked with `--cloud-proxy`, both proxy modes pass.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"HttpsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|Name=HTTPS out|"
"DnsOut"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=53|Name=DNS out|"
"AgoraProxyUdp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|RPort=8443|RPort=4590-4600|RPort=8001-8010|Name=Agora cloud proxy (UDP out)|")",
              .args = {"--pack", "agora@2025-09", "--sdk", "rtc-native", "--profile", "public"},
              .fixed_args = {"--pack", "agora@2025-09", "--sdk", "rtc-native", "--profile",
                             "public", "--cloud-proxy"},
              .failing_label = "Configuration (.reg export of a GPO's policy):",
              .fixed_label = "Fixed configuration (open for the cloud proxy):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
