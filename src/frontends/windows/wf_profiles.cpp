// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/wf_profiles.h"

#include "fwlint/util/strings.h"

namespace fwlint::windows {
namespace {

const WfProfileSettings& settings_of(const WfInput& input, ProfileIndex profile) {
  bool private_or_public = profile == kPrivateProfile || profile == kPublicProfile;
  if (private_or_public && input.profiles[kPrivateProfile].settings.empty() &&
      input.profiles[kPublicProfile].settings.empty())
    return input.standard_profile;
  return input.profiles[profile];
}

}  // namespace

EffectiveSetting effective_setting(const WfInput& input, ProfileIndex profile, std::string_view name) {
  EffectiveSetting e;
  for (const WfSetting& s : settings_of(input, profile).settings) {
    if (!iequals(s.name, name)) continue;
    if (!s.readable) {
      e.state = EffectiveSetting::Unreadable;
      e.source = &s;
      return e;
    }
    if (e.state == EffectiveSetting::NotSet) {
      e.state = EffectiveSetting::Set;
      e.value = s.value;
      e.source = &s;
    } else if (e.state == EffectiveSetting::Set && s.value != e.value) {
      e.state = EffectiveSetting::Conflicting;
      e.other = &s;
    }
  }
  return e;
}

}  // namespace fwlint::windows
