// SPDX-License-Identifier: Apache-2.0
/// \file
/// The options after `from … to …` (pf.conf(5) "filter options"). The few
/// the model has fields for (flags, state) fill them; every option is kept
/// as written in PfRule::options, and those that narrow which packets the
/// rule matches in ways the model cannot express (user, group, tagged,
/// icmp-type, tos, probability, received-on…) also in unmodeled_matches.
#pragma once

#include "frontends/pf/rule_model.h"
#include "frontends/pf/statement_site.h"

namespace fwlint::pf {

/// Adds one option to `rule`.
void read_rule_option(PfParser::RuleOptionContext* option, const StatementSite& site, PfRule& rule);
/// A `route-to`/`reply-to`/`dup-to` written before the address family
/// (FreeBSD order): kept as an option like the others.
void read_route_option(PfParser::RouteOptionContext* option, const StatementSite& site, PfRule& rule);

}  // namespace fwlint::pf
