// SPDX-License-Identifier: Apache-2.0
/// \file
/// What a suggested fix must let through, in dialect-neutral terms; each
/// frontend writes it as config lines (Frontend::permit_lines), and
/// report/fix_suggestion.cpp places them before the deciding line.
#pragma once

#include <string>
#include <vector>

#include "fwlint/model/ports.h"

namespace fwlint {

/// One CIDR block of client addresses.
struct AddressBlock {
  std::string address;  ///< "192.168.1.0", "2001:db8::"
  int prefix = 0;
  bool v6 = false;
  std::string cidr() const { return address + "/" + std::to_string(prefix); }
  bool single_host() const { return prefix == (v6 ? 128 : 32); }
};

struct PermitRequest {
  std::string protocol;  ///< "tcp" or "udp", as every dialect writes it
  PortSet ports;         ///< destination ports, never empty
  /// The clients, as CIDR blocks; empty = every address (name none). Naming
  /// them keeps a rule on a global ACL or a forwarding chain from opening
  /// the ports to everyone else.
  std::vector<AddressBlock> sources;
  /// The destination is always any: a firewall line cannot name the
  /// required domains.
};

}  // namespace fwlint
