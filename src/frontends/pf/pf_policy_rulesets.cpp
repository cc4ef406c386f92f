// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_rulesets.h"

#include <array>
#include <string_view>
#include <utility>

#include "frontends/pf/pf_policy_rules.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

/// Daemons that fill their anchors with pass rules only (ftp-proxy(8) for
/// FTP data connections, relayd(8) for its redirections, miniupnpd for port
/// mappings): what they load may pass packets but never blocks one.
bool filled_with_passes_only(const std::string& anchor_name) {
  static constexpr std::array<std::string_view, 3> kDaemons = {"ftp-proxy", "relayd", "miniupnpd"};
  std::string_view top = std::string_view(anchor_name).substr(0, anchor_name.find('/'));
  for (std::string_view d : kDaemons)
    if (top == d) return true;
  return false;
}

bool loaded_at_run_time(const PfAnchor& anchor) { return anchor.loaded_at_runtime || !anchor.inline_rules; }

}  // namespace

RulesetBuilder::RulesetBuilder(const PfConfig& config, const PathOptions& options, Policy& policy,
                               Diagnostics& diags)
    : config_(config),
      interfaces_(options),
      tables_(config.tables, diags),
      translations_(config),
      policy_(policy),
      diags_(diags) {}

int RulesetBuilder::build_main() {
  RuleList main;
  main.name = kMainRulesetName;
  main.order = EvalOrder::LastMatch;
  // No line decides pf's default; it passes without creating state.
  main.default_action = DefaultAction{ActionKind::Allow, SourceLocation{}, kDefaultPassDescription, false};
  int index = policy_.add_list(std::move(main));
  std::vector<Rule> rules;
  append_skip_rules(rules);
  std::vector<Rule> body = rules_of(config_.rules);
  rules.insert(rules.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
  policy_.lists[static_cast<std::size_t>(index)].rules = std::move(rules);
  return index;
}

void RulesetBuilder::append_skip_rules(std::vector<Rule>& out) {
  static const std::vector<SourceTranslation> kNoTranslations;
  for (std::size_t i = 0; i < config_.skip_interfaces.size(); ++i) {
    PfRule skip;
    skip.action = PfAction::Pass;
    skip.quick = true;
    skip.state = PfState::None;
    skip.interfaces.push_back(PfInterface{config_.skip_interfaces[i], false});
    if (i < config_.skip_locations.size()) skip.location = config_.skip_locations[i];
    expand_rule(skip, RuleContext{interfaces_, tables_, kNoTranslations}, -1, out);
  }
}

std::vector<Rule> RulesetBuilder::rules_of(const std::vector<PfRule>& rules) {
  std::vector<Rule> out;
  for (const PfRule& rule : rules) {
    int target = rule.action == PfAction::Anchor ? call_target(rule) : -1;
    RuleContext ctx{interfaces_, tables_, translations_.before(rule)};
    for (const SourceTranslation& t : expand_rule(rule, ctx, target, out)) {
      if (t.legacy) continue;  // the note on the statement itself says it (policy_builder.cpp)
      note_once(t.location, "translation " + std::to_string(t.location.line) + t.location.file,
                t.what +
                    " translates source addresses: rules after it that filter on the source see the "
                    "translated address, which is not in pf.conf, and are unknown");
    }
  }
  return out;
}

int RulesetBuilder::call_target(const PfRule& call) {
  if (!call.anchor) {
    // The reader always names the anchor; without one, the call can do anything.
    RuleList list;
    list.name = "anchor (unknown)";
    list.order = EvalOrder::LastMatch;
    Match unknown;
    unknown.unknown_reason = "the anchor this line calls is unknown";
    append_any_outcome(unknown, call.location, true, list.rules);
    return policy_.add_list(std::move(list));
  }
  if (loaded_at_run_time(*call.anchor)) return runtime_anchor_list(call, *call.anchor);
  return inline_anchor_list(*call.anchor);
}

int RulesetBuilder::inline_anchor_list(const PfAnchor& anchor) {
  if (auto it = anchor_lists_.find(&anchor); it != anchor_lists_.end()) return it->second;
  RuleList list;
  list.name = "anchor " + anchor.name;
  list.order = EvalOrder::LastMatch;
  // Registered before its rules are built: an anchor that calls itself
  // gets a call loop, which the evaluator reports as unknown.
  int index = policy_.add_list(std::move(list));
  anchor_lists_.emplace(&anchor, index);
  std::vector<Rule> rules = rules_of(anchor.rules);
  policy_.lists[static_cast<std::size_t>(index)].rules = std::move(rules);
  return index;
}

int RulesetBuilder::runtime_anchor_list(const PfRule& call, const PfAnchor& anchor) {
  bool passes_only = filled_with_passes_only(anchor.name);
  std::string reason = "anchor \"" + anchor.name + "\" is loaded at run time; its rules are not in pf.conf";
  RuleList list;
  list.name = "anchor " + anchor.name + " (loaded at run time)";
  list.order = EvalOrder::LastMatch;
  Match unknown;
  unknown.unknown_reason = reason;
  // Its rules may be quick: whatever they decide may end evaluation here.
  append_any_outcome(unknown, call.location, true, list.rules);
  if (passes_only) list.rules.pop_back();
  note_once(anchor.location, "anchor " + anchor.name,
            passes_only ? reason + ": " + anchor.name.substr(0, anchor.name.find('/')) +
                              " loads pass rules only, so the packets it sees may be passed"
                        : reason + ": the packets it sees may be passed or blocked");
  return policy_.add_list(std::move(list));
}

void RulesetBuilder::note_once(const SourceLocation& where, const std::string& key, std::string message) {
  if (!noted_.insert(key).second) return;
  diags_.push_back(Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, where, std::move(message)});
}

}  // namespace fwlint::pf
