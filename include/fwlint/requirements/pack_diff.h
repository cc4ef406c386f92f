// SPDX-License-Identifier: Apache-2.0
/// \file
/// What changed between two requirement packs, per SDK: ports, domains and
/// cloud-proxy destinations added or removed. Rows are compared within the
/// same feature and SDK version range, so a port that moved to "before
/// 2.0.0" or into a feature shows as removed in one place and added in the
/// other: exactly what a firewall change has to follow.
#pragma once

#include <string>
#include <vector>

#include "fwlint/requirements/pack.h"

namespace fwlint {

/// One line of a diff: "+ udp 4001-4150 (stream-channel)".
struct PackChange {
  char sign = '+';    ///< '+' added, '-' removed, '~' changed in meaning
  std::string what;   ///< "tcp 3478", "domains .sd-rtn.com", "cloud proxy force-udp: udp 8443 to …"
  std::string scope;  ///< "stream-channel, SDK before 2.0.0"; empty = core, every version
};

struct SdkDiff {
  std::string sdk;  ///< id in the newer pack (or the older one when removed)
  enum Kind { Changed, Added, Removed } kind = Changed;
  std::vector<PackChange> changes;

  bool empty() const { return kind == Changed && changes.empty(); }
};

/// SDKs are matched by id or alias of `to`; the result follows `to`'s
/// order, then SDKs only `from` has.
std::vector<SdkDiff> diff_packs(const RequirementPack& from, const RequirementPack& to);

/// The diff as text: one block per SDK that changed, "no changes" otherwise.
std::string format_pack_diff(const RequirementPack& from, const RequirementPack& to,
                             const std::vector<SdkDiff>& diffs);

}  // namespace fwlint
