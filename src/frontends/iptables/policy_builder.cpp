// SPDX-License-Identifier: Apache-2.0
// Lists and paths. The chains are emitted once and every path points into
// them: a rule's -i/-o stays as written, and the evaluator decides it
// against the path's interfaces (an interface the user did not pin makes
// it a maybe, except "lo", which Internet traffic never uses).
#include "frontends/iptables/policy_builder.h"

#include <array>
#include <string>
#include <vector>

#include "fwlint/analysis/findings.h"

namespace fwlint::iptables {
namespace {

constexpr std::array<const char*, 3> kBuiltinChains = {"INPUT", "FORWARD", "OUTPUT"};

constexpr const char* kHostPathName = "host (OUTPUT, replies INPUT)";

void note(Diagnostics& diags, SourceLocation where, std::string message) {
  diags.push_back(
      Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, std::move(where), std::move(message)});
}

bool declares_builtin_chain(const Table& table) {
  for (const char* name : kBuiltinChains)
    if (table.find(name) != nullptr) return true;
  return false;
}

/// `filter` with every built-in chain it lacks added as the kernel has it:
/// the kernel's filter table always has INPUT, FORWARD and OUTPUT, and a
/// restore that does not mention one leaves it empty with its policy (ACCEPT
/// unless set before). Without a filter table, all three are such chains.
Table with_builtin_chains(std::optional<Table> filter) {
  Table table;
  if (filter) {
    table = std::move(*filter);
  } else {
    table.name = "filter";
    table.location = SourceLocation{0, 1, 0, ""};
  }
  for (const char* name : kBuiltinChains) {
    if (table.find(name) != nullptr) continue;
    Chain chain;
    chain.name = name;
    chain.builtin = true;
    chain.policy = ActionKind::Allow;
    chain.location = table.location;
    chain.implicit = true;
    table.add(std::move(chain));
  }
  return table;
}

DefaultAction default_action_of(const Chain& chain, bool table_in_dump) {
  if (!chain.implicit)
    return DefaultAction{chain.policy.value_or(ActionKind::Allow), chain.location,
                         "policy of chain " + chain.name};
  if (!table_in_dump) return DefaultAction{ActionKind::Allow, SourceLocation{}, "no filter table"};
  return DefaultAction{ActionKind::Allow, chain.location,
                       "policy of chain " + chain.name + " (not in the dump: ACCEPT, as in the kernel)"};
}

std::string joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& reason : reasons) out += (out.empty() ? "" : "; ") + reason;
  return out;
}

/// The Policy rule(s) of one dump rule: one, or an unknown accept followed
/// by an unknown drop when the rule could do anything (an undefined target,
/// a line not read completely). Moves the match out of `pending`.
void emit_rules(PendingRule& pending, const Table& table, const std::vector<int>& list_of_chain,
                std::vector<Rule>& out) {
  Rule rule;
  rule.match = std::move(pending.match);
  rule.location = std::move(pending.location);
  std::vector<std::string>& reasons = pending.unknown_reasons;
  bool any_outcome = pending.any_outcome;
  switch (pending.target_kind) {
    case TargetKind::None:
      rule.action.kind = ActionKind::Continue;
      break;
    case TargetKind::Builtin:
      rule.action.kind = pending.action;
      break;
    case TargetKind::Chain:
    case TargetKind::Goto:
      // A chain added only because the kernel has it is not a target the
      // dump defines (check_chain_references reported the jump).
      if (auto target = table.position(pending.target); target && !table.chains[*target].implicit) {
        rule.action.kind = pending.target_kind == TargetKind::Goto ? ActionKind::Goto : ActionKind::Call;
        rule.action.target = list_of_chain[*target];
      } else {
        reasons.push_back("target " + pending.target + " is not defined");
        any_outcome = true;
      }
      break;
  }
  if (!reasons.empty()) {
    rule.match.unknown = true;
    rule.match.unknown_reason = joined(reasons);
  }
  if (any_outcome) {
    Rule accept = rule;
    accept.action = Action{ActionKind::Allow, -1};
    out.push_back(std::move(accept));
    rule.action = Action{ActionKind::Block, -1};
  }
  out.push_back(std::move(rule));
}

/// One list per chain, in declaration order; returns each chain's list.
/// The chains' rules are moved into the policy (a dump of a million rules
/// is not held twice).
std::vector<int> emit_lists(Table& table, bool table_in_dump, Policy& policy) {
  std::vector<int> list_of_chain(table.chains.size());
  int first = static_cast<int>(policy.lists.size());
  for (std::size_t c = 0; c < table.chains.size(); ++c) list_of_chain[c] = first + static_cast<int>(c);
  for (Chain& chain : table.chains) {
    RuleList list;
    list.name = chain.name;
    list.order = EvalOrder::FirstMatch;
    if (chain.builtin) list.default_action = default_action_of(chain, table_in_dump);
    list.rules.reserve(chain.rules.size());
    for (PendingRule& pending : chain.rules) emit_rules(pending, table, list_of_chain, list.rules);
    policy.add_list(std::move(list));
  }
  return list_of_chain;
}

struct PathChoice {
  bool host = true;
  bool gateway = true;
};

/// A built-in chain that lets nothing through and has no rules to say
/// otherwise: the dump says this path is not used.
bool passes_nothing(const Chain& chain) { return chain.rules.empty() && chain.policy == ActionKind::Block; }

PathChoice choose_paths(const Table& table, PathMode mode, Diagnostics& diags) {
  if (mode == PathMode::Host) return {true, false};
  if (mode == PathMode::Gateway) return {false, true};
  const Chain& output = *table.find("OUTPUT");
  const Chain& forward = *table.find("FORWARD");
  if (passes_nothing(forward) && !passes_nothing(output)) {
    note(diags, forward.location,
         "FORWARD forwards nothing (policy DROP, no rules): this looks like a host, the gateway path is not "
         "checked; use --mode gateway to check it");
    return {true, false};
  }
  if (passes_nothing(output) && !passes_nothing(forward)) {
    note(diags, output.location,
         "OUTPUT sends nothing (policy DROP, no rules): this looks like a gateway, the host path is not "
         "checked; use --mode host to check it");
    return {false, true};
  }
  return {true, true};
}

/// Says which chains a chosen path uses only because the kernel has them.
void note_implicit_chains(const Table& table, const PathChoice& choice, Diagnostics& diags) {
  std::vector<const char*> used;
  if (choice.host) used.insert(used.end(), {"OUTPUT", "INPUT"});
  if (choice.gateway) used.push_back("FORWARD");
  for (const char* name : used)
    if (table.find(name)->implicit)
      note(diags, table.location,
           std::string("table filter does not declare chain ") + name +
               "; it is checked as the kernel has it: no rules, policy ACCEPT");
}

class PathFactory {
 public:
  PathFactory(const Table& table, const std::vector<int>& list_of_chain, Family family)
      : table_(table), list_of_chain_(list_of_chain), family_(family) {}

  /// This host's own connections: out through OUTPUT, replies in through
  /// INPUT. Locally generated packets have no in-interface.
  Path host(const std::string& to) const {
    Path path = base(kHostPathName);
    path.out_interface = to;
    path.stages = {stage("OUTPUT")};
    path.reply_stages = {stage("INPUT")};
    path.client_type = kTypeLocal;
    path.sent_by_device = true;
    return path;
  }

  /// Clients behind the device: both directions through FORWARD.
  Path gateway(const std::string& from, const std::string& to) const {
    Path path = base(gateway_name(from, to));
    path.in_interface = from;
    path.out_interface = to;
    path.stages = {stage("FORWARD")};
    path.reply_stages = {stage("FORWARD")};
    path.client_type = kTypeUnicast;
    return path;
  }

 private:
  static std::string gateway_name(const std::string& from, const std::string& to) {
    if (from.empty() && to.empty()) return "gateway (FORWARD)";
    return "gateway (FORWARD " + (from.empty() ? std::string("*") : from) + " -> " +
           (to.empty() ? std::string("*") : to) + ")";
  }

  Path base(std::string name) const {
    Path path;
    path.name = std::move(name);
    path.default_sources = client_addresses().intersect(IpSet::all_of(family_));
    path.sources_description = family_ == Family::V6 ? "any IPv6 address" : "any IPv4 address";
    // Loopback never carries traffic to the Internet.
    path.unused_interfaces = {"lo"};
    return path;
  }

  Stage stage(const char* chain) const {
    return Stage{list_of_chain_[*table_.position(chain)], std::string("filter ") + chain};
  }

  const Table& table_;
  const std::vector<int>& list_of_chain_;
  Family family_;
};

}  // namespace

void build_policy(std::optional<Table> filter, Family family, const PathOptions& options, Policy& policy,
                  Diagnostics& diags) {
  bool table_in_dump = filter.has_value();
  if (!table_in_dump) {
    note(diags, SourceLocation{1, 1, 0, ""}, "no *filter table: nothing is filtered, every path accepts");
  } else if (!declares_builtin_chain(*filter)) {
    // A fragment loaded into another ruleset (ufw's rule files): its chains
    // are kept, but nothing says where traffic enters them.
    emit_lists(*filter, table_in_dump, policy);
    note(diags, filter->location,
         "table filter declares none of INPUT, FORWARD, OUTPUT (a fragment of another ruleset?); "
         "no path to check");
    return;
  }
  Table table = with_builtin_chains(std::move(filter));
  PathChoice choice = choose_paths(table, options.mode, diags);  // before the rules move out
  std::vector<int> list_of_chain = emit_lists(table, table_in_dump, policy);
  if (table_in_dump) note_implicit_chains(table, choice, diags);

  PathFactory paths(table, list_of_chain, family);
  if (choice.host) policy.paths.push_back(paths.host(options.to_interface));
  if (!choice.gateway) return;
  if (options.from_interfaces.empty()) {
    policy.paths.push_back(paths.gateway("", options.to_interface));
    return;
  }
  for (const std::string& from : options.from_interfaces)
    policy.paths.push_back(paths.gateway(from, options.to_interface));
}

}  // namespace fwlint::iptables
