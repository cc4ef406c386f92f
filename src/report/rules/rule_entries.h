// SPDX-License-Identifier: Apache-2.0
/// \file
/// One function per finding id, each in its own file of src/report/rules/,
/// returning the id's catalogue entry; rule_catalog.cpp lists them in order.
#pragma once

#include "fwlint/report/rule_catalog.h"

namespace fwlint::rule_entries {

RuleInfo fwl001_required_port_blocked();
RuleInfo fwl002_required_domain_not_covered();
RuleInfo fwl003_sdk_needs_cloud_proxy();
RuleInfo fwl004_result_unknown();
RuleInfo fwl005_return_traffic_blocked();
RuleInfo fwl101_unrecognized_line();
RuleInfo fwl102_undefined_reference();
RuleInfo fwl103_duplicate_definition();
RuleInfo fwl104_reference_cycle();
RuleInfo fwl105_unsupported_construct();
RuleInfo fwl106_unreadable_input();
RuleInfo fwl107_invalid_pack();
RuleInfo fwl108_partial_policy();
RuleInfo fwl109_firewall_disabled();
RuleInfo fwl110_invalid_config();
RuleInfo fwl111_invalid_suppression();
RuleInfo fwl112_unused_suppression();

}  // namespace fwlint::rule_entries
