// SPDX-License-Identifier: Apache-2.0
/// \file
/// Products of per-dimension sets ("cubes") and the exact splitting the
/// evaluator does on them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/domain.h"
#include "fwlint/model/interval_set.h"
#include "fwlint/model/policy.h"

namespace fwlint {

/// A set of packets: the product of one set per dimension. The destination
/// dimension is the disjoint union of required-domain atoms (indices into
/// EvalContext::domains) and plain addresses.
struct Cube {
  ProtocolSet protocols;
  PortSet src_ports;
  PortSet dst_ports;
  IpSet src;
  AtomSet dst_atoms;
  IpSet dst_addresses;
  std::uint8_t states = kStateAll;

  bool empty() const;
  Cube intersect(const Cube& o) const;
  /// Disjoint cubes whose union is `*this` minus `o` (at most one per dimension).
  std::vector<Cube> subtract(const Cube& o) const;
  friend bool operator==(const Cube&, const Cube&) = default;
};

/// What the evaluator knows about the traffic being checked beyond the cube.
struct EvalContext {
  /// Family of the traffic checked; decides which addresses count as "every
  /// public address" when a rule is compared with a domain name.
  Family family = Family::V4;
  std::vector<DomainName> domains;  ///< the atoms of Cube::dst_atoms
  /// Optional resolutions of atoms to addresses (`--resolve NAME=CIDR`),
  /// indexed like `domains`; an empty set = unresolved.
  std::vector<IpSet> resolutions;
  /// Interfaces of the packet being evaluated; empty = not pinned.
  std::string in_interface;
  std::string out_interface;
  std::vector<std::string> unused_interfaces;  ///< see Path::unused_interfaces
  std::vector<std::string> in_groups;          ///< see Path::in_groups (of this packet)
  std::vector<std::string> out_groups;
  std::uint8_t way = kWayBoth;                 ///< see Stage::way
  /// The packet has no ingress (egress) interface at all: it is sent by
  /// (addressed to) the device itself.
  bool no_in_interface = false;
  bool no_out_interface = false;
  std::uint16_t client_type = kTypeUnicast;    ///< see Path::client_type
  /// The cube describes request packets, but rules are applied to their
  /// replies: a rule's source side is matched against the cube's destination
  /// and vice versa, and only rules for the reply direction apply.
  bool reply = false;
  /// Upper bound on pieces produced for one path before the remainder is
  /// declared unknown (keeps pathological policies bounded).
  std::size_t piece_budget = 200000;
};

/// How a rule's destination relates to each required domain atom.
struct AtomMatch {
  AtomSet sure;   ///< certainly matches every address of the name
  AtomSet maybe;  ///< matches some addresses the name might resolve to
};

/// Classifies the atoms of `ctx` against a rule's destination side.
AtomMatch match_atoms(const AddressMatch& dst, const EvalContext& ctx);

enum class Tristate : std::uint8_t { No, Yes, Maybe };

/// Whether an interface constraint of a rule admits `iface` (empty
/// constraint = any; trailing '+' = prefix). An empty `iface` is not pinned:
/// it is some interface other than `unused`, so the answer may be Maybe.
/// A pattern naming one of `groups` (groups the interface belongs to)
/// certainly matches.
Tristate interface_matches(const std::string& pattern, bool negated, const std::string& iface,
                           const std::vector<std::string>& unused = {},
                           const std::vector<std::string>& groups = {});

/// Whether an interface constraint admits a packet that has no interface
/// on that side (sent by or to the device itself): only a negated one does.
Tristate interface_matches_none(const std::string& pattern, bool negated);

}  // namespace fwlint
