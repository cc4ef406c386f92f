// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL103 duplicate-definition: its catalogue entry and worked examples. docs/rules/FWL103.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl103_duplicate_definition() {
  return RuleInfo{
      .id = finding_id::kDuplicateDefinition,
      .name = "duplicate-definition",
      .default_severity = Severity::Warning,
      .short_description = "A name is defined more than once.",
      .full_description =
          "Two definitions use the same name (an object, object-group, chain, macro or table). "
          "agora-fwlint follows the device: the message says whether the definitions were "
          "merged (as an ASA merges the members of an object-group entered twice) or the later "
          "one replaced the earlier (as for an ASA network object). Either way, rules that use "
          "the name may not mean what the author of each definition intended.",
      .rationale =
          "Duplicates appear when configuration fragments are merged or when a definition is "
          "edited by appending to the file. The later lines silently change the earlier object, "
          "and with it every rule that uses it.",
      .help = "Rename one of the definitions, or merge them into one.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network CLIENTS
 host 192.168.1.10
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "`CLIENTS` is defined at line 11 and again at line 13. As on the device, the second "
                  "definition replaces the first, so line 16 permits 192.168.1.10 only: agora-fwlint "
                  "reports FWL103 at line 14, and every check finds the rest of 192.168.1.0/24 blocked "
                  "by line 17.",
              .fixed = std::string(kAsaInterfaces) + R"(object network CLIENTS
 subnet 192.168.1.0 255.255.255.0
object network ADMIN_PC
 host 192.168.1.10
!
access-list inside_in extended permit ip object CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
