// SPDX-License-Identifier: Apache-2.0
/// \file
/// Small builders shared by the evaluator's path and reply tests: rules at
/// a line, requests from 192.168.1.0/24 to .agora.io, the matching context.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fwlint/analysis/evaluator.h"

namespace fwlint::test {

inline Rule rule_at(ActionKind kind, std::uint32_t line, std::uint8_t ways = kWayBoth) {
  Rule r;
  r.action.kind = kind;
  r.match.ways = ways;
  r.location = SourceLocation{line, 1, 0, "line " + std::to_string(line)};
  return r;
}

/// Requests from 192.168.1.0/24, any source port, to .agora.io on `port`.
inline Cube requests_to_agora(std::uint8_t protocol, std::uint16_t port) {
  Cube c;
  c.protocols = ProtocolSet::single(protocol);
  c.src_ports = PortSet::all();
  c.dst_ports = PortSet::single(port);
  c.src = *parse_cidr("192.168.1.0/24");
  c.dst_atoms = AtomSet::single(0);
  c.states = kStateNew;
  return c;
}

inline EvalContext agora_context() {
  EvalContext ctx;
  ctx.domains = {*DomainName::parse(".agora.io")};
  return ctx;
}

inline Verdict only_verdict(const std::vector<Piece>& pieces) {
  EXPECT_EQ(pieces.size(), 1u);
  return pieces.empty() ? Verdict::Unknown : pieces[0].verdict;
}

}  // namespace fwlint::test
