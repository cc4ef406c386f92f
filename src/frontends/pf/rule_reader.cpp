// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/rule_reader.h"

#include "frontends/pf/list_items.h"
#include "frontends/pf/rule_options.h"

namespace fwlint::pf {

std::vector<PfParser::InterfaceItemContext*> interface_items(PfParser::InterfaceListContext* list) {
  return list_items(
      list, [](PfParser::InterfaceListContext* l) { return l->interfaceItem(); },
      [](PfParser::InterfaceListContext* l) { return l->interfaceList(); });
}

template <typename Context>
bool RuleReader::read_head_and_hosts(Context* ctx, PfRule& rule) {
  if constexpr (requires { ctx->direction(); }) {
    if (auto* direction = ctx->direction())
      rule.direction = direction->IN() ? PfDirection::In : PfDirection::Out;
  }
  for (auto* item : ctx->logQuick()) {
    if (dynamic_cast<PfParser::QuickSpecContext*>(item))
      rule.quick = true;
    else
      rule.log = true;
  }
  read_interfaces(ctx->interfaceSpec(), rule);
  if (auto* family = ctx->family()) rule.family = family->INET() ? 4 : 6;
  read_protocols(ctx->protoSpec(), rule);
  return endpoints_.read_hosts(ctx->hosts(), rule);
}

void RuleReader::read_interfaces(PfParser::InterfaceSpecContext* spec, PfRule& rule) {
  if (spec == nullptr) return;
  if (auto* rdomain = dynamic_cast<PfParser::OnRdomainContext*>(spec)) {
    // Routing domains are outside the model: the rule matches some packets.
    std::string text(site_.text(rdomain));
    rule.options.push_back(text);
    rule.unmodeled_matches.push_back(text);
    return;
  }
  auto* list = dynamic_cast<PfParser::OnInterfacesContext*>(spec)->interfaceList();
  for (auto* item : interface_items(list))
    rule.interfaces.push_back(PfInterface{site_.value(item->interfaceName()), item->NOT() != nullptr});
}

void RuleReader::read_protocols(PfParser::ProtoSpecContext* spec, PfRule& rule) {
  if (spec == nullptr) return;
  auto items = list_items(
      spec->protoList(), [](PfParser::ProtoListContext* l) { return l->protoItem(); },
      [](PfParser::ProtoListContext* l) { return l->protoList(); });
  for (auto* item : items) rule.protocols.push_back(site_.value(item));
}

bool RuleReader::read_filter_rule(PfParser::FilterRuleContext* ctx, const std::string& block_policy,
                                  PfRule& rule) {
  PfParser::ActionContext* action = ctx->action();
  if (dynamic_cast<PfParser::ActionPassContext*>(action)) {
    rule.action = PfAction::Pass;
  } else if (dynamic_cast<PfParser::ActionMatchContext*>(action)) {
    rule.action = PfAction::Match;
  } else {
    rule.action = PfAction::Block;
    auto* block = dynamic_cast<PfParser::ActionBlockContext*>(action);
    rule.block_style = block->blockStyle() ? std::string(site_.text(block->blockStyle())) : block_policy;
  }
  PfParser::RuleBodyContext* body = ctx->ruleBody();
  bool ok = read_head_and_hosts(body, rule);
  if (auto* route = body->routeOption()) read_route_option(route, site_, rule);
  for (auto* option : body->ruleOption()) read_rule_option(option, site_, rule);
  return ok;
}

bool RuleReader::read_anchor_rule(PfParser::AnchorRuleContext* ctx, PfRule& rule, std::string& name) {
  rule.action = PfAction::Anchor;
  name = ctx->anchorName() ? site_.value(ctx->anchorName()) : std::string();
  bool ok = read_head_and_hosts(ctx, rule);
  for (auto* option : ctx->ruleOption()) read_rule_option(option, site_, rule);
  return ok;
}

bool RuleReader::read_legacy_pass(PfParser::LegacyTranslationContext* ctx, PfRule& rule) {
  rule.action = PfAction::Pass;
  rule.quick = true;
  rule.translates = true;
  std::string kind(site_.text(ctx->kind));
  rule.direction = kind == "nat" ? PfDirection::Out : kind == "rdr" ? PfDirection::In : PfDirection::Both;
  rule.options.push_back(kind + " pass");
  bool ok = read_head_and_hosts(ctx, rule);
  for (auto* option : ctx->legacyOption()) {
    std::string text(site_.text(option));
    if (option->TAGGED()) rule.unmodeled_matches.push_back(text);
    rule.options.push_back(std::move(text));
  }
  return ok;
}

}  // namespace fwlint::pf
