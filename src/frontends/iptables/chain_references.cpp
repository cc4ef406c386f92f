// SPDX-License-Identifier: Apache-2.0
// The loop search walks the call graph with an explicit stack: a dump with
// 100,000 chains each jumping to the next must not overflow the C++ stack.
#include "frontends/iptables/chain_references.h"

#include <set>
#include <utility>
#include <vector>

#include "fwlint/analysis/findings.h"

namespace fwlint::iptables {
namespace {

bool jumps(const PendingRule& rule) {
  return rule.target_kind == TargetKind::Chain || rule.target_kind == TargetKind::Goto;
}

SourceLocation target_location(const PendingRule& rule) {
  SourceLocation where = rule.location;
  where.column = rule.target_column;
  where.end_column = rule.target_column + static_cast<std::uint32_t>(rule.target.size()) - 1;
  return where;
}

void report_undefined_targets(const Table& table, Diagnostics& diags) {
  for (const Chain& chain : table.chains)
    for (const PendingRule& rule : chain.rules)
      if (jumps(rule) && table.find(rule.target) == nullptr)
        diags.push_back(Diagnostic{
            finding_id::kUndefinedReference, Severity::Warning, target_location(rule),
            "target " + rule.target + " is neither a built-in target nor a chain of table " + table.name});
}

enum class Visit : std::uint8_t { NotYet, OnStack, Done };

/// Depth-first search from `root`; a jump to a chain still on the stack
/// closes a loop.
void find_loops_from(const Table& table, std::size_t root, std::vector<Visit>& state,
                     std::set<std::size_t>& reported, Diagnostics& diags) {
  // (chain, index of the next rule to follow)
  std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
  state[root] = Visit::OnStack;
  while (!stack.empty()) {
    auto& [chain, next] = stack.back();
    const auto& rules = table.chains[chain].rules;
    if (next == rules.size()) {
      state[chain] = Visit::Done;
      stack.pop_back();
      continue;
    }
    const PendingRule& rule = rules[next++];
    if (!jumps(rule)) continue;
    auto target = table.position(rule.target);
    if (!target) continue;
    if (state[*target] == Visit::OnStack) {
      if (reported.insert(*target).second) {
        SourceLocation where = rule.location;
        where.column = rule.target_column;
        diags.push_back(Diagnostic{finding_id::kReferenceCycle, Severity::Warning, where,
                                   "chain " + table.chains[chain].name + " jumps back to " + rule.target +
                                       ", which is still being evaluated (loop)"});
      }
    } else if (state[*target] == Visit::NotYet) {
      state[*target] = Visit::OnStack;
      stack.emplace_back(*target, 0);  // invalidates `chain`/`next`, not used again this round
    }
  }
}

}  // namespace

void check_chain_references(const Table& table, Diagnostics& diags) {
  report_undefined_targets(table, diags);
  std::vector<Visit> state(table.chains.size(), Visit::NotYet);
  std::set<std::size_t> reported;
  for (std::size_t chain = 0; chain < table.chains.size(); ++chain)
    if (state[chain] == Visit::NotYet) find_loops_from(table, chain, state, reported, diags);
}

}  // namespace fwlint::iptables
