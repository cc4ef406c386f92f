// SPDX-License-Identifier: Apache-2.0
/// \file
/// Suggested config lines that would let a blocked flow through, placed
/// right before the line that blocks it. The text output prints them as
/// `help:` lines, SARIF as `fixes[]`.
///
/// Only where the dialect has a line that can be inserted before the
/// deciding one and then wins over it; each frontend writes its own
/// (Frontend::permit_lines):
///
///   asa       one `access-list ACL extended permit` per source and port range
///             (objects cannot be created inline), before a deny of that ACL
///             or before the `access-group` line its implicit deny is placed on
///   iptables  `-A CHAIN ... -j ACCEPT` with multiport (at most 15 ports a
///             line), before an `-A CHAIN` rule; a chain policy has no line
///             to insert before, so none there
///   pf        `pass ... quick ... port { 80 443 5000:5010 }` before a block
///   windows   none: a policy is not a list of lines
///
/// The suggestions allow any destination: a firewall line cannot name the
/// required domains. They keep the direction and interfaces of the deciding
/// rule and name the flow's sources (the clients), unless those are every
/// address.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/analysis/findings.h"

namespace fwlint {

struct FixSuggestion {
  std::string file;             ///< the file of the deciding line; empty = the input
  std::uint32_t before_line = 0;  ///< 1-based line the new lines go before
  std::vector<std::string> lines;  ///< without line breaks, indented like the deciding line
  std::string description;      ///< "let udp 3478, 4700-5000 through before the deny on line 45"
};

/// The lines that let `flow` (blocked on its requests) through in a
/// `dialect` config ("asa", "iptables", "pf", "windows"), inserted before
/// the deciding line `decider`; nullopt when the dialect or the line allows
/// none.
std::optional<FixSuggestion> suggest_fix(std::string_view dialect, const Decider& decider,
                                         const Flow& flow);

/// The flow each finding of `check` is about, in the order of
/// check.findings (nullptr for a finding about no flow, such as FWL003).
/// Findings are made one per flow that is not allowed, in flow order;
/// findings that were filtered out afterwards are allowed for.
std::vector<const Flow*> flows_of_findings(const CheckResult& check);

/// A suggestion for each finding of `check`, in the order of
/// check.findings: only FWL001 and FWL002 get one.
std::vector<std::optional<FixSuggestion>> suggest_fixes(std::string_view dialect,
                                                        const CheckResult& check);

}  // namespace fwlint
