// SPDX-License-Identifier: Apache-2.0
/// \file
/// Parsers for the values of iptables options: protocols, ports, addresses,
/// connection states and directions, address types. Each returns nullopt
/// for a value iptables itself would refuse.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/interval_set.h"
#include "fwlint/model/policy.h"

namespace fwlint::iptables {

/// A decimal number no larger than `max` (no sign, no blanks).
std::optional<unsigned> parse_number(std::string_view text, unsigned max);

/// Pieces of `text` between `separator`s (one empty piece for "").
std::vector<std::string_view> split(std::string_view text, char separator);

/// `-p`: a name ("tcp", any case), a number, or "all" / "0".
std::optional<ProtocolSet> parse_protocol(std::string_view text);

/// "80", "https", "a:b", ":b", "a:" (a reversed range is swapped, as
/// iptables does for tcp/udp).
std::optional<PortSet> parse_port_range(std::string_view text);

/// multiport: comma-separated ports and ranges.
std::optional<PortSet> parse_port_list(std::string_view text);

/// `-s`/`-d`: comma-separated addresses, CIDRs or address/netmask.
std::optional<IpSet> parse_address_list(std::string_view text);

/// An IPv4 address with a netmask that is not a prefix ("10.0.0.0/255.0.255.0"):
/// valid for iptables, but not a set of ranges the model holds.
bool is_noncontiguous_netmask(std::string_view text);

/// iprange: "first-last".
std::optional<IpSet> parse_ip_range(std::string_view text);

/// `--state` / `--ctstate`: comma-separated ConnState names.
std::optional<std::uint8_t> parse_states(std::string_view text);

/// `--ctdir`: ORIGINAL or REPLY (any case), as ConnDirection bits.
std::optional<std::uint8_t> parse_direction(std::string_view text);

/// addrtype `--src-type` / `--dst-type`: comma-separated type names (any
/// case), as AddressType bits.
std::optional<std::uint16_t> parse_address_types(std::string_view text);

}  // namespace fwlint::iptables
