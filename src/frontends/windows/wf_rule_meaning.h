// SPDX-License-Identifier: Apache-2.0
/// \file
/// What one Windows Firewall rule means for outbound traffic of a program:
/// its action, direction, profiles and the packets it matches, split into
/// the part Windows certainly matches and the part only the computer's run
/// time state decides (address and port keywords, program scopes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "frontends/windows/wf_input.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/policy.h"

namespace fwlint::windows {

/// The program the check is about (`--app`, `--service`); empty app = any
/// program, so rules scoped to one are conditional.
struct ProgramScope {
  std::string app;      ///< full path of the program, Windows spelling
  std::string service;  ///< short name of the service the program runs as; "" = not a service
};

enum class RuleAction : std::uint8_t { Allow, Block, Bypass, Unknown };

/// Profile bits: 1 Domain, 2 Private, 4 Public (FW_PROFILE_TYPE).
inline constexpr std::uint8_t kAllProfileBits = 7;
inline std::uint8_t profile_bit(ProfileIndex p) { return static_cast<std::uint8_t>(1u << p); }

struct RuleMeaning {
  RuleAction action = RuleAction::Unknown;
  /// Whether the rule filters outbound traffic: yes, no, or unknown (no or
  /// a bad Dir) — an unknown direction keeps the rule as a maybe.
  std::optional<bool> outbound;
  /// Whether Windows enforces the rule; nullopt = cannot tell.
  std::optional<bool> active;
  std::uint8_t profiles = kAllProfileBits;
  /// The rule never matches traffic of the program checked (scoped to
  /// another program, IPsec-only, ICMP-only…); `never_reason` says why.
  bool never = false;
  std::string never_reason;
  /// Matches for the outbound packet (source = this computer). `certain`
  /// is empty when no part is certain; `uncertain` holds what may match.
  std::optional<Match> certain;
  std::optional<Match> uncertain;
};

/// Interprets `rule`; reports problems of its fields as diagnostics.
RuleMeaning interpret_rule(const WfRule& rule, const ProgramScope& scope, Diagnostics& diags);

}  // namespace fwlint::windows
