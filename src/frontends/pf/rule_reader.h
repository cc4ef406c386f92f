// SPDX-License-Identifier: Apache-2.0
/// \file
/// Filter rules (pass, block, match), anchor calls and the pass part of
/// legacy translation rules, from the parse tree into PfRule: the head
/// (action, direction, log, quick, interfaces, family, protocols) here, the
/// addresses and ports in EndpointReader, the options in rule_options.
#pragma once

#include <string>
#include <vector>

#include "frontends/pf/endpoint_reader.h"
#include "frontends/pf/rule_model.h"
#include "frontends/pf/statement_site.h"

namespace fwlint::pf {

/// The interfaces of `on …` or `set skip on …`, nested lists flattened.
std::vector<PfParser::InterfaceItemContext*> interface_items(PfParser::InterfaceListContext* list);

class RuleReader {
 public:
  explicit RuleReader(const StatementSite& site) : site_(site), endpoints_(site) {}

  /// pass / block / match. `block_policy` is the style of a `block` that
  /// names none ("drop" or "return", from `set block-policy`). False when a
  /// part could not be read (reported): the rule is then unreadable.
  bool read_filter_rule(PfParser::FilterRuleContext* ctx, const std::string& block_policy, PfRule& rule);
  /// `anchor [name] …`: the rule without its anchor; `name` as written
  /// ("" when the anchor has none).
  bool read_anchor_rule(PfParser::AnchorRuleContext* ctx, PfRule& rule, std::string& name);
  /// `nat pass …`, `rdr pass …`, `binat pass …` (before pf 4.7): matching
  /// packets are translated and pass without the filter rules, which is a
  /// quick pass where translation happens (out for nat, in for rdr).
  bool read_legacy_pass(PfParser::LegacyTranslationContext* ctx, PfRule& rule);

 private:
  template <typename Context>
  bool read_head_and_hosts(Context* ctx, PfRule& rule);
  void read_interfaces(PfParser::InterfaceSpecContext* spec, PfRule& rule);
  void read_protocols(PfParser::ProtoSpecContext* spec, PfRule& rule);

  const StatementSite& site_;
  EndpointReader endpoints_;
};

}  // namespace fwlint::pf
