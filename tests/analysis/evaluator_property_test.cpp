// SPDX-License-Identifier: Apache-2.0
// Property test: on thousands of random small policies the set-splitting
// evaluator agrees with a brute-force evaluation of every single packet.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "fwlint/analysis/evaluator.h"

namespace fwlint {
namespace {

// The small universe every random policy and query lives in.
constexpr int kProtocols[] = {1, 6, 17};
constexpr int kPorts = 6;       // ports 0..5
constexpr int kAddresses = 6;   // IPv4 addresses 0..5 (not public)
constexpr int kAtoms = 3;       // required domains
constexpr std::uint32_t kPublicBase = 0x08000000;  // 8.0.0.0, public
constexpr std::uint8_t kStates[] = {kStateNew, kStateEstablished};

struct Point {
  int protocol, sport, dport, src;
  bool dst_is_atom;
  int dst;  // atom index, or address (small) / kPublicBase for "a public address"
  std::uint8_t state;
};

class RandomPolicy {
 public:
  explicit RandomPolicy(std::uint32_t seed) : rng_(seed) {}

  template <typename Set>
  Set small_set(int universe) {
    switch (rng_() % 4) {
      case 0:
      case 1:
        return Set::all();
      default: {
        Set s;
        int n = 1 + static_cast<int>(rng_() % 2);
        for (int i = 0; i < n; ++i) {
          int a = static_cast<int>(rng_() % universe), b = static_cast<int>(rng_() % universe);
          if (a > b) std::swap(a, b);
          s.add(static_cast<typename Set::value_type>(a), static_cast<typename Set::value_type>(b));
        }
        return rng_() % 3 == 0 ? s.complement() : s;  // negation folded in
      }
    }
  }

  ProtocolSet protocols() {
    if (rng_() % 2) return ProtocolSet::all();
    ProtocolSet s;
    for (int p : kProtocols)
      if (rng_() % 2) s.add(static_cast<std::uint8_t>(p), static_cast<std::uint8_t>(p));
    return rng_() % 4 == 0 ? s.complement() : s;
  }

  IpSet addresses() {
    IpSet s;
    s.v4 = small_set<V4Set>(kAddresses);
    return s;
  }

  AddressMatch destination() {
    AddressMatch m;
    switch (rng_() % 5) {
      case 0: m.addresses = addresses(); break;           // private only: never a domain
      case 1: m.addresses = IpSet{V4Set::range(kPublicBase, kPublicBase + 255), {}}; break;  // partial public
      default: m.addresses = IpSet{V4Set::all(), {}}; break;
    }
    if (rng_() % 4 == 0) {
      static const char* kNames[] = {"a.example", ".example", "b.other", ".sub.example"};
      m.addresses = IpSet{};
      m.names.push_back(*DomainName::parse(kNames[rng_() % 4]));
    }
    return m;
  }

  Rule rule(int list_count, int self, EvalOrder order, bool allow_unknown) {
    Rule r;
    r.match.protocols = protocols();
    r.match.src_ports = small_set<PortSet>(kPorts);
    r.match.dst_ports = small_set<PortSet>(kPorts);
    r.match.src.addresses = addresses();
    r.match.dst = destination();
    r.match.states = rng_() % 3 == 0 ? static_cast<std::uint8_t>(1 + rng_() % 2) : static_cast<std::uint8_t>(kStateAll);
    r.match.unknown = allow_unknown && rng_() % 6 == 0;
    int pick = static_cast<int>(rng_() % 10);
    if (order == EvalOrder::DenyOverrides) {
      r.action.kind = pick < 5 ? ActionKind::Allow : ActionKind::Block;
      r.bypass = r.action.kind == ActionKind::Allow && rng_() % 4 == 0;
    } else if (pick < 4) {
      r.action.kind = ActionKind::Allow;
    } else if (pick < 7) {
      r.action.kind = ActionKind::Block;
    } else if (pick == 7) {
      r.action.kind = ActionKind::Continue;
    } else if (pick == 8 && self + 1 < list_count) {
      // Calls only go to later lists, each list called at most once (a tree),
      // so each rule is visited at most once per packet.
      r.action.kind = order == EvalOrder::FirstMatch && rng_() % 3 == 0 ? ActionKind::Goto : ActionKind::Call;
      r.action.target = -2;  // filled in by the caller
    } else if (order == EvalOrder::FirstMatch) {
      r.action.kind = ActionKind::Return;
    } else {
      r.action.kind = ActionKind::Block;
    }
    r.quick = order == EvalOrder::LastMatch && rng_() % 3 == 0;
    r.location.line = static_cast<std::uint32_t>(next_line_++);
    return r;
  }

  Policy policy(EvalOrder order) {
    Policy p;
    int lists = order == EvalOrder::DenyOverrides ? 1 : 1 + static_cast<int>(rng_() % 3);
    for (int i = 0; i < lists; ++i) {
      RuleList l;
      l.name = "L" + std::to_string(i);
      l.order = order;
      int n = static_cast<int>(rng_() % 7);
      for (int k = 0; k < n; ++k) l.rules.push_back(rule(lists, i, order, true));
      p.lists.push_back(std::move(l));
    }
    // Wire calls as a tree: list i may be the target of one rule in an earlier list.
    std::vector<bool> used(static_cast<std::size_t>(lists), false);
    for (int i = 0; i < lists; ++i) {
      for (auto& r : p.lists[static_cast<std::size_t>(i)].rules) {
        if (r.action.target != -2) continue;
        int target = -1;
        for (int t = i + 1; t < lists; ++t)
          if (!used[static_cast<std::size_t>(t)]) { target = t; break; }
        if (target < 0) {
          r.action.kind = ActionKind::Block;
          r.action.target = -1;
          continue;
        }
        used[static_cast<std::size_t>(target)] = true;
        r.action.target = target;
      }
    }
    RuleList& top = p.lists[0];
    top.default_action = DefaultAction{rng_() % 2 ? ActionKind::Allow : ActionKind::Block,
                                       SourceLocation{999, 1, 0, "default"}, "default"};
    return p;
  }

  std::mt19937 rng_;
  int next_line_ = 1;
};

// ---- brute force -----------------------------------------------------------

bool point_in_addresses(const IpSet& s, std::uint32_t a) { return s.v4.contains(a); }

/// Whether rule `r` matches point `p`: 1 yes, 0 no, -1 unknown (may match).
int point_match(const Rule& r, const Point& p, const EvalContext& ctx) {
  const Match& m = r.match;
  bool fixed =
      m.protocols.contains(static_cast<std::uint8_t>(p.protocol)) &&
      m.src_ports.contains(static_cast<std::uint16_t>(p.sport)) &&
      m.dst_ports.contains(static_cast<std::uint16_t>(p.dport)) &&
      point_in_addresses(m.src.addresses, static_cast<std::uint32_t>(p.src)) && (m.states & p.state);
  if (!fixed) return 0;
  int dst;
  if (p.dst_is_atom) {
    AtomMatch am = match_atoms(m.dst, ctx);
    std::uint32_t i = static_cast<std::uint32_t>(p.dst);
    if (am.sure.contains(i)) dst = 1;
    else if (am.maybe.contains(i)) dst = r.action.kind == ActionKind::Allow ? 0 : -1;
    else dst = 0;
  } else {
    bool in = point_in_addresses(m.dst.addresses, static_cast<std::uint32_t>(p.dst));
    dst = in ? 1 : (!m.dst.names.empty() && r.action.kind != ActionKind::Allow ? -1 : 0);
  }
  if (dst == 0) return 0;
  if (m.unknown) return -1;
  return dst;
}

/// Runs one packet through the policy with the unknown rules resolved by
/// `choice` (bit i: the i-th unknown decision encountered matches).
class PointRun {
 public:
  PointRun(const Policy& pol, const Point& p, const EvalContext& ctx, unsigned choice)
      : pol_(pol), p_(p), ctx_(ctx), choice_(choice) {}

  Verdict run() {
    const RuleList& top = pol_.lists[0];
    Verdict def = top.default_action->kind == ActionKind::Allow ? Verdict::Allowed : Verdict::Blocked;
    if (top.order == EvalOrder::LastMatch) {
      std::optional<Verdict> decision;
      bool stop = false;
      last_match(0, decision, stop);
      return decision.value_or(def);
    }
    if (top.order == EvalOrder::DenyOverrides) {
      bool bypass = false, block = false, allow = false;
      for (const auto& r : top.rules) {
        if (!matches(r)) continue;
        if (r.action.kind == ActionKind::Allow && r.bypass) bypass = true;
        else if (r.action.kind == ActionKind::Block) block = true;
        else allow = true;
      }
      return bypass ? Verdict::Allowed : block ? Verdict::Blocked : allow ? Verdict::Allowed : def;
    }
    auto r = first_match(0);
    if (r == kReturn || r == kFallOff) return def;
    return r == kAllow ? Verdict::Allowed : Verdict::Blocked;
  }

  unsigned decisions() const { return decisions_; }

 private:
  enum Result { kAllow, kBlock, kReturn, kFallOff };

  bool matches(const Rule& r) {
    int m = point_match(r, p_, ctx_);
    if (m >= 0) return m == 1;
    return (choice_ >> decisions_++) & 1u;
  }

  Result first_match(int list) {
    for (const auto& r : pol_.lists[static_cast<std::size_t>(list)].rules) {
      if (r.action.kind == ActionKind::Continue || !matches(r)) continue;
      switch (r.action.kind) {
        case ActionKind::Allow: return kAllow;
        case ActionKind::Block: return kBlock;
        case ActionKind::Return: return kReturn;
        case ActionKind::Call: {
          Result sub = first_match(r.action.target);
          if (sub == kAllow || sub == kBlock) return sub;
          break;  // returned or fell off: continue here
        }
        case ActionKind::Goto: {
          Result sub = first_match(r.action.target);
          return sub == kFallOff ? kReturn : sub;
        }
        default: break;
      }
    }
    return kFallOff;
  }

  /// pf: the last matching rule decides unless a quick rule ends it.
  bool last_match(int list, std::optional<Verdict>& decision, bool& stop) {
    bool matched_any = false;
    for (const auto& r : pol_.lists[static_cast<std::size_t>(list)].rules) {
      if (r.action.kind == ActionKind::Continue || !matches(r)) continue;
      if (r.action.kind == ActionKind::Call) {
        bool inner = last_match(r.action.target, decision, stop);
        matched_any = matched_any || inner;
        if (stop) return true;
        if (r.quick && inner) {
          stop = true;
          return true;
        }
        continue;
      }
      matched_any = true;
      decision = r.action.kind == ActionKind::Allow ? Verdict::Allowed : Verdict::Blocked;
      if (r.quick) {
        stop = true;
        return true;
      }
    }
    return matched_any;
  }

  const Policy& pol_;
  const Point& p_;
  const EvalContext& ctx_;
  unsigned choice_;
  unsigned decisions_ = 0;
};

Verdict brute_force(const Policy& pol, const Point& p, const EvalContext& ctx) {
  // Try every resolution of the unknown decisions met on the way.
  std::optional<Verdict> seen;
  unsigned limit = 1;
  for (unsigned choice = 0; choice < limit; ++choice) {
    PointRun run(pol, p, ctx, choice);
    Verdict v = run.run();
    limit = std::max(limit, 1u << run.decisions());
    if (seen && *seen != v) return Verdict::Unknown;
    seen = v;
  }
  return *seen;
}

bool cube_contains(const Cube& c, const Point& p) {
  bool dst = p.dst_is_atom ? c.dst_atoms.contains(static_cast<std::uint32_t>(p.dst))
                           : c.dst_addresses.v4.contains(static_cast<std::uint32_t>(p.dst));
  return dst && c.protocols.contains(static_cast<std::uint8_t>(p.protocol)) &&
         c.src_ports.contains(static_cast<std::uint16_t>(p.sport)) &&
         c.dst_ports.contains(static_cast<std::uint16_t>(p.dport)) &&
         c.src.v4.contains(static_cast<std::uint32_t>(p.src)) && (c.states & p.state);
}

void check_policy(const Policy& pol, const EvalContext& ctx, std::uint32_t seed) {
  Cube space;
  for (int proto : kProtocols) space.protocols.add(static_cast<std::uint8_t>(proto), static_cast<std::uint8_t>(proto));
  space.src_ports = PortSet::range(0, kPorts - 1);
  space.dst_ports = PortSet::range(0, kPorts - 1);
  space.src.v4 = V4Set::range(0, kAddresses - 1);
  space.dst_atoms = AtomSet::range(0, kAtoms - 1);
  space.dst_addresses.v4 = V4Set::range(0, kAddresses - 1);
  space.dst_addresses.v4.add(kPublicBase, kPublicBase);
  space.states = kStateNew | kStateEstablished;

  std::vector<Piece> pieces = evaluate_list(pol, 0, space, ctx);
  std::vector<Point> dsts;
  for (int a = 0; a < kAtoms; ++a) dsts.push_back({0, 0, 0, 0, true, a, 0});
  for (int a = 0; a < kAddresses; ++a) dsts.push_back({0, 0, 0, 0, false, a, 0});
  dsts.push_back({0, 0, 0, 0, false, static_cast<int>(kPublicBase), 0});
  for (int proto : kProtocols)
    for (int sp = 0; sp < kPorts; ++sp)
      for (int dp = 0; dp < kPorts; dp += 1)
        for (int src = 0; src < kAddresses; ++src)
          for (const auto& d : dsts)
            for (std::uint8_t st : kStates) {
              Point p{proto, sp, dp, src, d.dst_is_atom, d.dst, st};
              int hits = 0;
              Verdict got = Verdict::Unknown;
              for (const auto& piece : pieces)
                if (cube_contains(piece.cube, p)) {
                  ++hits;
                  got = piece.verdict;
                }
              ASSERT_EQ(hits, 1) << "seed " << seed << ": pieces must partition the space";
              Verdict want = brute_force(pol, p, ctx);
              ASSERT_EQ(verdict_name(got), std::string(verdict_name(want)))
                  << "seed " << seed << " proto " << proto << " sport " << sp << " dport " << dp
                  << " src " << src << (d.dst_is_atom ? " atom " : " dst ") << d.dst
                  << " state " << int(st);
            }
}

EvalContext make_context() {
  EvalContext ctx;
  ctx.domains = {*DomainName::parse(".example"), *DomainName::parse("a.example"),
                 *DomainName::parse("c.other")};
  return ctx;
}

void run_property(EvalOrder order, std::uint32_t base_seed, int count) {
  EvalContext ctx = make_context();
  for (int i = 0; i < count; ++i) {
    std::uint32_t seed = base_seed + static_cast<std::uint32_t>(i);
    RandomPolicy gen(seed);
    Policy pol = gen.policy(order);
    check_policy(pol, ctx, seed);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(EvaluatorProperty, FirstMatchWithCallsGotosReturnsAgreesWithBruteForce) {
  run_property(EvalOrder::FirstMatch, 1000, 1500);
}

TEST(EvaluatorProperty, LastMatchWithQuickAndAnchorsAgreesWithBruteForce) {
  run_property(EvalOrder::LastMatch, 5000, 1500);
}

TEST(EvaluatorProperty, DenyOverridesAgreesWithBruteForce) {
  run_property(EvalOrder::DenyOverrides, 9000, 1500);
}

}  // namespace
}  // namespace fwlint
