// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/rule_options.h"

#include <string>

namespace fwlint::pf {
namespace {

/// Options that keep a packet from matching for reasons outside the model
/// (the packet's owner, tags set by other rules, ICMP types, TOS bits,
/// chance, rate, fragments, the interface it arrived on).
bool narrows_match(PfParser::RuleOptionContext* option) {
  return dynamic_cast<PfParser::OptUserContext*>(option) ||
         dynamic_cast<PfParser::OptGroupContext*>(option) ||
         dynamic_cast<PfParser::OptIcmpTypeContext*>(option) ||
         dynamic_cast<PfParser::OptTosContext*>(option) ||
         dynamic_cast<PfParser::OptFragmentContext*>(option) ||
         dynamic_cast<PfParser::OptTaggedContext*>(option) ||
         dynamic_cast<PfParser::OptProbabilityContext*>(option) ||
         dynamic_cast<PfParser::OptPrioContext*>(option) || dynamic_cast<PfParser::OptOnceContext*>(option) ||
         dynamic_cast<PfParser::OptMaxPktRateContext*>(option) ||
         dynamic_cast<PfParser::OptReceivedOnContext*>(option);
}

PfState state_kind(PfParser::StateSpecContext* spec) {
  if (spec->NO()) return PfState::None;
  if (spec->MODULATE()) return PfState::Modulate;
  if (spec->SYNPROXY()) return PfState::Synproxy;
  return PfState::Keep;
}

/// "S/SA", "/SFRAW", "any": the flags without the blanks the scanner kept.
std::string flags_text(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

void read_rule_option(PfParser::RuleOptionContext* option, const StatementSite& site, PfRule& rule) {
  std::string text(site.text(option));
  if (auto* flags = dynamic_cast<PfParser::OptFlagsContext*>(option)) {
    rule.flags = flags_text(site.text(flags->flagSpec()));
    return;
  }
  if (auto* state = dynamic_cast<PfParser::OptStateContext*>(option)) {
    rule.state = state_kind(state->stateSpec());
    // State options (limits, timeouts, overload tables) do not change what
    // the rule matches; keep them for reports when there are any.
    if (state->stateSpec()->LPAREN()) rule.options.push_back(std::move(text));
    return;
  }
  if (dynamic_cast<PfParser::OptTranslateContext*>(option) || dynamic_cast<PfParser::OptAfToContext*>(option))
    rule.translates = true;
  if (narrows_match(option)) rule.unmodeled_matches.push_back(text);
  rule.options.push_back(std::move(text));
}

void read_route_option(PfParser::RouteOptionContext* option, const StatementSite& site, PfRule& rule) {
  rule.options.emplace_back(site.text(option));
}

}  // namespace fwlint::pf
