// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL110 invalid-config: its catalogue entry and worked examples. docs/rules/FWL110.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl110_invalid_config() {
  return RuleInfo{
      .id = finding_id::kInvalidConfig,
      .name = "invalid-config",
      .default_severity = Severity::Error,
      .short_description = "A configuration file is malformed, so nothing is checked.",
      .full_description =
          "A `.agora-fwlint.yaml` (found in an input's directory or a parent, or named with "
          "`--config`) breaks the format described in docs/configuration.md: an unknown or "
          "duplicate option, a value of the wrong type, an unknown finding id, severity or "
          "dialect, an address that is not a CIDR, a malformed file pattern or SDK version, or a "
          "pack, SDK or feature that no requirement pack knows. Every problem is reported at its "
          "line and column, and agora-fwlint stops with exit status 2 before reading any input.",
      .rationale =
          "A configuration decides what a run checks. Skipping a key that is misspelled, or a "
          "severity it does not understand, would silently check something other than what the "
          "file says, and a CI job would pass for the wrong reason.",
      .help =
          "Correct the file at the reported places. docs/configuration.md lists the options and "
          "their values, and docs/config.schema.json lets an editor check the file while it is "
          "written. `agora-fwlint --print-config FILE` shows the options a file is checked with "
          "and where each comes from.",
      .tags = {"input", "configuration"},
      .precision = "very-high",
      .notes =
          "FWL110 cannot be suppressed or given another severity: the configuration that would "
          "do it is the one that is broken. `--no-config` checks the inputs without any "
          "discovered configuration file, and `--config FILE` uses that file instead.",
      .examples = {
          RuleExample{
              .format = "config",
              .failing = R"(sdks: [rtc-web, rtm-web]
pack: agora@2024-08
sdk_versoin: "4.4.0"
sources:
  - 192.168.10.0/24
  - 192.168.300.0/24
severity:
  FWL004: info)",
              .result =
                  "agora-fwlint finds `.agora-fwlint.yaml` next to `running-config.cfg`, "
                  "reports FWL110 three times and exits with status 2 before it reads the "
                  "firewall config: at 3:1 for the unknown option `sdk_versoin`, at 6:5 for the "
                  "address `192.168.300.0/24` and at 8:11 for the severity `info` (error, "
                  "warning, note or off). Nothing is checked.",
              .fixed = R"(sdks: [rtc-web, rtm-web]
pack: agora@2024-08
sdk_version: "4.4.0"
sources:
  - 192.168.10.0/24
  - 192.168.30.0/24
severity:
  FWL004: note)",
              .args = {"running-config.cfg"},
              .other_files = {{"running-config.cfg", std::string(kAsaInterfaces) + R"(access-list inside_in extended deny tcp any any eq smtp
access-list inside_in extended permit ip any any
access-group inside_in in interface inside)"}},
              .failing_label = "Failing configuration (`.agora-fwlint.yaml`):",
              .fixed_label =
                  "Fixed configuration (`running-config.cfg` is then checked, and both SDKs pass):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
