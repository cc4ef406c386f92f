// SPDX-License-Identifier: Apache-2.0
/// \file
/// The dialect-neutral evaluator: partitions a packet space into allowed,
/// blocked and unknown pieces, each with the rules that decided it.
#pragma once

#include <string>
#include <vector>

#include "fwlint/analysis/packet_space.h"
#include "fwlint/model/policy.h"

namespace fwlint {

enum class Verdict : std::uint8_t { Allowed, Blocked, Unknown };

const char* verdict_name(Verdict v);

/// A line that decided (part of) a verdict.
struct Decider {
  SourceLocation location;
  std::string description;  ///< "deny rule", "implicit deny of ACL x", "unknown match: time-range"
  friend bool operator==(const Decider&, const Decider&) = default;
};

struct Piece {
  Cube cube;
  Verdict verdict = Verdict::Unknown;
  std::vector<Decider> decided_by;
  /// evaluate_list: allowed by a rule (or default) that keeps state.
  /// evaluate_path: bit i set when stage i allowed it that way.
  std::uint32_t stateful_stages = 0;
};

/// Evaluates one rule list from its top (a stage): every point of `space`
/// ends in exactly one returned piece. `list` must have a default action.
std::vector<Piece> evaluate_list(const Policy& policy, int list, const Cube& space,
                                 const EvalContext& ctx);

/// Evaluates every stage of `path` in order: a packet is allowed only when
/// each stage allows it; blocked when any stage certainly blocks it.
std::vector<Piece> evaluate_path(const Policy& policy, const Path& path, const Cube& space,
                                 const EvalContext& ctx);

/// Evaluates the replies to the requests in `requests` (given in request
/// coordinates: source = client, destination = server) through the
/// path's reply stages, as ESTABLISHED packets. A reply stage whose
/// Stage::state_from is in `stateful_stages` (Piece::stateful_stages of the
/// requests) passes them on that state. Every point is Allowed when the path
/// has no reply stages (the device passes replies itself).
std::vector<Piece> evaluate_replies(const Policy& policy, const Path& path, const Cube& requests,
                                    const EvalContext& ctx, std::uint32_t stateful_stages = 0);

}  // namespace fwlint
