// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL109 firewall-disabled: its catalogue entry and worked examples. docs/rules/FWL109.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl109_firewall_disabled() {
  return RuleInfo{
      .id = finding_id::kFirewallDisabled,
      .name = "firewall-disabled",
      .default_severity = Severity::Warning,
      .short_description = "The firewall is turned off, so it allows every connection.",
      .full_description =
          "The input turns Windows Defender Firewall off in a profile (`EnableFirewall` false). "
          "Windows then applies none of the profile's rules and no default action: every "
          "connection passes. agora-fwlint reports every required port of that profile as "
          "allowed by the setting and says so once with this finding.",
      .rationale =
          "Agora's traffic passes, but so does everything else: a GPO that switches the firewall "
          "off is rarely what a security baseline intends, and the rules in the same GPO give a "
          "false impression of protection.",
      .help =
          "Turn the firewall on for the profile (`EnableFirewall` true) and allow the Agora ports "
          "with outbound rules, or keep the default outbound action at allow.",
      .tags = {"security", "windows"},
      .precision = "very-high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000000
"AllowLocalPolicyMerge"=dword:00000000)",
              .result =
                  "Checked with `--sdk rtm-web --profile public`, the check passes: line 4 turns "
                  "the firewall off in the Public profile, so every required port is allowed by "
                  "that line, and FWL109 warns about it at 4:1.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000000
"AllowLocalPolicyMerge"=dword:00000000)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
              .failing_label = "Configuration (.reg export of a GPO's policy):",
              .fixed_label =
                  "Fixed configuration (firewall on, outbound connections allowed by default):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
