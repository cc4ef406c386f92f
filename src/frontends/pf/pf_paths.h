// SPDX-License-Identifier: Apache-2.0
/// \file
/// The paths through a pf device. pf evaluates the same ruleset for every
/// packet, inbound on the interface it arrives on and outbound on the one
/// it leaves by; state made by a passing rule carries the replies back at
/// that same crossing. A host's own connections cross once (out on the
/// egress), a gateway's clients twice (in on the inside, out on the egress).
#pragma once

#include <string>
#include <vector>

#include "frontends/pf/rule_model.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

/// What pf.conf tells about the device's role (clients on the device, or
/// behind it).
struct RoleSignals {
  std::string translation;                     ///< a source translation, as written ("" = none)
  std::vector<std::string> interfaces;         ///< distinct non-loopback interfaces and groups rules name
  std::vector<std::string> inside_interfaces;  ///< of those, where `in` rules may apply, besides the egress
  std::vector<std::string> skipped;            ///< non-loopback interfaces `set skip` leaves unfiltered

  /// A gateway translates addresses, leaves an inside interface unfiltered,
  /// or names more than one interface; a host usually does none of these.
  bool looks_like_gateway() const {
    return !translation.empty() || !skipped.empty() || interfaces.size() > 1;
  }
};

RoleSignals scan_role_signals(const PfConfig& config, const PathOptions& options);

/// Adds the paths `options` ask for, each evaluating `main_list` at every
/// crossing. In Auto mode the gateway path is left out (with a note) when
/// nothing in pf.conf suggests the device forwards traffic.
void add_paths(const RoleSignals& signals, const PathOptions& options, int main_list, Policy& policy,
               Diagnostics& diags);

}  // namespace fwlint::pf
