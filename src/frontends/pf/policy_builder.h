// SPDX-License-Identifier: Apache-2.0
/// \file
/// Turns what the pf reader extracted into the normalized Policy: the main
/// ruleset and its anchors as LastMatch lists (pf_policy_rulesets.h), and
/// the paths `--mode` asks for (pf_paths.h). Everything the model cannot
/// express is kept as an unknown match and explained in FWL105 notes.
#pragma once

#include "frontends/pf/rule_model.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

void build_policy(const PfConfig& config, const PathOptions& options, Policy& policy, Diagnostics& diags);

}  // namespace fwlint::pf
