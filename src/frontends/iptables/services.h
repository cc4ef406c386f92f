// SPDX-License-Identifier: Apache-2.0
/// \file
/// Port names a dump may use instead of numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fwlint::iptables {

/// Port of an /etc/services name (the subset dumps use); nullopt when unknown.
std::optional<std::uint16_t> service_port(std::string_view name);

}  // namespace fwlint::iptables
