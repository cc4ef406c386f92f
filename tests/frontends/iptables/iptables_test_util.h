// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers for the iptables frontend tests: parse inline dumps, find
/// chains, rules and diagnostics, and ask the evaluator about one packet.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "frontends/iptables/iptables_frontend.h"
#include "fwlint/analysis/evaluator.h"
#include "fwlint/analysis/findings.h"
#include "frontends/frontend_test_util.h"

namespace fwlint::iptables::test {

inline constexpr const char* kHostPath = "host (OUTPUT, replies INPUT)";
inline constexpr const char* kGatewayPath = "gateway (FORWARD)";

inline PathOptions mode(PathMode m) {
  PathOptions o;
  o.mode = m;
  return o;
}

/// Host mode unless told otherwise: most tests look at OUTPUT rules, and
/// `filter()` has an empty DROP FORWARD, which --mode auto would note.
inline ParseResult parse(const std::string& text, const PathOptions& options = mode(PathMode::Host)) {
  return IptablesFrontend().parse("test.rules", text, options);
}

/// A filter table with the given policies and rules (one per line).
inline std::string filter(const std::string& rules, const std::string& output_policy = "DROP",
                          const std::string& extra_chains = "") {
  return "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT " + output_policy + " [0:0]\n" +
         extra_chains + rules + "COMMIT\n";
}

using fwlint::test::count;
using fwlint::test::diagnostics;
using fwlint::test::dump_diagnostics;

inline const Path* path(const ParseResult& r, const std::string& name) {
  for (const auto& p : r.policy.paths)
    if (p.name == name) return &p;
  return nullptr;
}

/// The list a path's first stage starts in (the paths share the lists).
inline const RuleList* stage_list(const ParseResult& r, const std::string& path_name = kHostPath) {
  const Path* p = path(r, path_name);
  if (p == nullptr || p->stages.empty()) return nullptr;
  return &r.policy.lists[static_cast<std::size_t>(p->stages[0].list)];
}

/// The first rule of OUTPUT on the host path.
inline const Rule* first_output_rule(const ParseResult& r) {
  const RuleList* l = stage_list(r);
  if (l == nullptr || l->rules.empty()) return nullptr;
  return &l->rules.front();
}

inline IpSet cidr(const std::string& text) { return *parse_cidr(text); }

inline PortSet ports(std::initializer_list<std::pair<int, int>> ranges) {
  PortSet s;
  for (auto [lo, hi] : ranges) s.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
  return s;
}

inline ProtocolSet proto(int p) { return ProtocolSet::single(static_cast<std::uint8_t>(p)); }

/// New connections of `protocol`/`port` from the path's default sources to
/// `destination`.
inline Cube requests(const Path& p, int protocol, int port, const std::string& destination) {
  Cube cube;
  cube.protocols = proto(protocol);
  cube.src_ports = PortSet::all();
  cube.dst_ports = PortSet::single(static_cast<std::uint16_t>(port));
  cube.src = p.default_sources;
  cube.dst_addresses = cidr(destination);
  cube.states = kStateNew;
  return cube;
}

inline std::set<Verdict> verdicts_of(const std::vector<Piece>& pieces) {
  std::set<Verdict> out;
  for (const Piece& piece : pieces) out.insert(piece.verdict);
  return out;
}

/// Verdicts for new connections of `protocol`/`port` to `destination` on a
/// path (the request direction; the path sets interfaces and types).
inline std::set<Verdict> verdicts(const ParseResult& r, const std::string& path_name, int protocol, int port,
                                  const std::string& destination = "93.184.216.34") {
  const Path* p = path(r, path_name);
  if (p == nullptr) return {};
  return verdicts_of(evaluate_path(r.policy, *p, requests(*p, protocol, port, destination), EvalContext{}));
}

/// Verdicts for the replies to those connections, through the path's reply stages.
inline std::set<Verdict> reply_verdicts(const ParseResult& r, const std::string& path_name, int protocol,
                                        int port, const std::string& destination = "93.184.216.34") {
  const Path* p = path(r, path_name);
  if (p == nullptr) return {};
  return verdicts_of(
      evaluate_replies(r.policy, *p, requests(*p, protocol, port, destination), EvalContext{}));
}

inline std::set<Verdict> only(Verdict v) { return {v}; }

inline std::set<Verdict> host(const ParseResult& r, int protocol, int port) {
  return verdicts(r, kHostPath, protocol, port);
}

}  // namespace fwlint::iptables::test
