// SPDX-License-Identifier: Apache-2.0
/// \file
/// What the Windows Firewall readers produce: profile settings and rules as
/// the input states them, before any semantics. Every form (Group Policy
/// report XML, RSoP XML, registry.pol, .reg export, a text file of rule
/// strings) is read into this one model, so the policy builder gives all of
/// them the same meaning (MS-GPFAS rule string semantics).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint::windows {

/// The three network profiles, in the order of WfInput::profiles.
enum ProfileIndex : std::uint8_t { kDomainProfile = 0, kPrivateProfile = 1, kPublicProfile = 2 };
inline constexpr std::array<const char*, 3> kProfileNames = {"Domain", "Private", "Public"};

/// One `Key=Value` token of a rule string, or one child element of a rule
/// in a report (`<q2:RPort>443</q2:RPort>` is key "RPort", value "443").
struct WfField {
  std::string key;    ///< token name exactly as written ("RPort", "RPort2_10", "RA4", "App")
  std::string value;  ///< the value, surrounding blanks trimmed, XML entities/.reg escapes decoded
  /// Its text is empty when the field is on its rule's line (a rule
  /// string): the rule's location holds that line; see field_location().
  SourceLocation location;
};

/// One firewall rule as written.
struct WfRule {
  SourceLocation location;  ///< the rule: its line (rule string) or its element (report)
  std::string id;           ///< registry value name (rule id) when the form keeps it, else ""
  std::string version;      ///< "2.20" without the leading "v"; "" when absent
  /// Report only: the direction of the container element ("In" for
  /// InboundFirewallRules, "Out" for OutboundFirewallRules); "" otherwise.
  std::string container_direction;
  std::string origin;  ///< the GPO the rule comes from when the input names it, else ""
  /// Every token except the version, in input order. Repeated keys repeat.
  std::vector<WfField> fields;
  /// Non-empty when the reader could not read the whole rule (a token
  /// without '=', a missing version prefix…): the rule may mean more than
  /// its fields say. The reader has already reported the problem.
  std::string unreadable;
};

/// The location of `field` of `rule`, with the text of its line.
inline SourceLocation field_location(const WfRule& rule, const WfField& field) {
  SourceLocation loc = field.location;
  if (loc.text.empty() && loc.line == rule.location.line) loc.text = rule.location.text;
  return loc;
}

/// One value of a profile setting (`EnableFirewall`, `DefaultOutboundAction`,
/// `DefaultInboundAction`, `AllowLocalPolicyMerge`, …).
struct WfSetting {
  std::string name;           ///< as in the registry and the report
  std::uint32_t value = 0;    ///< report "true" = 1, "false" = 0; registry DWORD as is
  bool readable = true;       ///< false: the value was neither a boolean nor a number
  std::string raw;            ///< the value as written
  SourceLocation location;
  std::string origin;  ///< the GPO that sets it when the input names it, else ""
};

struct WfProfileSettings {
  /// In input order; several GPOs of one report may set the same name.
  std::vector<WfSetting> settings;
};

struct WfInput {
  /// Which form was read: "Group Policy report", "RSoP report",
  /// "registry.pol", ".reg export", "rule strings".
  std::string form;
  /// True when the settings come from the local store
  /// (HKLM\SYSTEM\…\FirewallPolicy) rather than from Group Policy.
  bool local_store = false;
  std::array<WfProfileSettings, 3> profiles;  ///< by ProfileIndex
  /// Legacy "Standard Profile" settings (Administrative Templates or the
  /// StandardProfile key): they apply to Private and Public when neither of
  /// those profiles is configured itself (MS-GPFAS 2.2.3).
  WfProfileSettings standard_profile;
  std::vector<WfRule> rules;  ///< inbound and outbound, in input order
  /// Names of the GPOs the input contains (reports), for the output.
  std::vector<std::string> gpo_names;
};

}  // namespace fwlint::windows
