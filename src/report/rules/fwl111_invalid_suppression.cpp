// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL111 invalid-suppression: its catalogue entry and worked examples. docs/rules/FWL111.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl111_invalid_suppression() {
  return RuleInfo{
      .id = finding_id::kInvalidSuppression,
      .name = "invalid-suppression",
      .default_severity = Severity::Error,
      .short_description = "A suppression comment is malformed or gives no reason, so it suppresses nothing.",
      .full_description =
          "A comment starts with `agora-fwlint:` but is not a valid directive: it gives no reason "
          "after `--`, names no finding id or an unknown one, uses a directive other than "
          "`ignore` and `ignore-file`, names an id that comments cannot suppress (FWL107, FWL110, "
          "FWL111, FWL112), or is an XML comment that does not end on its line. The finding is "
          "placed at the part of the comment that is wrong. The comment suppresses nothing, so "
          "the findings it was meant for are still reported.",
      .rationale =
          "A suppression is a decision to accept a problem in a firewall; the reason is what "
          "tells the next reader whether that decision still holds. A directive that is silently "
          "ignored, or silently obeyed without a reason, hides exactly the findings a review "
          "should see.",
      .help =
          "Write the directive as `agora-fwlint: ignore ID[, ID…] -- REASON` (or `ignore-file`), "
          "with ids from `agora-fwlint --list-rules` and a reason after `--`; docs/suppressions.md "
          "has the form for each dialect.",
      .tags = {"suppression", "input"},
      .precision = "very-high",
      .notes =
          "FWL111 can be turned off or given another severity in `.agora-fwlint.yaml`, but not "
          "suppressed by a comment. A run can ignore every suppression comment only through the "
          "library (`LintOptions::inline_suppressions`); the command line always honours them.",
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
! agora-fwlint: ignore FWL001
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .result =
                  "Checked with `--sdk rtc-web`, the comment on line 13 gives no reason: agora-fwlint "
                  "reports FWL111 at line 13, column 30 (where the reason should be), and because the "
                  "comment suppresses nothing, the UDP ports denied by line 14 are still reported as FWL001.",
              .fixed = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
! agora-fwlint: ignore FWL001 -- guest VLAN, no Agora clients (NET-1234)
access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
              .fixed_label =
                  "Fixed configuration (the FWL001 of line 14 is suppressed):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
