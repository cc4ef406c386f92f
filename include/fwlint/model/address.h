// SPDX-License-Identifier: Apache-2.0
/// \file
/// IPv4/IPv6 address sets and their textual forms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fwlint/model/interval_set.h"

namespace fwlint {

enum class Family : std::uint8_t { V4, V6 };

using V4Set = IntervalSet<std::uint32_t>;
using V6Set = IntervalSet<u128>;

/// A set of addresses of both families; every operation is per family.
struct IpSet {
  V4Set v4;
  V6Set v6;

  static IpSet all() { return {V4Set::all(), V6Set::all()}; }
  static IpSet all_of(Family f) { return f == Family::V4 ? IpSet{V4Set::all(), {}} : IpSet{{}, V6Set::all()}; }

  bool empty() const { return v4.empty() && v6.empty(); }
  IpSet unite(const IpSet& o) const { return {v4.unite(o.v4), v6.unite(o.v6)}; }
  IpSet intersect(const IpSet& o) const { return {v4.intersect(o.v4), v6.intersect(o.v6)}; }
  IpSet subtract(const IpSet& o) const { return {v4.subtract(o.v4), v6.subtract(o.v6)}; }
  IpSet complement() const { return {v4.complement(), v6.complement()}; }
  bool includes(const IpSet& o) const { return v4.includes(o.v4) && v6.includes(o.v6); }
  void add(const IpSet& o) {
    v4.add(o.v4);
    v6.add(o.v6);
  }
  friend bool operator==(const IpSet&, const IpSet&) = default;
};

std::optional<std::uint32_t> parse_ipv4(std::string_view text);
std::optional<u128> parse_ipv6(std::string_view text);

/// "a.b.c.d", "a.b.c.d/len", "v6", "v6/len"; nullopt when malformed.
std::optional<IpSet> parse_cidr(std::string_view text);
/// Address plus dotted netmask (ASA style). Non-contiguous masks give nullopt.
std::optional<IpSet> parse_ipv4_with_mask(std::string_view address, std::string_view mask);
/// Inclusive range of two addresses of the same family.
std::optional<IpSet> parse_address_range(std::string_view first, std::string_view last);

std::string format_ipv4(std::uint32_t a);
std::string format_ipv6(u128 a);
/// Shortest readable form of a set: CIDR blocks, ranges where blocks would be many.
std::string format_ipset(const IpSet& s);

/// Addresses that can be the destination of traffic to a public service
/// (global unicast): everything except private, loopback, link-local,
/// multicast, reserved and documentation blocks.
const IpSet& public_addresses();

/// Addresses a client can send from towards a public service: every address
/// but those that are never the source of such a packet (this-network
/// 0.0.0.0/8, loopback, multicast, the reserved 240.0.0.0/4 with broadcast;
/// ::, ::1 and ff00::/8). Checks without --source assume these, so an
/// anti-spoofing rule (`-s 127.0.0.0/8 -j DROP`) blocks no client.
const IpSet& client_addresses();

}  // namespace fwlint
