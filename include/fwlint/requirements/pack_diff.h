// SPDX-License-Identifier: Apache-2.0
/// \file
/// What changed between two requirement packs, per SDK: ports added or
/// removed per transport, domains added or removed, SDKs added or removed.
/// Each SDK is compared at the newest version each pack knows, with its
/// optional features included, which is what a check uses by default.
#pragma once

#include <string>
#include <vector>

#include "fwlint/requirements/pack.h"

namespace fwlint {

struct SdkDiff {
  std::string sdk;  ///< id in the newer pack (or the older one when removed)
  enum Kind { Changed, Added, Removed } kind = Changed;
  PortSet tcp_added, tcp_removed, udp_added, udp_removed;
  std::vector<std::string> domains_added, domains_removed;
  bool proxy_changed = false;  ///< cloud-proxy-only in one pack, not in the other

  bool empty() const;
};

/// SDKs are matched by id or alias of `to`; the result follows `to`'s
/// order, then SDKs only `from` has.
std::vector<SdkDiff> diff_packs(const RequirementPack& from, const RequirementPack& to);

/// The diff as text: one block per SDK that changed, "no changes" otherwise.
std::string format_pack_diff(const RequirementPack& from, const RequirementPack& to,
                             const std::vector<SdkDiff>& diffs);

}  // namespace fwlint
