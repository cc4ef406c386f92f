// SPDX-License-Identifier: Apache-2.0
/// \file
/// Checks a policy against requirement packs: for every path, SDK and
/// family, the requirement space is evaluated and grouped into flows and
/// findings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fwlint/analysis/findings.h"
#include "fwlint/model/policy.h"
#include "fwlint/requirements/pack.h"

namespace fwlint {

/// One pack of a run and the SDKs of it to check.
struct PackSelection {
  const RequirementPack* pack = nullptr;
  std::vector<const SdkRequirements*> sdks;  ///< empty = every SDK of the pack
};

struct CheckOptions {
  /// Packs to check, in order. When empty, `pack` and `sdks` below are the
  /// one selection (the common single-pack case).
  std::vector<PackSelection> packs;
  const RequirementPack* pack = nullptr;
  std::vector<const SdkRequirements*> sdks;  ///< empty = every SDK of the pack
  /// Optional features left out (--without); every other feature is checked.
  std::vector<std::string> without;
  /// --cloud-proxy: check what each SDK's cloud proxy needs instead of its
  /// allow-list, where the pack describes a proxy.
  bool cloud_proxy = false;
  std::vector<std::string> proxy_modes;    ///< empty = every mode
  std::vector<std::string> proxy_regions;  ///< empty = every region
  std::optional<SdkVersion> sdk_version;     ///< nullopt = each SDK's newest
  std::optional<IpSet> sources;              ///< --source; nullopt = each path's default
  /// --resolve NAME=CIDR, keyed by the domain's display form (".agora.io").
  std::map<std::string, IpSet> resolutions;
  bool ipv6 = false;  ///< also check IPv6
};

std::vector<CheckResult> run_requirement_checks(const Policy& policy, const CheckOptions& options);

/// pass / fail / unknown / proxy-required.
CheckVerdict summarize(const std::vector<Flow>& flows);

}  // namespace fwlint
