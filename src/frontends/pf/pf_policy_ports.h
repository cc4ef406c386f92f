// SPDX-License-Identifier: Apache-2.0
/// \file
/// The protocol, port and TCP-flag parts of a pf rule as sets: each port
/// operator of pf.conf(5) becomes the exact PortSet it matches, a list the
/// union of its items; `flags` becomes the connection states it admits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frontends/pf/rule_model.h"
#include "fwlint/model/interval_set.h"

namespace fwlint::pf {

inline constexpr std::uint8_t kProtoTcp = 6;
inline constexpr std::uint8_t kProtoUdp = 17;

/// The ports one item matches (`a >< b` excludes both ends, `a <> b` is
/// everything outside a..b, `a:b` includes both).
PortSet port_item_set(const PfPort& item);

/// The union of `items`; every port when the list is empty.
PortSet port_list_set(const std::vector<PfPort>& items);

/// Protocol numbers of `names` (names or numbers, as /etc/protocols).
struct ProtocolResolution {
  ProtocolSet protocols;             ///< every protocol when `names` is empty
  std::vector<std::string> unknown;  ///< names the table does not know
};
ProtocolResolution resolve_protocols(const std::vector<std::string>& names);

/// Which TCP packets of the checked traffic a `flags` constraint admits.
struct TcpFlagStates {
  std::uint8_t states = 0;  ///< ConnState bits: NEW for the opening SYN, ESTABLISHED for the rest
  /// The constraint admits some packets of a class and not others (e.g.
  /// `flags A/A` passes most replies but not an RST), so the class is only
  /// possibly matched.
  bool partial = false;
};

/// The flags a rule applies to TCP packets: its own, or pfctl's default
/// `S/SA` for a pass rule that keeps state. nullopt = no constraint.
std::optional<std::string> effective_flags(const PfRule& rule);

/// The states `flags` ("S/SA", "/SA", "any") admits; nullopt when the text
/// is not a flags constraint pf would accept.
std::optional<TcpFlagStates> tcp_flag_states(const std::string& flags);

}  // namespace fwlint::pf
