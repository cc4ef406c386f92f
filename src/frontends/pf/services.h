// SPDX-License-Identifier: Apache-2.0
/// \file
/// Service names pf.conf may use instead of port numbers (pfctl looks them
/// up in /etc/services; this is the subset real rulesets use).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fwlint::pf {

/// Port of an /etc/services name; nullopt when unknown.
std::optional<std::uint16_t> service_port(std::string_view name);

}  // namespace fwlint::pf
