// SPDX-License-Identifier: Apache-2.0
/// \file
/// FWL107 invalid-pack: its catalogue entry and worked examples. docs/rules/FWL107.md
/// is generated from it (see rule_catalog.cpp).

#include "report/rules/rule_entries.h"

#include "fwlint/analysis/findings.h"
#include "report/rules/shared_text.h"

namespace fwlint::rule_entries {

RuleInfo fwl107_invalid_pack() {
  // src/requirements/pack_loader.cpp reports it for problems in a requirement pack.
  return RuleInfo{
      .id = finding_id::kInvalidPack,
      .name = "invalid-pack",
      .default_severity = Severity::Error,
      .short_description = "A requirement pack is malformed and is not used.",
      .full_description =
          "A requirement pack (a built-in one, or a file given with `--rules`) breaks the pack "
          "format described in rules/README.md: an unknown, duplicate or missing key, a value of "
          "the wrong type, a bad port, protocol, domain or version, or an inconsistent SDK entry. "
          "Every problem is reported at its line and column, and a pack with any problem is "
          "rejected as a whole: agora-fwlint stops with exit status 2 before reading any input.",
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
                  "agora-fwlint rejects the pack before it reads `running-config.cfg` (a Cisco "
                  "ASA configuration that allows the pack's ports): it reports FWL107 three "
                  "times, at 11:9 for the TCP entry that has no `ports`, at 12:9 for the "
                  "unknown key `prots` that was meant to be it, and at 14:30 for the port "
                  "`8443x`, and exits with "
                  "status 2 without checking anything.",
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
              .args = {"--rules", "acme.yaml", "--sdk", "softphone", "running-config.cfg"},
              .file = "acme.yaml",
              .other_files = {{"running-config.cfg", std::string(kAsaInterfaces) + R"(access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq 5061
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any range 10000 20000
access-list inside_in extended permit udp 192.168.1.0 255.255.255.0 any eq 8443
access-group inside_in in interface inside)"}},
              .failing_label = "Failing pack (`acme.yaml`):",
              .fixed_label = "Fixed pack (checked against `running-config.cfg`, the check passes):",
          },
      },
  };
}

}  // namespace fwlint::rule_entries
