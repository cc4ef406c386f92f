// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL102 undefined-reference: its catalogue entry and worked examples. docs/rules/FWL102.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl102_undefined_reference() {
  return RuleInfo{
      .id = finding_id::kUndefinedReference,
      .name = "undefined-reference",
      .default_severity = Severity::Warning,
      .short_description = "A name is used but never defined.",
      .full_description =
          "A rule or binding refers to an object, object-group, ACL, interface, chain, macro or "
          "table that the input does not define (on a Cisco ASA: not before the line that uses "
          "it). The reference stands for an unknown set, so the rules that use it are kept as "
          "unknown matches and the verdicts they could change become unknown.",
      .rationale =
          "Either the definition exists on the device but not in the checked file (a fragment "
          "was left out), or the device rejects the line. In both cases the file is not what the "
          "device runs, and a check on it would be a guess.",
      .help =
          "Define the name before it is used, correct its spelling, or check the complete "
          "configuration (all included files) instead of a fragment.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group service RTM_WEB_TCP tcp
 port-object eq https
 port-object eq 6443
 port-object eq 9591
 port-object eq 9593
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any object-group RTM-WEB-TCP
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Line 17 names `RTM-WEB-TCP`, but the group is defined as `RTM_WEB_TCP`: agora-fwlint "
                  "reports FWL102 at line 17. Checked with `--sdk rtm-web`, the TCP ports that line 17 "
                  "was meant to allow become unknown (FWL004) and the check's verdict is UNKNOWN.",
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
      },
  };
}

}  // namespace fwlint::rule_entries
