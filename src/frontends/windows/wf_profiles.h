// SPDX-License-Identifier: Apache-2.0
/// \file
/// The value a profile setting has for the analysis: what the input sets,
/// where, and whether several sources disagree.
#pragma once

#include <cstdint>
#include <string_view>

#include "frontends/windows/wf_input.h"

namespace fwlint::windows {

struct EffectiveSetting {
  enum State {
    NotSet,      ///< the input does not set it: Windows' default or a setting outside the input applies
    Set,         ///< `value`, from `source`
    Conflicting, ///< several sources (GPOs) set different values; precedence is not in the input
    Unreadable,  ///< set, but the value could not be read
  } state = NotSet;
  std::uint32_t value = 0;
  const WfSetting* source = nullptr;  ///< Set: the setting; Conflicting/Unreadable: the one in doubt
  const WfSetting* other = nullptr;   ///< Conflicting: a setting with another value
};

/// `name` ("EnableFirewall", "DefaultOutboundAction", …) in `profile`.
/// Private and Public fall back to the legacy Standard profile when the
/// input configures neither of them (MS-GPFAS 2.2.3).
EffectiveSetting effective_setting(const WfInput& input, ProfileIndex profile, std::string_view name);

}  // namespace fwlint::windows
