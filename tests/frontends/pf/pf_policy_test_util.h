// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers for the pf policy builder's tests: PfConfig values written by
/// hand (no reader involved), the Policy built from them, and the
/// evaluator's verdict for one packet or for a path.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "frontends/pf/policy_builder.h"
#include "frontends/pf/rule_model.h"
#include "fwlint/analysis/evaluator.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf::test {

/// An address item from how pf.conf writes it: "any", "10.0.0.0/8",
/// "10.0.0.1 - 10.0.0.9", "<table>", "self", "em0:network", "(em0)",
/// "no-route", "urpf-failed", or a host name; a leading "!" negates it.
inline PfAddress addr(std::string text) {
  PfAddress a;
  if (text.starts_with("!")) {
    a.negated = true;
    text.erase(0, 1);
  }
  a.text = text;
  if (text == "any") {
    a.kind = PfAddress::Kind::Any;
  } else if (text == "no-route") {
    a.kind = PfAddress::Kind::NoRoute;
  } else if (text == "urpf-failed") {
    a.kind = PfAddress::Kind::UrpfFailed;
  } else if (text.starts_with("<")) {
    a.kind = PfAddress::Kind::Table;
  } else if (text.find(" - ") != std::string::npos) {
    a.kind = PfAddress::Kind::Range;
  } else if (parse_cidr(text)) {
    a.kind = PfAddress::Kind::Cidr;
  } else if (text == "self" || text.starts_with("(") || text.find(':') != std::string::npos ||
             text.find('.') == std::string::npos) {
    a.kind = PfAddress::Kind::Interface;
    a.dynamic = text.starts_with("(");
    std::string inner = a.dynamic ? text.substr(1, text.size() - 2) : text;
    std::size_t colon = inner.find(':');
    a.interface = inner.substr(0, colon);
    if (colon != std::string::npos) a.modifier = inner.substr(colon + 1);
  } else {
    a.kind = PfAddress::Kind::Hostname;
  }
  return a;
}

inline std::vector<PfAddress> addrs(std::initializer_list<const char*> items) {
  std::vector<PfAddress> out;
  for (const char* i : items) out.push_back(addr(i));
  return out;
}

inline PfPort port_op(PfPort::Op op, int a, int b = 0) {
  PfPort p;
  p.op = op;
  p.a = static_cast<std::uint16_t>(a);
  p.b = static_cast<std::uint16_t>(b);
  return p;
}
inline PfPort port_eq(int p) { return port_op(PfPort::Op::Eq, p); }

/// A rule written the way pf.conf reads: pass().out().quick().on("em0")…
class RuleBuilder {
 public:
  explicit RuleBuilder(PfAction action) { rule_.action = action; }
  RuleBuilder& in() { return direction(PfDirection::In); }
  RuleBuilder& out() { return direction(PfDirection::Out); }
  RuleBuilder& quick() {
    rule_.quick = true;
    return *this;
  }
  RuleBuilder& on(const std::string& name, bool negated = false) {
    rule_.interfaces.push_back(PfInterface{name, negated});
    return *this;
  }
  RuleBuilder& inet() { return family(4); }
  RuleBuilder& inet6() { return family(6); }
  RuleBuilder& proto(const std::string& name) {
    rule_.protocols.push_back(name);
    return *this;
  }
  RuleBuilder& from(std::vector<PfAddress> items) {
    rule_.from.addresses = std::move(items);
    return *this;
  }
  RuleBuilder& to(std::vector<PfAddress> items) {
    rule_.to.addresses = std::move(items);
    return *this;
  }
  RuleBuilder& from_port(PfPort p) {
    rule_.from.ports.push_back(p);
    return *this;
  }
  RuleBuilder& to_port(PfPort p) {
    rule_.to.ports.push_back(p);
    return *this;
  }
  RuleBuilder& flags(const std::string& f) {
    rule_.flags = f;
    return *this;
  }
  RuleBuilder& state(PfState s) {
    rule_.state = s;
    return *this;
  }
  RuleBuilder& option(const std::string& text, bool translates = false) {
    rule_.options.push_back(text);
    rule_.translates = rule_.translates || translates;
    return *this;
  }
  RuleBuilder& unmodeled(const std::string& text) {
    rule_.unmodeled_matches.push_back(text);
    return *this;
  }
  RuleBuilder& unreadable(const std::string& why) {
    rule_.unreadable = true;
    rule_.unmodeled_matches.push_back(why);
    return *this;
  }
  RuleBuilder& anchor(std::shared_ptr<PfAnchor> a) {
    rule_.anchor = std::move(a);
    return *this;
  }
  RuleBuilder& line(std::uint32_t n, const std::string& file = "") {
    rule_.location = SourceLocation{n, 1, 0, "line " + std::to_string(n), file};
    return *this;
  }
  operator PfRule() const { return rule_; }  // NOLINT: builders read as rules

 private:
  RuleBuilder& direction(PfDirection d) {
    rule_.direction = d;
    return *this;
  }
  RuleBuilder& family(int f) {
    rule_.family = f;
    return *this;
  }
  PfRule rule_;
};

inline RuleBuilder pass() { return RuleBuilder(PfAction::Pass); }
inline RuleBuilder block() { return RuleBuilder(PfAction::Block); }
inline RuleBuilder match() { return RuleBuilder(PfAction::Match); }
inline RuleBuilder anchor_call(std::shared_ptr<PfAnchor> anchor) {
  return std::move(RuleBuilder(PfAction::Anchor).anchor(std::move(anchor)));
}

/// Gives every rule without a line the line of its position (1-based),
/// anchors' rules included (numbered on after the main ruleset).
inline void number_lines(std::vector<PfRule>& rules, std::uint32_t& next, std::set<const PfAnchor*>& seen) {
  for (PfRule& r : rules) {
    if (r.location.line == 0) r.location = SourceLocation{next, 1, 0, "line " + std::to_string(next)};
    ++next;
  }
  for (PfRule& r : rules)
    if (r.anchor && r.anchor->inline_rules && seen.insert(r.anchor.get()).second)
      number_lines(r.anchor->rules, next, seen);
}

inline PfConfig config(std::vector<PfRule> rules, std::vector<PfTable> tables = {}) {
  PfConfig c;
  c.rules = std::move(rules);
  c.tables = std::move(tables);
  std::uint32_t next = 1;
  std::set<const PfAnchor*> seen;
  number_lines(c.rules, next, seen);
  return c;
}

inline std::shared_ptr<PfAnchor> inline_anchor(const std::string& name, std::vector<PfRule> rules) {
  auto a = std::make_shared<PfAnchor>();
  a->name = name;
  a->inline_rules = true;
  a->rules = std::move(rules);
  return a;
}

inline std::shared_ptr<PfAnchor> runtime_anchor(const std::string& name) {
  auto a = std::make_shared<PfAnchor>();
  a->name = name;
  a->loaded_at_runtime = true;
  return a;
}

inline PfTable table(const std::string& name, std::vector<PfAddress> entries, bool is_const = true) {
  PfTable t;
  t.name = name;
  t.is_const = is_const;
  t.entries = std::move(entries);
  t.location = SourceLocation{100, 1, 0, "table <" + name + ">"};
  return t;
}

inline PathOptions paths(PathMode mode, std::vector<std::string> from = {}, std::string to = "") {
  PathOptions o;
  o.mode = mode;
  o.from_interfaces = std::move(from);
  o.to_interface = std::move(to);
  return o;
}

struct Built {
  Policy policy;
  Diagnostics diags;

  const Path* path(const std::string& prefix) const {
    for (const Path& p : policy.paths)
      if (p.name.starts_with(prefix)) return &p;
    return nullptr;
  }
  const RuleList& main() const { return policy.lists.front(); }
  std::size_t notes_containing(const std::string& text) const {
    std::size_t n = 0;
    for (const Diagnostic& d : diags)
      if (d.id == finding_id::kUnsupportedConstruct && d.message.find(text) != std::string::npos) ++n;
    return n;
  }
};

inline Built build(const PfConfig& c, const PathOptions& options = paths(PathMode::Gateway, {"em1"}, "em0")) {
  Built b;
  build_policy(c, options, b.policy, b.diags);
  return b;
}

/// One packet as the evaluator sees it at one crossing of the device.
struct Packet {
  int protocol = 6;
  std::string src = "192.168.1.10";
  int src_port = 40000;
  std::string dst = "93.184.216.34";
  int dst_port = 443;
  std::uint8_t way = kWayOut;
  std::string in_interface = "em1";
  std::string out_interface = "em0";
  std::uint8_t state = kStateNew;
};

inline Cube cube_of(const Packet& p) {
  Cube c;
  c.protocols = ProtocolSet::single(static_cast<std::uint8_t>(p.protocol));
  c.src_ports = PortSet::single(static_cast<std::uint16_t>(p.src_port));
  c.dst_ports = PortSet::single(static_cast<std::uint16_t>(p.dst_port));
  c.src = *parse_cidr(p.src);
  c.dst_addresses = *parse_cidr(p.dst);
  c.states = p.state;
  return c;
}

struct Decision {
  Verdict verdict = Verdict::Unknown;
  std::uint32_t line = 0;  ///< the deciding line; 0 = pf's default
};

/// The verdict of the main ruleset for `p` (a gateway's packet: both
/// interfaces known, the client a unicast address).
inline Decision decide(const Policy& policy, const Packet& p) {
  EvalContext ctx;
  ctx.way = p.way;
  ctx.in_interface = p.in_interface;
  ctx.out_interface = p.out_interface;
  ctx.unused_interfaces = {"lo", "lo0"};
  std::vector<Piece> pieces = evaluate_list(policy, 0, cube_of(p), ctx);
  EXPECT_EQ(pieces.size(), 1u);
  if (pieces.empty()) return {};
  Decision d;
  d.verdict = pieces[0].verdict;
  if (!pieces[0].decided_by.empty()) d.line = pieces[0].decided_by.front().location.line;
  return d;
}

inline Verdict verdict(const Policy& policy, const Packet& p) { return decide(policy, p).verdict; }

/// New connections of `protocol`/`port` from the path's default sources
/// (IPv4) to `destination`.
inline Cube requests(int protocol, int port, const std::string& destination = "93.184.216.34") {
  Cube cube;
  cube.protocols = ProtocolSet::single(static_cast<std::uint8_t>(protocol));
  cube.src_ports = PortSet::all();
  cube.dst_ports = PortSet::single(static_cast<std::uint16_t>(port));
  cube.src = IpSet::all_of(Family::V4);
  cube.dst_addresses = *parse_cidr(destination);
  cube.states = kStateNew;
  return cube;
}

inline std::set<Verdict> verdicts_of(const std::vector<Piece>& pieces) {
  std::set<Verdict> out;
  for (const Piece& piece : pieces) out.insert(piece.verdict);
  return out;
}

/// Verdicts for new connections through the path named `prefix…`.
inline std::set<Verdict> path_verdicts(const Built& b, const std::string& prefix, int protocol, int port,
                                       const std::string& destination = "93.184.216.34") {
  const Path* p = b.path(prefix);
  if (p == nullptr) return {};
  return verdicts_of(evaluate_path(b.policy, *p, requests(protocol, port, destination), EvalContext{}));
}

/// Verdicts for the whole exchange: requests, then the replies of what
/// they let through (riding on the state the requests made).
inline std::set<Verdict> exchange_verdicts(const Built& b, const std::string& prefix, int protocol,
                                           int port) {
  const Path* p = b.path(prefix);
  if (p == nullptr) return {};
  std::set<Verdict> out;
  for (const Piece& request : evaluate_path(b.policy, *p, requests(protocol, port), EvalContext{})) {
    if (request.verdict == Verdict::Blocked) {
      out.insert(Verdict::Blocked);
      continue;
    }
    for (const Piece& reply :
         evaluate_replies(b.policy, *p, request.cube, EvalContext{}, request.stateful_stages))
      out.insert(reply.verdict == Verdict::Allowed ? request.verdict : reply.verdict);
  }
  return out;
}

inline std::set<Verdict> only(Verdict v) { return {v}; }

}  // namespace fwlint::pf::test
