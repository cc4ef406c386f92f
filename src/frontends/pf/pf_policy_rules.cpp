// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/pf_policy_rules.h"

#include <algorithm>
#include <utility>

#include "frontends/pf/pf_policy_addresses.h"
#include "frontends/pf/pf_policy_ports.h"

namespace fwlint::pf {
namespace {

/// The reasons, each once, in order.
std::string joined(const std::vector<std::string>& reasons) {
  std::string out;
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    if (std::find(reasons.begin(), reasons.begin() + static_cast<std::ptrdiff_t>(i), reasons[i]) !=
        reasons.begin() + static_cast<std::ptrdiff_t>(i))
      continue;
    out += (out.empty() ? "" : "; ") + reasons[i];
  }
  return out;
}

/// The interface part of one adjacent rule.
struct InterfaceVariant {
  std::uint8_t ways = kWayBoth;
  std::string in;
  std::string out;
  bool in_negated = false;
  bool out_negated = false;
  std::string unknown_reason;
};

/// `on IF` constrains the interface a packet crosses: the ingress one for
/// `in`, the egress one for `out`; a rule without a direction stands for
/// both halves.
std::vector<InterfaceVariant> interface_variants(const PfRule& rule, const InterfaceNames& names) {
  std::uint8_t ways = packet_ways(rule.direction);
  if (rule.interfaces.empty()) return {InterfaceVariant{ways, {}, {}, false, false, {}}};
  std::vector<InterfaceVariant> out;
  for (const PfInterface& item : rule.interfaces) {
    std::string pattern = item.name;
    bool negated = item.negated;
    std::string reason;
    if (!names.membership_known(pattern) && names.any_pinned()) {
      // A pinned interface may or may not be in this group: the rule then
      // may apply on any interface.
      reason = "on " + std::string(negated ? "! " : "") + pattern +
               ": an interface group whose members are not in pf.conf";
      pattern.clear();
      negated = false;
    }
    if (ways & kWayIn) out.push_back(InterfaceVariant{kWayIn, pattern, {}, negated, false, reason});
    if (ways & kWayOut) out.push_back(InterfaceVariant{kWayOut, {}, pattern, false, negated, reason});
  }
  return out;
}

/// The protocol and state part of one adjacent rule.
struct StateVariant {
  ProtocolSet protocols;
  std::uint8_t states = kStateAll;
  std::string unknown_reason;
};

/// pf applies `flags` to TCP packets only: TCP gets the states the flags
/// admit, other protocols every state.
std::vector<StateVariant> state_variants(const PfRule& rule, const ProtocolSet& protocols) {
  std::optional<std::string> flags = effective_flags(rule);
  ProtocolSet tcp = protocols.intersect(ProtocolSet::single(kProtoTcp));
  if (!flags || tcp.empty()) return {StateVariant{protocols, kStateAll, {}}};
  std::optional<TcpFlagStates> admitted = tcp_flag_states(*flags);
  if (!admitted) return {StateVariant{protocols, kStateAll, "flags " + *flags + " are not understood"}};
  std::vector<StateVariant> out;
  ProtocolSet others = protocols.subtract(tcp);
  if (!others.empty()) out.push_back(StateVariant{others, kStateAll, {}});
  out.push_back(StateVariant{
      tcp, admitted->states,
      admitted->partial ? "flags " + *flags + " admit only some packets of a connection" : std::string()});
  return out;
}

bool filters_on_source(const PfRule& rule) {
  if (!rule.from.ports.empty()) return true;
  return std::any_of(rule.from.addresses.begin(), rule.from.addresses.end(),
                     [](const PfAddress& a) { return a.kind != PfAddress::Kind::Any || a.negated; });
}

/// The rule without its match: what it does when it matches.
Rule base_rule(const PfRule& rule, int call_target) {
  Rule r;
  r.location = rule.location;
  r.quick = rule.quick;
  switch (rule.action) {
    case PfAction::Pass:
      r.action.kind = ActionKind::Allow;
      r.keeps_state = rule.state.value_or(PfState::Keep) != PfState::None;
      break;
    case PfAction::Block:
      r.action.kind = ActionKind::Block;
      break;
    case PfAction::Match:
      r.action.kind = ActionKind::Continue;
      break;
    case PfAction::Anchor:
      r.action = Action{ActionKind::Call, call_target};
      break;
  }
  return r;
}

/// A statement the reader could not read: it may pass or block anything,
/// in the direction and with the `quick` its words suggest. An anchor whose
/// rules are known is called on an unknown match instead.
void append_unreadable(const PfRule& rule, int call_target, std::vector<Rule>& out) {
  Match m;
  m.ways = packet_ways(rule.direction);
  m.unknown = true;
  m.unknown_reason =
      rule.unmodeled_matches.empty() ? "the rule could not be read" : joined(rule.unmodeled_matches);
  Rule r = base_rule(rule, call_target);
  r.match = std::move(m);
  if (rule.action == PfAction::Match || (rule.action == PfAction::Anchor && call_target >= 0)) {
    // A match rule neither passes nor blocks.
    out.push_back(std::move(r));
    return;
  }
  append_any_outcome(r.match, rule.location, rule.quick, out);
}

/// The parts of a rule's match shared by all its adjacent rules.
struct CommonMatch {
  ProtocolSet protocols;
  PortSet src_ports;
  PortSet dst_ports;
  std::vector<SideAlternative> sources;
  std::vector<SideAlternative> destinations;
  std::vector<std::string> unknown_reasons;
  /// Any outcome is possible for what the rule matches: it stands for an
  /// unknown quick Allow and Block pair.
  bool any_outcome = false;
};

CommonMatch common_match(const PfRule& rule, const RuleContext& ctx) {
  CommonMatch c;
  c.unknown_reasons = rule.unmodeled_matches;
  ProtocolResolution protocols = resolve_protocols(rule.protocols);
  for (const std::string& name : protocols.unknown)
    c.unknown_reasons.push_back("protocol " + name + " is not known");
  c.protocols = protocols.unknown.empty() ? protocols.protocols : ProtocolSet::all();
  c.src_ports = port_list_set(rule.from.ports);
  c.dst_ports = port_list_set(rule.to.ports);
  if (!rule.from.ports.empty() || !rule.to.ports.empty()) {
    // pf compares ports of TCP and UDP packets only.
    c.protocols = c.protocols.intersect(ProtocolSet::single(kProtoTcp).unite(ProtocolSet::single(kProtoUdp)));
  }
  // A redirected connection goes where the redirection sends it; a match
  // rule that redirects, or a `match quick` that ends evaluation early,
  // leaves any outcome possible for what it matches.
  if (std::string redirect = redirect_option(rule); !redirect.empty() && rule.action != PfAction::Block) {
    c.unknown_reasons.push_back(redirect +
                                " sends the connection elsewhere; whether it reaches its destination depends "
                                "on what receives it");
    c.any_outcome = rule.action == PfAction::Match;
  }
  if (rule.action == PfAction::Match && rule.quick) {
    c.unknown_reasons.push_back("match quick ends evaluation with the decision made so far");
    c.any_outcome = true;
  }
  c.sources = resolve_side(rule.from.addresses, rule.family, Side::Source, ctx.tables, rule.location);
  c.destinations = resolve_side(rule.to.addresses, rule.family, Side::Destination, ctx.tables, rule.location);
  return c;
}

/// Why the source `rule` filters on is not the one it sees: an earlier
/// source translation for packets crossing the way `iface` does. Adds the
/// translations that count to `used`.
std::vector<std::string> translation_reasons(const PfRule& rule, const InterfaceVariant& iface,
                                             const RuleContext& ctx, std::vector<SourceTranslation>& used) {
  std::vector<std::string> reasons;
  if (!filters_on_source(rule)) return reasons;
  for (const SourceTranslation& t : ctx.translations) {
    if (!(t.ways & iface.ways)) continue;
    reasons.push_back("the source was translated by line " + std::to_string(t.location.line) + " (" + t.what +
                      "); the translated address is not in pf.conf");
    if (std::find(used.begin(), used.end(), t) == used.end()) used.push_back(t);
  }
  return reasons;
}

/// One adjacent rule's match; `reasons` are why it is unknown (if at all).
Match variant_match(const CommonMatch& c, const InterfaceVariant& iface, const StateVariant& state,
                    const SideAlternative& src, const SideAlternative& dst,
                    std::vector<std::string> reasons) {
  for (const std::string* r :
       {&iface.unknown_reason, &state.unknown_reason, &src.unknown_reason, &dst.unknown_reason})
    if (!r->empty()) reasons.push_back(*r);
  Match m;
  m.protocols = state.protocols;
  m.states = state.states;
  m.src_ports = c.src_ports;
  m.dst_ports = c.dst_ports;
  m.src = src.match;
  m.dst = dst.match;
  m.ways = iface.ways;
  m.in_interface = iface.in;
  m.out_interface = iface.out;
  m.in_interface_negated = iface.in_negated;
  m.out_interface_negated = iface.out_negated;
  m.unknown = !reasons.empty();
  m.unknown_reason = joined(reasons);
  return m;
}

}  // namespace

void append_any_outcome(const Match& match, const SourceLocation& location, bool quick,
                        std::vector<Rule>& out) {
  Rule allow;
  allow.match = match;
  allow.match.unknown = true;
  allow.action.kind = ActionKind::Allow;
  allow.keeps_state = true;  // pf's default for pass rules; it counts only where the allow is certain
  allow.quick = quick;
  allow.location = location;
  Rule block = allow;
  block.action.kind = ActionKind::Block;
  block.keeps_state = false;
  out.push_back(std::move(allow));
  out.push_back(std::move(block));
}

std::vector<SourceTranslation> expand_rule(const PfRule& rule, const RuleContext& ctx, int call_target,
                                           std::vector<Rule>& out) {
  std::vector<SourceTranslation> used;
  if (rule.unreadable) {
    append_unreadable(rule, call_target, out);
    return used;
  }
  const Rule base = base_rule(rule, call_target);
  const CommonMatch common = common_match(rule, ctx);
  for (const InterfaceVariant& iface : interface_variants(rule, ctx.interfaces)) {
    std::vector<std::string> reasons = common.unknown_reasons;
    for (std::string& r : translation_reasons(rule, iface, ctx, used)) reasons.push_back(std::move(r));
    for (const StateVariant& state : state_variants(rule, common.protocols)) {
      for (const SideAlternative& src : common.sources) {
        for (const SideAlternative& dst : common.destinations) {
          Rule r = base;
          r.match = variant_match(common, iface, state, src, dst, reasons);
          if (common.any_outcome)
            append_any_outcome(r.match, rule.location, true, out);
          else
            out.push_back(std::move(r));
        }
      }
    }
  }
  return used;
}

}  // namespace fwlint::pf
