// SPDX-License-Identifier: Apache-2.0
// Property: for random small pf rulesets and random packets, the evaluator's
// verdict on the built Policy equals that of a brute-force interpreter of
// the PfConfig itself (pf's own semantics: pfctl's list expansion, last
// match, quick, anchors evaluated in place, quick anchors, default flags,
// `set skip`), including the deciding line. Nothing here is unknown, so an
// Unknown verdict is a failure too.
#include <random>

#include "pf_policy_test_util.h"

namespace fwlint::pf::test {
namespace {

const std::vector<std::string> kInterfaces = {"em0", "em1", "em2"};
const std::vector<std::string> kHosts = {"10.0.0.1", "10.0.0.2", "10.0.0.5", "192.0.2.1", "192.0.2.9"};
const std::vector<int> kPorts = {22, 53, 80, 443, 3478, 6000};
const std::vector<int> kPortValues = {53, 80, 443, 1000, 3478, 5000, 6000};
const std::vector<std::string> kAddressItems = {
    "any", "10.0.0.0/30", "10.0.0.1", "192.0.2.0/29", "192.0.2.9", "10.0.0.2 - 10.0.0.6", "<t>"};

// --- the interpreter -------------------------------------------------------

std::uint32_t ipv4(const std::string& text) { return *parse_ipv4(text); }

/// Whether `ip` is in the CIDR `text` ("a.b.c.d" or "a.b.c.d/len").
bool in_cidr(const std::string& text, std::uint32_t ip, unsigned* prefix_out = nullptr) {
  std::size_t slash = text.find('/');
  unsigned prefix =
      slash == std::string::npos ? 32 : static_cast<unsigned>(std::stoul(text.substr(slash + 1)));
  std::uint32_t base = ipv4(text.substr(0, slash));
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  if (prefix_out) *prefix_out = prefix;
  return (ip & mask) == (base & mask);
}

struct Interpreter {
  const PfConfig& config;

  /// pf's table lookup: the most specific entry containing `ip` decides.
  bool in_table(const std::string& name, std::uint32_t ip) const {
    for (const PfTable& t : config.tables) {
      if ("<" + t.name + ">" != name) continue;
      int best = -1;
      bool negated = false;
      for (const PfAddress& e : t.entries) {
        unsigned prefix = 0;
        if (in_cidr(e.text, ip, &prefix) && static_cast<int>(prefix) > best) {
          best = static_cast<int>(prefix);
          negated = e.negated;
        }
      }
      return best >= 0 && !negated;
    }
    return false;
  }

  bool item_matches(const PfAddress& a, const std::string& host) const {
    std::uint32_t ip = ipv4(host);
    bool hit = false;
    switch (a.kind) {
      case PfAddress::Kind::Any:
        hit = true;
        break;
      case PfAddress::Kind::Cidr:
        hit = in_cidr(a.text, ip);
        break;
      case PfAddress::Kind::Range: {
        std::size_t dash = a.text.find(" - ");
        hit = ip >= ipv4(a.text.substr(0, dash)) && ip <= ipv4(a.text.substr(dash + 3));
        break;
      }
      case PfAddress::Kind::Table:
        hit = in_table(a.text, ip);
        break;
      default:
        ADD_FAILURE() << "not generated";
    }
    return hit != a.negated;
  }

  static bool port_matches(const PfPort& p, int port) {
    switch (p.op) {
      case PfPort::Op::Eq:
        return port == p.a;
      case PfPort::Op::Ne:
        return port != p.a;
      case PfPort::Op::Lt:
        return port < p.a;
      case PfPort::Op::Le:
        return port <= p.a;
      case PfPort::Op::Gt:
        return port > p.a;
      case PfPort::Op::Ge:
        return port >= p.a;
      case PfPort::Op::Range:
        return port >= p.a && port <= p.b;
      case PfPort::Op::Inside:
        return port > p.a && port < p.b;
      case PfPort::Op::Outside:
        return port < p.a || port > p.b;
    }
    return false;
  }

  /// pfctl expands every list into one rule per item: a packet matches the
  /// rule when some combination of items matches it.
  bool endpoint_matches(const PfEndpoint& e, const std::string& host, int port) const {
    bool address =
        e.addresses.empty() || std::any_of(e.addresses.begin(), e.addresses.end(),
                                           [&](const PfAddress& a) { return item_matches(a, host); });
    bool ports = e.ports.empty() || std::any_of(e.ports.begin(), e.ports.end(),
                                                [&](const PfPort& p) { return port_matches(p, port); });
    return address && ports;
  }

  bool matches(const PfRule& r, const Packet& p) const {
    if (r.direction == PfDirection::In && p.way != kWayIn) return false;
    if (r.direction == PfDirection::Out && p.way != kWayOut) return false;
    const std::string& iface = p.way == kWayIn ? p.in_interface : p.out_interface;
    if (!r.interfaces.empty() &&
        std::none_of(r.interfaces.begin(), r.interfaces.end(),
                     [&](const PfInterface& i) { return (i.name == iface) != i.negated; }))
      return false;
    if (r.family == 6) return false;  // every packet here is IPv4
    std::string proto = p.protocol == 6 ? "tcp" : "udp";
    if (!r.protocols.empty() && std::find(r.protocols.begin(), r.protocols.end(), proto) == r.protocols.end())
      return false;
    if (!endpoint_matches(r.from, p.src, p.src_port) || !endpoint_matches(r.to, p.dst, p.dst_port))
      return false;
    if (p.protocol == 6) {
      bool keeps_state = r.action == PfAction::Pass && r.state.value_or(PfState::Keep) != PfState::None;
      std::string flags = !r.flags.empty() ? r.flags : keeps_state ? "S/SA" : "any";
      unsigned packet_flags = p.state == kStateNew ? 0x02 : 0x10;  // SYN, or ACK
      if (flags == "S/SA" && (packet_flags & 0x12) != 0x02) return false;
    }
    return true;
  }

  struct Run {
    bool decided = false;
    bool pass = true;
    std::uint32_t line = 0;
  };

  /// Evaluates `rules`; returns true when evaluation ends (quick). Sets
  /// `matched` when a pass or block rule inside matched.
  bool evaluate(const std::vector<PfRule>& rules, const Packet& p, Run& run, bool& matched) const {
    for (const PfRule& r : rules) {
      if (!matches(r, p)) continue;
      if (r.action == PfAction::Match) continue;
      if (r.action == PfAction::Anchor) {
        bool inner = false;
        if (evaluate(r.anchor->rules, p, run, inner)) return true;
        matched = matched || inner;
        if (r.quick && inner) return true;
        continue;
      }
      run = Run{true, r.action == PfAction::Pass, r.location.line};
      matched = true;
      if (r.quick) return true;
    }
    return false;
  }

  Decision decide(const Packet& p) const {
    const std::string& iface = p.way == kWayIn ? p.in_interface : p.out_interface;
    for (std::size_t i = 0; i < config.skip_interfaces.size(); ++i)
      if (config.skip_interfaces[i] == iface)
        return Decision{Verdict::Allowed, config.skip_locations[i].line};
    Run run;
    bool matched = false;
    evaluate(config.rules, p, run, matched);
    return Decision{run.pass ? Verdict::Allowed : Verdict::Blocked, run.decided ? run.line : 0};
  }
};

// --- random rulesets and packets ------------------------------------------

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  PfConfig ruleset() {
    PfConfig c =
        config(rules(1 + pick(6), 0), {table("t", addrs({"10.0.0.0/29", "!10.0.0.4/30", "192.0.2.9"}))});
    if (chance(5)) {
      c.skip_interfaces = {kInterfaces[pick(kInterfaces.size())]};
      c.skip_locations = {SourceLocation{1000, 1, 0, "set skip"}};
    }
    return c;
  }

  Packet packet() {
    Packet p;
    p.protocol = chance(2) ? 6 : 17;
    p.src = kHosts[pick(kHosts.size())];
    p.dst = kHosts[pick(kHosts.size())];
    p.src_port = kPorts[pick(kPorts.size())];
    p.dst_port = kPorts[pick(kPorts.size())];
    p.way = chance(2) ? kWayIn : kWayOut;
    p.in_interface = kInterfaces[pick(kInterfaces.size())];
    p.out_interface = kInterfaces[pick(kInterfaces.size())];
    p.state = chance(3) ? kStateEstablished : kStateNew;
    return p;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  bool chance(int one_in) { return pick(static_cast<std::size_t>(one_in)) == 0; }

  std::vector<PfRule> rules(std::size_t count, int depth) {
    std::vector<PfRule> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(rule(depth));
    return out;
  }

  PfRule rule(int depth) {
    std::size_t kind = pick(depth < 2 ? 9 : 8);
    RuleBuilder b(kind < 4   ? PfAction::Block
                  : kind < 7 ? PfAction::Pass
                  : kind < 8 ? PfAction::Match
                             : PfAction::Anchor);
    if (kind == 8) b.anchor(inline_anchor("a" + std::to_string(counter_++), rules(1 + pick(3), depth + 1)));
    if (kind != 7 && chance(3)) b.quick();  // `match quick` is unknown on purpose
    switch (pick(3)) {
      case 0:
        b.in();
        break;
      case 1:
        b.out();
        break;
      default:
        break;
    }
    for (std::size_t n = pick(4) == 0 ? 1 + pick(2) : 0; n > 0; --n)
      b.on(kInterfaces[pick(kInterfaces.size())], chance(4));
    if (chance(8)) chance(2) ? b.inet() : b.inet6();
    switch (pick(4)) {
      case 0:
        b.proto("tcp");
        break;
      case 1:
        b.proto("udp");
        break;
      case 2:
        b.proto("tcp").proto("udp");
        break;
      default:
        break;
    }
    b.from(address_list()).to(address_list());
    if (chance(3)) b.from_port(port_item());
    if (chance(2)) b.to_port(port_item());
    if (chance(3)) b.to_port(port_item());
    if (chance(4)) b.state(PfState::None);
    if (chance(6)) b.flags(chance(2) ? "any" : "S/SA");
    return b;
  }

  std::vector<PfAddress> address_list() {
    std::vector<PfAddress> out;
    for (std::size_t n = chance(2) ? 0 : 1 + pick(2); n > 0; --n)
      out.push_back(addr((chance(4) ? "!" : "") + kAddressItems[pick(kAddressItems.size())]));
    return out;
  }

  PfPort port_item() {
    auto op = static_cast<PfPort::Op>(pick(9));
    int a = kPortValues[pick(kPortValues.size())];
    int b = kPortValues[pick(kPortValues.size())];
    return port_op(op, std::min(a, b), std::max(a, b));
  }

  std::mt19937 rng_;
  int counter_ = 0;
};

std::string describe(const Packet& p) {
  return std::string(p.protocol == 6 ? "tcp " : "udp ") + p.src + ":" + std::to_string(p.src_port) + " -> " +
         p.dst + ":" + std::to_string(p.dst_port) +
         (p.way == kWayIn ? " in on " + p.in_interface : " out on " + p.out_interface) +
         (p.state == kStateNew ? " new" : " established");
}

std::string dump(const Policy& policy) {
  std::string out;
  for (const RuleList& l : policy.lists) {
    out += l.name + ":\n";
    for (const Rule& r : l.rules)
      out += "  line " + std::to_string(r.location.line) + " kind " +
             std::to_string(static_cast<int>(r.action.kind)) + " ways " + std::to_string(r.match.ways) +
             " in " + r.match.in_interface + " out " + r.match.out_interface +
             (r.match.unknown ? " UNKNOWN " + r.match.unknown_reason : "") + "\n";
  }
  return out;
}

TEST(PfPolicyProperty, EvaluatorAgreesWithABruteForceInterpreter) {
  Generator gen(20261125);
  int compared = 0;
  for (int round = 0; round < 400; ++round) {
    PfConfig c = gen.ruleset();
    Built b = build(c);
    Interpreter interpreter{c};
    for (int i = 0; i < 60; ++i) {
      Packet p = gen.packet();
      Decision expected = interpreter.decide(p);
      Decision got = decide(b.policy, p);
      ASSERT_NE(got.verdict, Verdict::Unknown) << "round " << round << ": " << describe(p) << "\n"
                                               << dump(b.policy);
      ASSERT_EQ(got.verdict, expected.verdict) << "round " << round << ": " << describe(p);
      ASSERT_EQ(got.line, expected.line) << "round " << round << ": " << describe(p);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 400 * 60);
}

}  // namespace
}  // namespace fwlint::pf::test
