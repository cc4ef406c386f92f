// SPDX-License-Identifier: Apache-2.0
/// \file
/// One pf rule as Policy rules. pfctl expands lists into one rule per item;
/// here address and port lists stay sets, and only what one Match cannot
/// hold becomes adjacent rules of the same line: each interface of
/// `on { a b }`, the `in` and `out` halves of a rule without a direction
/// (equivalent under last match: a packet crosses one way), TCP apart from
/// other protocols when `flags` applies, and exact apart from unknown
/// address alternatives. Anything the model cannot express makes the match
/// unknown, never dropped.
#pragma once

#include <string>
#include <vector>

#include "frontends/pf/pf_policy_interfaces.h"
#include "frontends/pf/pf_policy_tables.h"
#include "frontends/pf/pf_policy_translations.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

/// What the expansion of one rule needs besides the rule.
struct RuleContext {
  const InterfaceNames& interfaces;
  TableResolver& tables;
  /// Source translations done by rules evaluated before this one.
  const std::vector<SourceTranslation>& translations;
};

/// Appends the Policy rules of `rule` to `out`; `call_target` is the list an
/// anchor call evaluates. Returns the translations that made it unknown.
std::vector<SourceTranslation> expand_rule(const PfRule& rule, const RuleContext& ctx, int call_target,
                                           std::vector<Rule>& out);

/// Appends an unknown Allow then an unknown Block of `match` at `location`:
/// a rule that may pass or block anything it may match.
void append_any_outcome(const Match& match, const SourceLocation& location, bool quick,
                        std::vector<Rule>& out);

}  // namespace fwlint::pf
