// SPDX-License-Identifier: Apache-2.0
#include "fwlint/model/ports.h"

namespace fwlint {

std::string format_ports(const PortSet& ports) {
  std::string out;
  for (const auto& iv : ports.intervals()) {
    if (!out.empty()) out += ", ";
    out += std::to_string(iv.lo);
    if (iv.hi != iv.lo) out += "-" + std::to_string(iv.hi);
  }
  return out;
}

}  // namespace fwlint
