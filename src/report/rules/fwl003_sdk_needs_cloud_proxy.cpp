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
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtc-native` against the agora@2020-09 pack, where the RTC Native "
                  "SDK is cloud-proxy only (like `recording` and `gaming`), agora-fwlint reports FWL003 "
                  "as a note for the file and the check's verdict is PROXY REQUIRED.",
              .fixed = std::string(kAsaInterfaces) + R"(! Addresses and ports of the cloud proxy as Agora publishes them for your region;
! 203.0.113.0/28 stands in for them here.
object-group network AGORA_CLOUD_PROXY
 network-object 203.0.113.0 255.255.255.240
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 object-group AGORA_CLOUD_PROXY
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
