// SPDX-License-Identifier: Apache-2.0
/// \file
/// Test side of the pfctl conformance check: expands the reader's PfRules
/// the way `pfctl -nv` does (interface, protocol, address, port, user and
/// group lists into their cartesian product in pfctl's loop order; the
/// address family taken from the addresses; binat-to split into its nat-to
/// and rdr-to halves; six or more rules differing only in one address
/// merged into an automatic table) and prints each rule as pfctl would, so
/// it can be compared with the .ok files of OpenBSD's pfctl regression.
///
/// The regression host's own interface addresses and user/group ids are a
/// HostModel: pfctl resolved `lo0` to them when it wrote the .ok files.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "frontends/pf/rule_model.h"

namespace fwlint::pf::test {

struct HostModel {
  /// Interface → its addresses in pfctl's order, with their family (4/6);
  /// `name:network` keys give the networks.
  std::map<std::string, std::vector<std::pair<std::string, int>>> interfaces;
  std::map<std::string, std::string> users;
  std::map<std::string, std::string> groups;

  /// The OpenBSD regress host described in the corpus' SOURCES.md.
  static HostModel openbsd_regress();
};

/// One printed rule: its pfctl text and its anchor depth (0 = main ruleset).
struct PrintedRule {
  std::string text;
  int depth = 0;
};

/// The filter rules of `config` (pass, block, match, anchor) as pfctl -nv
/// prints them; the rules of an anchor whose contents are known follow its
/// anchor line, one depth deeper.
std::vector<PrintedRule> print_pfctl(const PfConfig& config, const HostModel& host);

/// The fields the conformance test compares, from one printed pfctl rule
/// line (ours or a .ok line): action (and anchor name), direction, quick,
/// interface, family, protocol, addresses and ports, as one string.
std::string comparison_key(const std::string& pfctl_line);

}  // namespace fwlint::pf::test
