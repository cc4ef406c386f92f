// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL112 unused-suppression: its catalogue entry and worked examples. docs/rules/FWL112.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl112_unused_suppression() {
  return RuleInfo{
      .id = finding_id::kUnusedSuppression,
      .name = "unused-suppression",
      .default_severity = Severity::Warning,
      .short_description = "A suppression comment matched no finding.",
      .full_description =
          "An `agora-fwlint: ignore` comment names an id that is not reported on the line the "
          "comment applies to (the next line that is neither blank nor a comment, or its own line "
          "for a comment at the end of a rule), or an `ignore-file` comment names an id that is "
          "not reported anywhere in the file. One FWL112 is reported per unused id, at the id.",
      .rationale =
          "Firewall rules change; a suppression left behind after the finding was fixed, or "
          "placed one line off, would silently hide the next real finding of that id on that "
          "line. Reporting it keeps suppressions as few and as precise as the problems they "
          "accept.",
      .help =
          "Remove the comment, or the ids in it that no longer apply. If the finding is reported "
          "elsewhere, move the comment to just above the line the finding names.",
      .tags = {"suppression", "maintenance"},
      .precision = "high",
      .notes =
          "Which findings are reported depends on the options of the run (`--sdk`, `--pack`, "
          "`--mode`…): a comment for an SDK the run does not check is reported as unused. Run "
          "with the options your CI uses, put them in `.agora-fwlint.yaml`, or set `FWL112: off` "
          "under `severity` there. Findings of files a pf.conf includes are matched only by "
          "`ignore-file` comments of the checked file.",
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group service AGORA_RTC_WEB_UDP udp
 port-object eq 3478
 port-object range 5866 6000
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any object-group AGORA_RTC_WEB_UDP
! agora-fwlint: ignore FWL001 -- Agora UDP blocked until NET-1234 is done
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtc-web`, the UDP ports are now allowed by line 17, so line 19 "
                  "blocks nothing Agora needs and the comment on line 18 has nothing to suppress: "
                  "agora-fwlint reports FWL112 at line 18, column 24.",
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
      },
  };
}

}  // namespace fwlint::rule_entries
