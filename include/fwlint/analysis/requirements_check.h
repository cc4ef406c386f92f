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

struct CheckOptions {
  const RequirementPack* pack = nullptr;
  std::vector<const SdkRequirements*> sdks;  ///< empty = every SDK of the pack
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
