// SPDX-License-Identifier: Apache-2.0
/// \file
/// The vendor model of an ASA running-config: what the extractor read, before
/// path_builder turns it into the dialect-neutral Policy. ACL entries are
/// stored as finished fwlint::Rule values (ASA resolves every reference at
/// definition time), so a million-line ACL is held once, not twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/policy.h"
#include "fwlint/model/source_location.h"

namespace fwlint::asa {

struct Interface {
  std::string hardware;  ///< "GigabitEthernet0/1"
  std::string nameif;    ///< "" when the interface has no nameif
  int security_level = -1;  ///< -1 = not configured (see effective_security_level)
  bool management_only = false;
  bool shutdown = false;
  /// `ip address dhcp|pppoe`: the address is learned at run time.
  bool dynamic_v4 = false;
  bool dynamic_v6 = false;
  IpSet own_addresses;  ///< the interface's own addresses (`interface IF` in ACEs)
  IpSet connected;      ///< connected subnets
  SourceLocation header_at;
  SourceLocation nameif_at;
  SourceLocation security_level_at;

  /// The ASA gives an interface named "inside" level 100 and any other
  /// named interface level 0 unless `security-level` says otherwise.
  int effective_security_level() const;
  /// Where the effective level comes from: the `security-level` line, or
  /// the `nameif` line when the level is implicit.
  const SourceLocation& security_level_location() const;
};

enum class GroupDirection : std::uint8_t { In, Out, Global };

struct AccessGroup {
  std::string acl;
  GroupDirection direction = GroupDirection::In;
  std::string interface;  ///< nameif; empty for global
  bool control_plane = false;  ///< to-the-box traffic only: not on any path
  SourceLocation at;
  std::uint32_t acl_column = 1;  ///< column of the ACL name, for diagnostics
  std::uint32_t acl_end_column = 0;
  std::uint32_t interface_column = 1;
  std::uint32_t interface_end_column = 0;
};

struct Route {
  std::string interface;
  IpSet network;
  SourceLocation at;
};

/// One access-list name and its entries.
struct Acl {
  std::string name;
  bool has_extended = false;  ///< extended entries (parsed or not)
  bool has_remark = false;
  bool has_non_l3 = false;    ///< standard / webtype / ethertype entries

  /// Whether the ACL filters IP traffic: it has extended entries, or only
  /// remarks (an empty extended ACL still denies everything when applied).
  bool is_l3() const { return has_extended || (has_remark && !has_non_l3); }
  SourceLocation first_at;

  /// Rules of every entry, entry by entry in the order read.
  std::vector<Rule> rules;
  /// Per entry (remarks and inactive entries included: they hold a line
  /// number too): index of its first rule, and the `line N` it asked for
  /// (0 = append).
  std::vector<std::uint32_t> entry_first_rule;
  std::vector<std::uint32_t> entry_requested_line;
  bool has_insertions = false;

  /// Starts a new entry; rules pushed afterwards belong to it.
  void begin_entry(std::uint32_t requested_line);
  /// Reorders the rules as `line N` insertions dictate (O(n log n)).
  void apply_line_numbers();
};

struct AsaConfig {
  std::vector<Interface> interfaces;
  std::vector<Acl> acls;
  std::unordered_map<std::string, int> acl_index;
  std::vector<AccessGroup> access_groups;
  std::vector<Route> routes;
  std::optional<SourceLocation> same_security_inter;
  std::optional<SourceLocation> same_security_intra;
  /// Statements recognized as ASA (interfaces, objects, ACLs, …): an input
  /// without any is not an ASA config.
  std::size_t recognized_statements = 0;
  /// Other ASA commands seen (hostname, ssh, logging…): an input made only of
  /// these is still an ASA config, just one without filtering.
  std::size_t other_commands = 0;

  /// The ACL named `name`, created at `at` when new.
  Acl& acl(std::string_view name, const SourceLocation& at);
  const Acl* find_acl(std::string_view name) const;
  /// The interface whose nameif is `nameif` (exact match first, then
  /// case-insensitive), or nullptr.
  const Interface* find_interface(std::string_view nameif) const;
};

}  // namespace fwlint::asa
