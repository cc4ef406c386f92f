// SPDX-License-Identifier: Apache-2.0
/// \file
/// The one textual form of a port set used in messages and reports.
#pragma once

#include <string>

#include "fwlint/model/interval_set.h"

namespace fwlint {

/// "80, 443, 5866-6000"; "" for the empty set.
std::string format_ports(const PortSet& ports);

}  // namespace fwlint
