// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL108 partial-policy: its catalogue entry and worked examples. docs/rules/FWL108.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl108_partial_policy() {
  return RuleInfo{
      .id = finding_id::kPartialPolicy,
      .name = "partial-policy",
      .default_severity = Severity::Note,
      .short_description = "The input is only part of the policy the device enforces.",
      .full_description =
          "A Windows computer enforces the firewall rules and settings of every Group Policy "
          "object that applies to it, merged with its own local rules unless "
          "`AllowLocalPolicyMerge` is off, and Windows' defaults for every setting nobody sets. "
          "A Group Policy report, a registry.pol or a .reg export shows one of those sources. "
          "agora-fwlint says which parts of the effective policy are outside the input: profiles "
          "that merge local rules, profiles whose firewall state the input does not set, a GPO "
          "whose computer half is disabled, files of rule strings that carry no profile settings, "
          "and reports that leave out rule tokens (RA42/RA62 and AppPkgId).",
      .rationale =
          "A verdict is only as complete as its input. An allowed port can still be blocked by a "
          "local rule the GPO lets in, and a blocked one can be opened by it; the note keeps "
          "that assumption visible next to the verdict instead of hiding it.",
      .help =
          "Nothing is wrong with the input. To make the input the whole policy, turn "
          "`AllowLocalPolicyMerge` off in the GPO (Windows Defender Firewall properties, "
          "Customize, \"Apply local firewall rules: No\") and set the firewall state of every "
          "profile. For a computer, an RSoP report (`gpresult /x`) merges every GPO that "
          "applies to it.",
      .tags = {"input", "windows", "completeness"},
      .precision = "very-high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "windows",
              .failing = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraTcp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM|")",
              .result =
                  "Checked with `--sdk rtm-web --profile public`, the TCP ports pass by the rule "
                  "on line 8, and FWL108 notes at 1:1 (it is about the whole file) that the "
                  "Public profile also applies the computer's local rules, because the export "
                  "does not turn `AllowLocalPolicyMerge` off; those rules are not in the export.",
              .fixed = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile]
"EnableFirewall"=dword:00000001
"DefaultOutboundAction"=dword:00000001
"AllowLocalPolicyMerge"=dword:00000000

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
"AgoraTcp"="v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|RPort=6443|RPort=9591|RPort=9593|Name=Agora RTM|")",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web", "--profile", "public"},
              .failing_label = "Configuration (.reg export of a GPO's policy):",
              .fixed_label =
                  "With local rules turned off, the export is the whole policy of the profile:",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
