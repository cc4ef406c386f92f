// SPDX-License-Identifier: Apache-2.0
/// \file
/// Checks of the jumps between chains of one table: targets that name no
/// chain (FWL102) and call loops (FWL104).
#pragma once

#include "frontends/iptables/dump_model.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::iptables {

/// Reports every -j/-g whose target is neither built in nor a chain of
/// `table`, and each chain reached again while it is still being evaluated
/// (once per chain).
void check_chain_references(const Table& table, Diagnostics& diags);

}  // namespace fwlint::iptables
