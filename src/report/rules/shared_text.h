// SPDX-License-Identifier: Apache-2.0
/// \file
/// Text that several rule entries share.
#pragma once

#include <string_view>

namespace fwlint::rule_entries {

inline constexpr std::string_view kSuppressionNote =
    "To accept a finding, write `agora-fwlint: ignore <ID> -- <reason>` in a comment of the "
    "configuration's own syntax on the line before the reported line (`!` or an ACL `remark` on a "
    "Cisco ASA, `#` in iptables-save and pf.conf, `<!-- -->` in XML, `;` in a .reg export), or `ignore-file` for every "
    "finding of the id in the file; see docs/suppressions.md. A suppressed finding fails no run "
    "and is left out of the text output; JSON and SARIF keep it, marked with the reason. "
    "`.agora-fwlint.yaml` can also turn an id off (`ignore`) or change its severity for every "
    "file below it (docs/configuration.md).";

// Every Cisco ASA example starts with the same two interfaces, so that it is
// a complete configuration agora-fwlint can check as it stands (path
// inside -> outside); the line numbers in the texts count these lines.
inline constexpr std::string_view kAsaInterfaces = R"(interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.0
!
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 192.168.1.1 255.255.255.0
!
)";

}  // namespace fwlint::rule_entries
