// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL106 unreadable-input: its catalogue entry and worked examples. docs/rules/FWL106.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl106_unreadable_input() {
  return RuleInfo{
      .id = finding_id::kUnreadableInput,
      .name = "unreadable-input",
      .default_severity = Severity::Error,
      .short_description = "The input could not be read or parsed at all.",
      .full_description =
          "The file is missing or unreadable, binary, in an encoding agora-fwlint cannot decode, "
          "in no format it recognizes, or its parser gave up before finding anything usable. No "
          "check was run for it; its status is `failed`.",
      .rationale =
          "A linter that skips a file quietly would report success for a firewall it never "
          "looked at. An input that cannot be read is an error, not an empty result.",
      .help =
          "Check the path and the permissions. Give the configuration as text: the output of "
          "`show running-config`, of `iptables-save`, the pf.conf file, or a Group Policy XML "
          "report. When the format is not detected, name it with `--dialect`.",
      .tags = {"input"},
      .precision = "very-high",
      .notes =
          "A file that is read but partly understood is not FWL106: its status is `partial` and "
          "each line that was not understood is reported as FWL101.\n\n" +
          std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "",
              .failing = R"($ file asa-backup.zip
asa-backup.zip: Zip archive data, at least v2.0 to extract
$ agora-fwlint asa-backup.zip --sdk rtc-web)",
              .result =
                  "An ASDM backup archive is not a configuration: agora-fwlint reports FWL106 for "
                  "`asa-backup.zip` and checks nothing in it.",
              .fixed = R"(asa# show running-config
(save the output as text, e.g. running-config.cfg)
$ agora-fwlint running-config.cfg --sdk rtc-web)",
              .failing_label = "Failing input:",
              .fixed_label =
                  "Fixed input:",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
