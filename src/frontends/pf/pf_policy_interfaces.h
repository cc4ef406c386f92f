// SPDX-License-Identifier: Apache-2.0
/// \file
/// Interface names in pf rules as the policy builder sees them: pf names an
/// interface by driver and unit ("em0") and a group by a name without a unit
/// ("egress", "lo", the driver group "em", groups set with `ifconfig … group`).
/// Which interfaces belong to a group is not in pf.conf; the paths know only
/// the groups the user's interfaces certainly belong to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fwlint/frontends/frontend.h"

namespace fwlint::pf {

/// The group of the interfaces that hold the default route (OpenBSD).
inline constexpr const char* kEgressGroup = "egress";

/// Loopback interfaces and their group: Internet traffic never uses them.
bool is_loopback_name(std::string_view name);

/// Whether `name` has no unit number, so pf takes it as an interface group
/// (or, on FreeBSD, an interface renamed with `ifconfig … name`).
bool names_group(std::string_view name);

/// The driver group every interface belongs to ("em" for "em0", "vlan" for
/// "vlan10"); empty when `iface` has no unit number.
std::string driver_group(std::string_view iface);

/// The interfaces the user pinned (--from, --to) and what follows from them
/// for the interface names rules use.
class InterfaceNames {
 public:
  explicit InterfaceNames(const PathOptions& options);

  /// Whether the evaluator decides a rule on `name` correctly with the
  /// paths' interfaces and groups: an interface, loopback, egress, a pinned
  /// name or the driver group of one. Other groups may hold a pinned
  /// interface or not, and pf.conf does not say which.
  bool membership_known(const std::string& name) const;
  bool any_pinned() const { return !pinned_.empty(); }
  const std::vector<std::string>& pinned() const { return pinned_; }

 private:
  std::vector<std::string> pinned_;
};

/// The groups a path interface certainly belongs to: its driver group, and
/// `egress` on the egress side. `iface` may be empty (not pinned).
std::vector<std::string> groups_of(const std::string& iface, bool egress_side);

}  // namespace fwlint::pf
