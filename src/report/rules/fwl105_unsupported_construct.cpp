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
          "The line is valid for its format and agora-fwlint recognizes it, but does not model "
          "what it does: for example, on a Cisco ASA, an access-group that binds an ACL without "
          "extended entries (it does not filter IP traffic), a pre-9.0 `ipv6 access-list`, or a "
          "non-contiguous netmask. Where the construct could change a verdict, the rule is kept "
          "as an unknown match; elsewhere it has no effect on the result.",
      .rationale =
          "It marks the places where a result rests on something the tool did not evaluate, so "
          "that a surprising verdict, or an UNKNOWN one (FWL004), can be traced to its cause.",
      .help =
          "Nothing needs fixing if the construct is intended. If it makes a check unknown, add "
          "rules agora-fwlint can evaluate for the Agora traffic (by address, protocol and "
          "port), or tell the project which construct you need.",
      .tags = {"parse", "input", "unsupported"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list ETHER ethertype permit bpdu
access-group ETHER in interface inside)",
              .result =
                  "The ethertype ACL bound at line 12 filters non-IP frames only. agora-fwlint reports "
                  "FWL105 as a note at line 12 and evaluates `inside` as an interface without an "
                  "extended ACL: security levels decide, and traffic from `inside` (100) to `outside` (0) "
                  "is permitted.",
              .fixed = std::string(kAsaInterfaces) + R"(access-list ETHER ethertype permit bpdu
access-list inside_in extended permit ip 192.168.1.0 255.255.255.0 any
access-group ETHER in interface inside
access-group inside_in in interface inside)",
              .failing_label = "Configuration (Cisco ASA):",
              .fixed_label =
                  "To filter IP traffic on `inside` as well, bind an extended ACL next to it; agora-fwlint "
                  "evaluates that one (the note about `ETHER` stays):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
