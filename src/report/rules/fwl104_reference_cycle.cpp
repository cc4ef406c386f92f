// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL104 reference-cycle: its catalogue entry and worked examples. docs/rules/FWL104.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl104_reference_cycle() {
  return RuleInfo{
      .id = finding_id::kReferenceCycle,
      .name = "reference-cycle",
      .default_severity = Severity::Warning,
      .short_description = "Definitions refer to each other in a cycle.",
      .full_description =
          "Following references (nested object-groups, iptables chain jumps, pf anchors or "
          "includes) leads back to where it started. agora-fwlint reports one reference of the "
          "cycle, names the definitions involved, and ignores that reference so that the rest "
          "of the configuration can still be evaluated.",
      .rationale =
          "A device cannot run such a configuration as written (the kernel rejects an iptables "
          "jump loop; a pf include cycle never finishes loading). In a saved configuration it "
          "means the file was edited by hand or assembled from pieces, and is not what the "
          "device runs.",
      .help = "Break the cycle: remove the reference that points back to an enclosing definition.",
      .tags = {"parse", "input", "reference"},
      .precision = "high",
      .notes = std::string(kSuppressionNote),
      .examples = {
          RuleExample{
              .format = "asa",
              .failing = std::string(kAsaInterfaces) + R"(object-group network LAB
 network-object 192.168.2.0 255.255.255.0
object-group network CLIENTS
 network-object 192.168.1.0 255.255.255.0
 group-object LAB
object-group network LAB
 group-object CLIENTS
!
access-list inside_in extended permit ip object-group CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .result =
                  "Line 15 puts `LAB` into `CLIENTS`, and lines 16-17 reopen `LAB` to put `CLIENTS` into "
                  "it. agora-fwlint reports FWL104 at line 15 and ignores that reference (and FWL103 at "
                  "line 16, because `LAB` is entered a second time).",
              .fixed = std::string(kAsaInterfaces) + R"(object-group network LAB
 network-object 192.168.2.0 255.255.255.0
object-group network CLIENTS
 network-object 192.168.1.0 255.255.255.0
 group-object LAB
!
access-list inside_in extended permit ip object-group CLIENTS any
access-list inside_in extended deny ip any any
access-group inside_in in interface inside)",
              .args = {"--pack", "agora@2020-09", "--sdk", "rtm-web"},
          },
      },
  };
}

}  // namespace fwlint::rule_entries
