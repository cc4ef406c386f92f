// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers for the ASA frontend tests: parse inline config text, find
/// lists, rules and diagnostics, and ask the evaluator what happens to one
/// packet shape on a path.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "frontends/asa/asa_frontend.h"
#include "fwlint/analysis/evaluator.h"
#include "fwlint/analysis/findings.h"
#include "frontends/frontend_test_util.h"

namespace fwlint::asa::test {

inline ParseResult parse(const std::string& text, const PathOptions& options = {}) {
  return AsaFrontend().parse("test.cfg", text, options);
}

/// A minimal ASA running-config header with inside (100) and outside (0).
inline std::string two_interfaces() {
  return "ASA Version 9.8(4)\n"
         "interface GigabitEthernet0/0\n"
         " nameif outside\n"
         " security-level 0\n"
         " ip address 198.51.100.2 255.255.255.0\n"
         "interface GigabitEthernet0/1\n"
         " nameif inside\n"
         " security-level 100\n"
         " ip address 10.0.0.1 255.255.255.0\n";
}

using fwlint::test::count;
using fwlint::test::diagnostics;
using fwlint::test::dump_diagnostics;

inline const RuleList* list(const ParseResult& r, const std::string& name) {
  for (const auto& l : r.policy.lists)
    if (l.name == name) return &l;
  return nullptr;
}

inline const Path* path(const ParseResult& r, const std::string& name) {
  for (const auto& p : r.policy.paths)
    if (p.name == name) return &p;
  return nullptr;
}

inline IpSet cidr(const std::string& text) { return *parse_cidr(text); }

inline PortSet ports(std::initializer_list<std::pair<int, int>> ranges) {
  PortSet s;
  for (auto [lo, hi] : ranges) s.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
  return s;
}

inline ProtocolSet proto(int p) { return ProtocolSet::single(static_cast<std::uint8_t>(p)); }

/// Verdicts the evaluator gives to `protocol`/`port` from the path's default
/// sources to the address `destination` (all pieces together).
inline std::set<Verdict> verdicts(const ParseResult& r, const Path& p, int protocol, int port,
                                  const std::string& destination = "93.184.216.34") {
  Cube cube;
  cube.protocols = proto(protocol);
  cube.src_ports = PortSet::all();
  cube.dst_ports = PortSet::single(static_cast<std::uint16_t>(port));
  cube.src = p.default_sources;
  cube.dst_addresses = cidr(destination);
  cube.states = kStateNew;
  EvalContext ctx;
  ctx.in_interface = p.in_interface;
  ctx.out_interface = p.out_interface;
  std::set<Verdict> out;
  for (const Piece& piece : evaluate_path(r.policy, p, cube, ctx)) out.insert(piece.verdict);
  return out;
}

inline std::set<Verdict> only(Verdict v) { return {v}; }

}  // namespace fwlint::asa::test
