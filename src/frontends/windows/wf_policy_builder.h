// SPDX-License-Identifier: Apache-2.0
/// \file
/// Turns what a Windows Firewall reader read into the normalized policy:
/// one DenyOverrides list of outbound rules and one path per profile.
#pragma once

#include <cstdint>

#include "frontends/windows/wf_input.h"
#include "frontends/windows/wf_rule_meaning.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::windows {

struct WfBuildOptions {
  std::uint8_t profiles = kAllProfileBits;  ///< which profiles get a path (profile_bit)
  ProgramScope scope;
};

void build_windows_policy(const WfInput& input, const WfBuildOptions& options, Policy& policy,
                          Diagnostics& diags);

}  // namespace fwlint::windows
