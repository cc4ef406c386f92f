// SPDX-License-Identifier: Apache-2.0
/// \file
/// Turns the filter table of a dump into the Policy: one FirstMatch list per
/// chain, shared by every path, and the paths `--mode` asks for (the host's
/// OUTPUT with replies through INPUT, a gateway's FORWARD both ways).
#pragma once

#include <optional>

#include "frontends/iptables/dump_model.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/address.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::iptables {

/// Adds the chains of `filter` to `policy` and the paths `options` ask for.
/// `filter` is empty when the dump has no filter table: nothing is filtered
/// then. `family` gives the paths' default sources.
void build_policy(std::optional<Table> filter, Family family, const PathOptions& options, Policy& policy,
                  Diagnostics& diags);

}  // namespace fwlint::iptables
