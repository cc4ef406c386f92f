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
                  "Checked with `--sdk rtc-web`, the UDP ports are allowed by line 19 only while the time "
                  "range is active and denied by line 20 otherwise. agora-fwlint does not evaluate time "
                  "ranges, so it reports FWL004 at line 19 and the check's verdict is UNKNOWN.",
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
      },
  };
}

}  // namespace fwlint::rule_entries
