// SPDX-License-Identifier: Apache-2.0
#include "frontends/asa/path_builder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "fwlint/analysis/findings.h"

#include "fwlint/util/strings.h"

namespace fwlint::asa {
namespace {

SourceLocation at_column(SourceLocation loc, std::uint32_t column, std::uint32_t end_column) {
  loc.column = column;
  loc.end_column = end_column;
  return loc;
}

/// The bindings that apply to traffic through the device, last one wins
/// (a later `access-group` for the same interface and direction replaces
/// the earlier one on the ASA).
struct Bindings {
  std::map<const Interface*, const AccessGroup*> in, out;
  const AccessGroup* global = nullptr;
};

class PathBuilder {
 public:
  PathBuilder(AsaConfig& config, const PathOptions& options, Policy& policy, DiagnosticSink& sink)
      : config_(config), options_(options), policy_(policy), sink_(sink) {}

  void run() {
    add_acl_lists();
    bind_access_groups();
    std::vector<const Interface*> named;
    for (const auto& i : config_.interfaces)
      if (!i.nameif.empty()) named.push_back(&i);
    if (named.empty()) {
      no_interfaces();
      return;
    }
    const Interface* egress = choose_egress(named);
    if (!egress) return;
    for (const Interface* ingress : choose_ingress(named, egress)) add_path(*ingress, *egress);
  }

  /// Whether every interface named by the options exists.
  bool options_valid() const { return options_valid_; }

 private:
  void error(std::string message) {
    options_valid_ = false;
    sink_.report(finding_id::kUndefinedReference, Severity::Error, SourceLocation{}, std::move(message));
  }

  void add_acl_lists() {
    for (Acl& acl : config_.acls) {
      if (!acl.is_l3()) continue;
      RuleList list;
      list.name = acl.name;
      list.order = EvalOrder::FirstMatch;
      list.rules = std::move(acl.rules);
      acl_lists_[acl.name] = policy_.add_list(std::move(list));
    }
  }

  /// The list for ACL `name`, or for an undefined one a list whose single
  /// unknown rule keeps "allowed" and "denied" both possible.
  int list_for(const AccessGroup& g) {
    if (auto it = acl_lists_.find(g.acl); it != acl_lists_.end()) return it->second;
    RuleList list;
    list.name = g.acl;
    Rule r;
    r.match.unknown = true;
    r.match.unknown_reason = "access-list " + g.acl + " is not defined";
    r.action.kind = ActionKind::Allow;
    r.location = g.at;
    list.rules.push_back(std::move(r));
    int index = policy_.add_list(std::move(list));
    acl_lists_[g.acl] = index;
    return index;
  }

  void bind_access_groups() {
    for (const AccessGroup& g : config_.access_groups) {
      if (g.control_plane) continue;  // traffic to the ASA itself
      const Acl* acl = config_.find_acl(g.acl);
      if (!acl) {
        sink_.report(finding_id::kUndefinedReference, Severity::Warning,
                     at_column(g.at, g.acl_column, g.acl_end_column),
                     "access-list '" + g.acl + "' is not defined; the interface's filtering is unknown");
      } else if (!acl->is_l3()) {
        sink_.report(finding_id::kUnsupportedConstruct, Severity::Note,
                     at_column(g.at, g.acl_column, g.acl_end_column),
                     "access-list '" + g.acl + "' has no extended entries; it does not filter IP traffic");
        continue;
      }
      if (g.direction == GroupDirection::Global) {
        bindings_.global = &g;
        continue;
      }
      const Interface* itf = config_.find_interface(g.interface);
      if (!itf) {
        sink_.report(finding_id::kUndefinedReference, Severity::Warning,
                     at_column(g.at, g.interface_column, g.interface_end_column),
                     "no interface has nameif '" + g.interface + "'; this access-group is ignored");
        continue;
      }
      (g.direction == GroupDirection::In ? bindings_.in : bindings_.out)[itf] = &g;
    }
  }

  void no_interfaces() {
    if (!bindings_.global) {
      sink_.report(finding_id::kUnsupportedConstruct, Severity::Warning, SourceLocation{},
                   "no interface with a nameif was found; there is no path through the device to check");
      return;
    }
    const AccessGroup& g = *bindings_.global;
    Path path;
    path.name = "any -> any";
    path.in_interface = "any";
    path.out_interface = "any";
    path.stages.push_back(acl_stage("any -> any ingress", {&g}, "global ACL " + g.acl));
    path.default_sources =
        client_addresses().intersect(options_.ipv6 ? IpSet::all() : IpSet::all_of(Family::V4));
    path.sources_description = "all addresses (no interfaces defined)";
    policy_.paths.push_back(std::move(path));
  }

  const Interface* choose_egress(const std::vector<const Interface*>& named) {
    if (!options_.to_interface.empty()) {
      const Interface* i = config_.find_interface(options_.to_interface);
      if (!i) error("egress interface '" + options_.to_interface + "' is not a nameif of this config");
      return i;
    }
    for (const Interface* i : named)
      if (iequals(i->nameif, "outside")) return i;
    // Lowest security level, preferring interfaces that carry traffic.
    const Interface* best = nullptr;
    for (bool strict : {true, false}) {
      for (const Interface* i : named) {
        if (strict && (i->management_only || i->shutdown)) continue;
        if (!best || i->effective_security_level() < best->effective_security_level()) best = i;
      }
      if (best) break;
    }
    return best;
  }

  std::vector<const Interface*> choose_ingress(const std::vector<const Interface*>& named,
                                               const Interface* egress) {
    std::vector<const Interface*> out;
    if (!options_.from_interfaces.empty()) {
      for (const auto& name : options_.from_interfaces) {
        const Interface* i = config_.find_interface(name);
        if (!i)
          error("ingress interface '" + name + "' is not a nameif of this config");
        else if (std::find(out.begin(), out.end(), i) == out.end())
          out.push_back(i);
      }
      return out;
    }
    for (const Interface* i : named)
      if (i != egress && !i->management_only && !i->shutdown) out.push_back(i);
    return out;
  }

  /// A top-level list that calls `groups`' ACLs in order and ends in the
  /// implicit deny, located at the last access-group.
  Stage acl_stage(std::string list_name, const std::vector<const AccessGroup*>& groups,
                  std::string description) {
    RuleList top;
    top.name = std::move(list_name);
    for (const AccessGroup* g : groups) {
      Rule call;
      call.action.kind = ActionKind::Call;
      call.action.target = list_for(*g);
      call.location = g->at;
      top.rules.push_back(std::move(call));
    }
    const AccessGroup* last = groups.back();
    top.default_action = DefaultAction{ActionKind::Block, last->at, "implicit deny of ACL " + last->acl};
    return Stage{policy_.add_list(std::move(top)), std::move(description)};
  }

  Stage verdict_stage(std::string list_name, ActionKind kind, const SourceLocation& at,
                      std::string description) {
    RuleList list;
    list.name = std::move(list_name);
    list.default_action = DefaultAction{kind, at, description};
    return Stage{policy_.add_list(std::move(list)), std::move(description)};
  }

  void add_path(const Interface& in, const Interface& out) {
    Path path;
    path.in_interface = in.nameif;
    path.out_interface = out.nameif;
    path.name = in.nameif + " -> " + out.nameif;

    const AccessGroup* in_acl = bindings_.in.count(&in) ? bindings_.in.at(&in) : nullptr;
    const AccessGroup* out_acl = bindings_.out.count(&out) ? bindings_.out.at(&out) : nullptr;
    int in_level = in.effective_security_level(), out_level = out.effective_security_level();
    bool hairpin = &in == &out;
    bool same_level = hairpin || in_level == out_level;
    const std::optional<SourceLocation>& permit = hairpin ? config_.same_security_intra
                                                          : config_.same_security_inter;
    std::string levels = in.nameif + " (" + std::to_string(in_level) + ") and " + out.nameif + " (" +
                         std::to_string(out_level) + ")";
    std::string same_case = hairpin ? "traffic back out of " + in.nameif
                                    : "same security level " + std::to_string(in_level) + " on " + levels;
    std::string same_command = hairpin ? "same-security-traffic permit intra-interface"
                                       : "same-security-traffic permit inter-interface";
    std::string same_text = same_case + " needs " + same_command;

    // (1) ingress: interface ACL, then the global ACL; security levels only
    // when neither exists.
    std::vector<const AccessGroup*> ingress;
    if (in_acl) ingress.push_back(in_acl);
    if (bindings_.global) ingress.push_back(bindings_.global);
    if (!ingress.empty()) {
      std::string desc = in_acl ? "ingress ACL " + in_acl->acl + " on " + in.nameif : "";
      if (bindings_.global) desc += (desc.empty() ? "" : ", then ") + std::string("global ACL ") + bindings_.global->acl;
      path.stages.push_back(acl_stage(path.name + " ingress", ingress, desc));
      // An ACL never lifts the same-security restriction.
      if (same_level && !permit)
        path.stages.push_back(verdict_stage(path.name + " same-security", ActionKind::Block,
                                            in.security_level_location(), same_text));
    } else if (same_level) {
      if (permit)
        path.stages.push_back(verdict_stage(path.name + " security-level", ActionKind::Allow, *permit,
                                            same_case + " allowed by " + same_command));
      else
        path.stages.push_back(verdict_stage(path.name + " security-level", ActionKind::Block,
                                            in.security_level_location(), same_text));
    } else if (in_level > out_level) {
      path.stages.push_back(verdict_stage(path.name + " security-level", ActionKind::Allow,
                                          in.security_level_location(),
                                          "security level " + std::to_string(in_level) + " > " +
                                              std::to_string(out_level) + " (" + levels +
                                              ", no ACL applied)"));
    } else {
      path.stages.push_back(verdict_stage(path.name + " security-level", ActionKind::Block,
                                          in.security_level_location(),
                                          "security level " + std::to_string(in_level) + " < " +
                                              std::to_string(out_level) + " (" + levels +
                                              ") and no ACL on " + in.nameif));
    }

    // (2) egress: the `out` ACL of the egress interface.
    if (out_acl)
      path.stages.push_back(acl_stage(path.name + " egress", {out_acl},
                                      "egress ACL " + out_acl->acl + " on " + out.nameif));

    set_sources(path, in);
    policy_.paths.push_back(std::move(path));
  }

  /// Clients behind `in`: its connected subnets and the networks routed
  /// through it; all addresses when none is known.
  void set_sources(Path& path, const Interface& in) {
    IpSet routed;
    for (const Route& r : config_.routes)
      if (iequals(r.interface, in.nameif)) routed.add(r.network);
    IpSet known = in.connected.unite(routed);
    IpSet sources;
    std::vector<std::string> parts;
    auto describe = [&](const IpSet& connected, const IpSet& via_routes) {
      if (!connected.empty()) parts.push_back("connected " + format_ipset(connected));
      if (!via_routes.empty()) parts.push_back("routed " + format_ipset(via_routes));
    };
    bool v4_unknown = known.v4.empty(), v6_unknown = options_.ipv6 && known.v6.empty();
    sources.v4 = v4_unknown ? V4Set::all() : known.v4;
    describe(IpSet{in.connected.v4, {}}, IpSet{routed.v4, {}});
    if (options_.ipv6) {
      sources.v6 = known.v6.empty() ? V6Set::all() : known.v6;
      describe(IpSet{{}, in.connected.v6}, IpSet{{}, routed.v6});
    }
    path.default_sources = std::move(sources);
    std::string text = "clients behind " + in.nameif;
    if (!parts.empty()) {
      text += ": ";
      for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
    }
    if (parts.empty()) {
      text += " (no subnet or route known: all addresses)";
    } else {
      if (v4_unknown) text += "; all IPv4 addresses (no IPv4 subnet or route known)";
      if (v6_unknown) text += "; all IPv6 addresses (no IPv6 subnet or route known)";
    }
    path.sources_description = std::move(text);
  }

  AsaConfig& config_;
  const PathOptions& options_;
  bool options_valid_ = true;
  Policy& policy_;
  DiagnosticSink& sink_;
  std::map<std::string, int> acl_lists_;
  Bindings bindings_;
};

}  // namespace

bool build_policy(AsaConfig& config, const PathOptions& options, Policy& policy, DiagnosticSink& sink) {
  PathBuilder builder(config, options, policy, sink);
  builder.run();
  return builder.options_valid();
}

}  // namespace fwlint::asa
