// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL107 invalid-pack: its catalogue entry and worked examples. docs/rules/FWL107.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl107_invalid_pack() {
  // Not in finding_id (findings.h) yet; src/requirements/pack_loader.cpp
  // reports it for problems in a requirement pack.
  return RuleInfo{
      .id = "FWL107",
      .name = "invalid-pack",
      .default_severity = Severity::Error,
      .short_description = "A requirement pack is malformed and is not used.",
      .full_description =
          "A requirement pack (a built-in one, or a file given with `--rules`) breaks the pack "
          "format described in rules/README.md: an unknown, duplicate or missing key, a value of "
          "the wrong type, a bad port, protocol, domain or version, or an inconsistent SDK entry. "
          "Every problem is reported at its line and column, and a pack with any problem is "
          "rejected as a whole.",
      .rationale =
          "A pack is the question agora-fwlint answers. Reading half of a malformed pack would "
          "check the firewall against requirements nobody wrote, and a typo in a key name would "
          "silently drop a port from the check.",
      .help =
          "Correct the pack at the reported places; rules/README.md lists the keys and value "
          "formats, and rules/pack.schema.json lets an editor check a pack while it is written.",
      .tags = {"input", "requirement-pack"},
      .precision = "very-high",
      .notes =
          "FWL107 cannot be dismissed like the other findings: a rejected pack is not used, so "
          "fix it or leave out `--rules`.",
      .examples = {
          RuleExample{
              .format = "pack",
              .failing = R"(pack: acme
version: "2024-05"
title: ACME softphone firewall requirements
source: "ACME support ticket 4711"
sdks:
  - id: softphone
    title: ACME Softphone
    domains:
      - .acme.example
    ports:
      - protocol: tcp
        prots: "443, 5061"
      - protocol: udp
        ports: "10000-20000, 8443x")",
              .result =
                  "`agora-fwlint fw.cfg --rules acme.yaml` reports FWL107 three times: at line 12 for "
                  "the unknown key `prots`, at line 11 for the TCP entry that therefore has no `ports`, "
                  "and at line 14 for the invalid port `8443x`. Nothing is checked against the pack.",
              .fixed = R"(pack: acme
version: "2024-05"
title: ACME softphone firewall requirements
source: "ACME support ticket 4711"
sdks:
  - id: softphone
    title: ACME Softphone
    domains:
      - .acme.example
    ports:
      - protocol: tcp
        ports: "443, 5061"
      - protocol: udp
        ports: "10000-20000, 8443")",
              .failing_label = "Failing pack (`acme.yaml`):",
              .fixed_label =
                  "Fixed pack:",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
