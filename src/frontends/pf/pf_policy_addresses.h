// SPDX-License-Identifier: Apache-2.0
/// \file
/// One side (`from` or `to`) of a pf rule as address matches. pfctl expands
/// `{ a, !b }` into one rule per item, so a packet matches the list when it
/// matches any item, a negated item being its complement in its family: the
/// union is computed here as sets. What the model cannot hold exactly (an
/// interface's addresses, a table filled at run time, urpf-failed) becomes
/// an alternative that may match any address.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "frontends/pf/pf_policy_tables.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

/// One way a side can match: exactly, or (unknown_reason set) possibly, for
/// any address of `match`.
struct SideAlternative {
  AddressMatch match;
  std::string unknown_reason;
};

enum class Side { Source, Destination };

/// The alternatives whose union is what `items` match on `side`, restricted
/// to `family` (4, 6, or unset for both); never empty (AddressMatch::none()
/// when nothing can match, e.g. `to no-route`).
std::vector<SideAlternative> resolve_side(const std::vector<PfAddress>& items, std::optional<int> family,
                                          Side side, TableResolver& tables, const SourceLocation& used_at);

}  // namespace fwlint::pf
