// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_paths.h"

#include <algorithm>

#include "frontends/pf/pf_policy_interfaces.h"
#include "frontends/pf/pf_policy_translations.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

void note(Diagnostics& diags, std::string message) {
  diags.push_back(
      Diagnostic{finding_id::kUnsupportedConstruct, Severity::Note, SourceLocation{}, std::move(message)});
}

void add_once(std::vector<std::string>& to, const std::string& name) {
  if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

class SignalScan {
 public:
  SignalScan(const PathOptions& options, RoleSignals& out) : options_(options), out_(out) {}

  void walk(const std::vector<PfRule>& rules) {
    for (const PfRule& rule : rules) {
      if (out_.translation.empty() && !rule.unreadable) out_.translation = source_translation_option(rule);
      for (const PfInterface& i : rule.interfaces) add_interface(rule, i);
      const PfAnchor* anchor = rule.anchor.get();
      if (anchor != nullptr && std::find(seen_.begin(), seen_.end(), anchor) == seen_.end()) {
        seen_.push_back(anchor);
        walk(anchor->rules);
      }
    }
  }

 private:
  void add_interface(const PfRule& rule, const PfInterface& i) {
    if (i.negated || is_loopback_name(i.name)) return;
    add_once(out_.interfaces, i.name);
    bool inbound = rule.direction != PfDirection::Out;
    if (inbound && i.name != kEgressGroup && i.name != options_.to_interface)
      add_once(out_.inside_interfaces, i.name);
  }

  const PathOptions& options_;
  RoleSignals& out_;
  std::vector<const PfAnchor*> seen_;
};

struct Crossing {
  std::string name;  ///< "em1", "egress", "any interface"
  std::string iface;
  std::vector<std::string> groups;
};

Crossing egress_crossing(const PathOptions& options) {
  const std::string& to = options.to_interface;
  return Crossing{to.empty() ? kEgressGroup : to, to, groups_of(to, true)};
}

Crossing inside_crossing(const std::string& from) {
  return Crossing{from.empty() ? "any interface" : from, from, groups_of(from, false)};
}

Path base_path(std::string name) {
  Path path;
  path.name = std::move(name);
  path.default_sources = client_addresses();
  path.sources_description = "any address";
  // Loopback never carries traffic to the Internet.
  path.unused_interfaces = {"lo", "lo0"};
  return path;
}

Stage stage(int list, const std::string& what, std::uint8_t way, int state_from = -1) {
  return Stage{list, "pf ruleset, " + what, way, state_from};
}

/// The device's own connections: out on the egress; replies come back in
/// on it, on the state the outbound pass made.
Path host_path(const Crossing& egress, int list) {
  Path path = base_path("host (out on " + egress.name + ")");
  path.out_interface = egress.iface;
  path.out_groups = egress.groups;
  path.stages = {stage(list, "out on " + egress.name, kWayOut)};
  path.reply_stages = {stage(list, "replies in on " + egress.name, kWayIn, 0)};
  path.client_type = kTypeLocal;
  path.sent_by_device = true;
  return path;
}

/// Clients behind the device: in on the inside, out on the egress; each
/// reply crossing rides on the state of the request crossing at the same
/// interface.
Path gateway_path(const Crossing& inside, const Crossing& egress, int list) {
  Path path = base_path("gateway (in on " + inside.name + ", out on " + egress.name + ")");
  path.in_interface = inside.iface;
  path.in_groups = inside.groups;
  path.out_interface = egress.iface;
  path.out_groups = egress.groups;
  path.stages = {stage(list, "in on " + inside.name, kWayIn), stage(list, "out on " + egress.name, kWayOut)};
  path.reply_stages = {stage(list, "replies in on " + egress.name, kWayIn, 1),
                       stage(list, "replies out on " + inside.name, kWayOut, 0)};
  path.client_type = kTypeUnicast;
  // Clients do not sit behind the uplink: where the inside interface is not
  // pinned it is still no member of `egress` (the egress side is, through
  // its groups, which the evaluator consults first).
  path.unused_interfaces.emplace_back(kEgressGroup);
  return path;
}

}  // namespace

RoleSignals scan_role_signals(const PfConfig& config, const PathOptions& options) {
  RoleSignals signals;
  for (const auto& [kind, where] : config.ignored)
    if (signals.translation.empty() && (kind == "nat" || kind == "binat")) signals.translation = kind;
  SignalScan(options, signals).walk(config.rules);
  for (const std::string& name : config.skip_interfaces)
    if (!is_loopback_name(name)) add_once(signals.skipped, name);
  return signals;
}

void add_paths(const RoleSignals& signals, const PathOptions& options, int main_list, Policy& policy,
               Diagnostics& diags) {
  bool host = options.mode != PathMode::Gateway;
  bool gateway = options.mode != PathMode::Host;
  if (options.mode == PathMode::Auto && options.from_interfaces.empty() && !signals.looks_like_gateway()) {
    note(diags,
         "pf.conf translates no addresses and names at most one interface: this looks like a host, so the "
         "gateway path (clients behind the device) is not checked; use --mode gateway to check it");
    gateway = false;
  }
  Crossing egress = egress_crossing(options);
  if (host) policy.paths.push_back(host_path(egress, main_list));
  if (!gateway) return;
  if (!options.from_interfaces.empty()) {
    for (const std::string& from : options.from_interfaces)
      policy.paths.push_back(gateway_path(inside_crossing(from), egress, main_list));
    return;
  }
  policy.paths.push_back(gateway_path(inside_crossing(""), egress, main_list));
  if (!signals.inside_interfaces.empty())
    note(diags, "the interface clients enter on is not pinned, so rules on " +
                    listed(signals.inside_interfaces) +
                    " may or may not apply to them; use --from IF to check the clients behind IF");
}

}  // namespace fwlint::pf
