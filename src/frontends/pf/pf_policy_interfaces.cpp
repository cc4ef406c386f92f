// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_interfaces.h"

#include <algorithm>
#include <cctype>

namespace fwlint::pf {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool is_loopback_name(std::string_view name) {
  if (!name.starts_with("lo")) return false;
  std::string_view unit = name.substr(2);
  return std::all_of(unit.begin(), unit.end(), is_digit);
}

bool names_group(std::string_view name) { return !name.empty() && !is_digit(name.back()); }

std::string driver_group(std::string_view iface) {
  if (iface.empty() || !is_digit(iface.back())) return {};
  std::size_t end = iface.size();
  while (end > 0 && is_digit(iface[end - 1])) --end;
  std::string_view driver = iface.substr(0, end);
  // "em0.100" (a FreeBSD VLAN) is not in a group named "em0.": no driver group.
  if (driver.empty() || !std::isalpha(static_cast<unsigned char>(driver.back()))) return {};
  return std::string(driver);
}

InterfaceNames::InterfaceNames(const PathOptions& options) {
  for (const std::string& from : options.from_interfaces)
    if (!from.empty()) pinned_.push_back(from);
  if (!options.to_interface.empty()) pinned_.push_back(options.to_interface);
}

bool InterfaceNames::membership_known(const std::string& name) const {
  if (!names_group(name) || name == kEgressGroup || is_loopback_name(name)) return true;
  return std::any_of(pinned_.begin(), pinned_.end(), [&name](const std::string& iface) {
    return iface == name || driver_group(iface) == name;
  });
}

std::vector<std::string> groups_of(const std::string& iface, bool egress_side) {
  std::vector<std::string> groups;
  if (egress_side) groups.emplace_back(kEgressGroup);
  std::string driver = driver_group(iface);
  if (!driver.empty()) groups.push_back(std::move(driver));
  return groups;
}

}  // namespace fwlint::pf
