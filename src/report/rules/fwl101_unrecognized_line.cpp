// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL101 unrecognized-line: its catalogue entry and worked examples. docs/rules/FWL101.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl101_unrecognized_line() {
  return RuleInfo{
      .id = finding_id::kUnrecognizedLine,
      .name = "unrecognized-line",
      .default_severity = Severity::Warning,
      .short_description = "A line of the input was not understood.",
      .full_description =
          "The frontend for this format could not parse the line, so it is skipped. When the "
          "line sits inside a rule list (an ACL, a chain, a pf ruleset) it is kept there as a "
          "rule with an unknown match: verdicts it could change become unknown (FWL004) rather "
          "than silently allowed.",
      .rationale =
          "A line agora-fwlint does not understand can be a deny that blocks Agora. Reporting "
          "it keeps the results honest and shows where the tool's knowledge of the dialect ends.",
      .help =
          "Check the line for typos or truncation (a configuration copied from a terminal often "
          "loses the end of long lines). If the line is valid on your device, report it with the "
          "line so the frontend can learn it; until then treat the results it touches as unknown.",
      .tags = {"parse", "input"},
      .precision = "very-high",
      .notes =
          "Lines outside rule lists that do not affect filtering (banners, routing, logging) are "
          "not reported when the frontend knows to ignore them; the file's status is `partial` "
          "whenever FWL101 is reported.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .result =
                  "Line 12 was cut off when the configuration was copied. agora-fwlint reports FWL101 at "
                  "line 12. The line is an entry of the ACL `inside_in` that might deny anything, so "
                  "with `--sdk rtc-web` every requirement not already allowed by line 11 becomes unknown "
                  "(FWL004) and the check's verdict is UNKNOWN.",
              .fixed = std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended deny udp 192.168.1.0 255.255.255.0 any eq 5060
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtc-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
