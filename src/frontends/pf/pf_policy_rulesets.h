// SPDX-License-Identifier: Apache-2.0
/// \file
/// The Policy lists of a pf configuration: the main ruleset (LastMatch,
/// pf's default pass, which keeps no state) and one LastMatch list per
/// anchor, evaluated in place by a Call rule (`quick` on the call makes it a
/// quick anchor). An anchor whose rules are loaded at run time becomes a
/// list whose rules may pass or block anything, quick: its rules could be
/// quick, so nothing after it can be relied on for the packets it sees.
/// `set skip on IF` becomes a quick stateless pass on IF at the top of the
/// main ruleset: pf does not filter a skipped interface at all.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "frontends/pf/pf_policy_interfaces.h"
#include "frontends/pf/pf_policy_tables.h"
#include "frontends/pf/pf_policy_translations.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/frontends/frontend.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::pf {

inline constexpr const char* kMainRulesetName = "pf main ruleset";
inline constexpr const char* kDefaultPassDescription = "pf default: pass";

class RulesetBuilder {
 public:
  RulesetBuilder(const PfConfig& config, const PathOptions& options, Policy& policy, Diagnostics& diags);

  /// Adds the main ruleset and every anchor it reaches; returns the main
  /// ruleset's list.
  int build_main();

 private:
  std::vector<Rule> rules_of(const std::vector<PfRule>& rules);
  void append_skip_rules(std::vector<Rule>& out);
  int call_target(const PfRule& call);
  int inline_anchor_list(const PfAnchor& anchor);
  int runtime_anchor_list(const PfRule& call, const PfAnchor& anchor);
  void note_once(const SourceLocation& where, const std::string& key, std::string message);

  const PfConfig& config_;
  InterfaceNames interfaces_;
  TableResolver tables_;
  TranslationScan translations_;
  Policy& policy_;
  Diagnostics& diags_;
  std::map<const PfAnchor*, int> anchor_lists_;
  std::set<std::string> noted_;
};

}  // namespace fwlint::pf
