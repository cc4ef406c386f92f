// SPDX-License-Identifier: Apache-2.0
/// \file
/// Named objects and object-groups of an ASA config, and their members
/// flattened into sets on demand.
///
/// ASA requires a definition before its use, so the extractor resolves every
/// reference when it reads the referencing line and an ACE becomes rules at
/// once. Groups keep their direct members plus references to other
/// entities; the flattened value of a group is computed iteratively (no
/// recursion, so nesting depth cannot overflow the stack), memoized until
/// any definition changes, and skips edges that would close a cycle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/domain.h"
#include "fwlint/model/interval_set.h"
#include "fwlint/model/source_location.h"

namespace fwlint::asa {

enum class EntityKind : std::uint8_t {
  NetworkObject,   ///< object network
  ServiceObject,   ///< object service
  NetworkGroup,    ///< object-group network
  ServiceGroup,    ///< object-group service (no protocol: service-object entries)
  PortGroup,       ///< object-group service NAME tcp|udp|tcp-udp (port-object entries)
  ProtocolGroup,   ///< object-group protocol
  IcmpTypeGroup,   ///< object-group icmp-type
  IdentityGroup,   ///< object-group user / security (not modeled)
};

/// "object network", "object-group service", … for messages.
const char* entity_kind_name(EntityKind kind);
bool is_group(EntityKind kind);

/// Addresses a network object or group stands for. `partial` marks members
/// that could not be modeled (undefined reference, dynamic interface
/// address…): the group matches at least `addresses`/`names`, maybe more.
struct NetworkValue {
  IpSet addresses;
  std::vector<DomainName> names;
  bool partial = false;
  std::string partial_reason;

  void add(const NetworkValue& other);
};

/// One (protocols × source ports × destination ports) product. `icmp_type`
/// means an ICMP type narrows it, which the policy model cannot express.
struct ServiceEntry {
  ProtocolSet protocols;
  PortSet src_ports = PortSet::all();
  PortSet dst_ports = PortSet::all();
  bool icmp_type = false;
};

/// A service object or group: a union of entries, kept short by merging
/// entries that differ in one dimension only.
struct ServiceValue {
  std::vector<ServiceEntry> entries;
  bool partial = false;
  std::string partial_reason;

  void add(const ServiceValue& other);
  /// Merges entries with equal protocols and source ports (uniting their
  /// destination ports), then those with equal ports (uniting protocols).
  /// O(n log n); the result denotes the same set of packets.
  void normalize();
  bool empty() const { return entries.empty(); }
  /// Union of every entry's protocols.
  ProtocolSet protocols() const;
  /// Union of every entry's destination ports (a port group used in a
  /// port position).
  PortSet dst_ports() const;
};

struct EntityRef {
  int target = -1;
  std::uint32_t line = 0;
  std::uint32_t column = 1;
  std::uint32_t end_column = 0;
  std::string text;  ///< the referencing line, for cycle diagnostics
};

struct Entity {
  std::string name;
  EntityKind kind = EntityKind::NetworkGroup;
  SourceLocation defined_at;
  /// The line (header) of the block that last set an object's value, to
  /// tell a re-opened object (NAT section) from a conflicting redefinition.
  std::uint32_t value_block = 0;

  // Direct members. Addresses are collected as raw intervals and turned
  // into a set once per flatten: adding them one by one to an IntervalSet
  // would cost O(n) each, O(n^2) for a large group.
  std::vector<Interval<std::uint32_t>> direct_v4;
  std::vector<Interval<u128>> direct_v6;
  NetworkValue network;  ///< names and partial-ness of direct members
  ServiceValue service;
  ProtocolSet protocols;
  std::vector<EntityRef> children;

  // Memo of the flattened value, valid while `memo_generation` matches.
  std::uint64_t memo_generation = 0;
  NetworkValue flat_network;
  ServiceValue flat_service;
  ProtocolSet flat_protocols;
};

/// A reference edge that closes a cycle (for FWL104).
struct CycleEdge {
  int from = -1;
  int to = -1;
  EntityRef where;
};

class ObjectTable {
 public:
  /// Index of `name`, or nullopt.
  std::optional<int> find(std::string_view name) const;
  /// Adds a new entity (the name must not exist yet).
  int add(std::string name, EntityKind kind, SourceLocation at);
  Entity& at(int id) {
    touch();
    return entities_[static_cast<std::size_t>(id)];
  }
  const Entity& get(int id) const { return entities_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return entities_.size(); }

  /// Invalidates every memo; called whenever a definition changes.
  void touch() { ++generation_; }

  const NetworkValue& network(int id);
  const ServiceValue& service(int id);
  const ProtocolSet& protocols(int id);

  /// Adds addresses to a network object or group.
  void add_addresses(int id, const IpSet& addresses);

  /// Every reference edge that closes a cycle, each reported once; one
  /// linear pass over all entities (the end-of-file check).
  std::vector<CycleEdge> find_cycles() const;

 private:
  void flatten(int id);

  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> by_name_;
  std::uint64_t generation_ = 1;
  // DFS scratch: generation in which an entity was put on the stack.
  std::vector<std::uint64_t> on_stack_;
};

}  // namespace fwlint::asa
