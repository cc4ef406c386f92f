// SPDX-License-Identifier: Apache-2.0
#include "fwlint/analysis/evaluator.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace fwlint {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Allowed: return "allowed";
    case Verdict::Blocked: return "blocked";
    case Verdict::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

using VerdictMask = std::uint8_t;
constexpr VerdictMask bit(Verdict v) { return static_cast<VerdictMask>(1u << static_cast<int>(v)); }

/// How many unknown calls/returns may nest before a piece is declared
/// unknown instead of being evaluated both ways again.
constexpr int kMaxBranchDepth = 12;
constexpr std::size_t kMaxCallDepth = 64;
/// Lines kept as the reasons of an unknown piece. More add nothing a reader
/// can use, and every state carries its list: with a million uncertain
/// rules in a row, an unbounded list made each step copy all the earlier
/// ones (quadratic time and memory).
constexpr std::size_t kMaxDoubtDeciders = 16;

void add_doubt(std::vector<Decider>& to, Decider d) {
  if (to.size() < kMaxDoubtDeciders) to.push_back(std::move(d));
}

void add_doubts(std::vector<Decider>& to, const std::vector<Decider>& from) {
  for (const auto& d : from) {
    if (to.size() >= kMaxDoubtDeciders) return;
    to.push_back(d);
  }
}

struct Outcome {
  Verdict verdict = Verdict::Unknown;
  Decider decider;
  bool keeps_state = false;  ///< an Allow by a rule that creates state
};

struct Frame {
  int list = -1;
  std::size_t index = 0;
  bool quick_anchor = false;  ///< LastMatch: a match inside ends evaluation after the frame
  bool matched = false;       ///< a rule inside this frame certainly matched
  bool maybe_matched = false;
  /// Verdicts unknown matches inside this frame may have decided; a quick
  /// anchor that only may have matched may end evaluation with one of them.
  VerdictMask alternatives = 0;
};

/// One piece of the space in flight, with everything that decides its fate.
struct State {
  Cube cube;
  std::vector<Frame> stack;
  /// Verdicts that are already possible because an unknown terminal match
  /// may have ended evaluation earlier.
  VerdictMask final_alternatives = 0;
  std::vector<Decider> alternative_deciders;
  /// LastMatch: the decision of the last certainly matching rule, and the
  /// verdicts unknown matches since then may have put in its place.
  std::optional<Outcome> tentative;
  VerdictMask tentative_alternatives = 0;
  std::vector<Decider> tentative_deciders;
  int branch_depth = 0;
};

Decider decider_for(const Rule& r, const char* what) {
  return Decider{r.location, what};
}

/// An outcome no line decided (budget exhausted). Built member by member:
/// GCC 12 warns falsely about brace-initialized strings here at -O3.
Outcome unlocated(Verdict v, const char* why) {
  Outcome o;
  o.verdict = v;
  o.decider.description = why;
  return o;
}

Verdict terminal_verdict(ActionKind k) {
  return k == ActionKind::Allow ? Verdict::Allowed : Verdict::Blocked;
}

class Evaluator {
 public:
  Evaluator(const Policy& policy, const EvalContext& ctx, const DefaultAction& stage_default)
      : policy_(policy), ctx_(ctx), stage_default_(stage_default) {}

  std::vector<Piece> run(State initial) {
    std::vector<Piece> out;
    std::vector<State> work;
    work.push_back(std::move(initial));
    while (!work.empty()) {
      State s = std::move(work.back());
      work.pop_back();
      step(std::move(s), work, out);
    }
    return out;
  }

 private:
  const std::vector<std::size_t>& order_of(int list) {
    auto it = orders_.find(list);
    if (it != orders_.end()) return it->second;
    const RuleList& l = policy_.lists[static_cast<std::size_t>(list)];
    std::vector<std::size_t> order(l.rules.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (l.order == EvalOrder::DenyOverrides) {
      // Bypass beats block beats allow; position in the list is irrelevant.
      auto rank = [&l](std::size_t i) {
        const Rule& r = l.rules[i];
        if (r.bypass && r.action.kind == ActionKind::Allow) return 0;
        if (r.action.kind == ActionKind::Block) return 1;
        return 2;
      };
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    }
    return orders_.emplace(list, std::move(order)).first->second;
  }

  /// Emits the final verdict of a piece, folding in the alternatives that
  /// unknown matches left open.
  void finish(const State& s, const Outcome& o, bool include_tentative, std::vector<Piece>& out) {
    VerdictMask mask = static_cast<VerdictMask>(bit(o.verdict) | s.final_alternatives |
                                                (include_tentative ? s.tentative_alternatives : 0));
    Piece p;
    p.cube = s.cube;
    if (mask == bit(o.verdict) && o.verdict != Verdict::Unknown) {
      p.verdict = o.verdict;
      p.decided_by.push_back(o.decider);
      p.stateful_stages = o.keeps_state && o.verdict == Verdict::Allowed ? 1 : 0;
    } else {
      p.verdict = Verdict::Unknown;
      p.decided_by = s.alternative_deciders;
      if (include_tentative)
        p.decided_by.insert(p.decided_by.end(), s.tentative_deciders.begin(),
                            s.tentative_deciders.end());
      p.decided_by.push_back(o.decider);
    }
    budget_used_ += 1;
    out.push_back(std::move(p));
  }

  Outcome stage_default_outcome() const {
    return Outcome{stage_default_.kind == ActionKind::Allow ? Verdict::Allowed : Verdict::Blocked,
                   Decider{stage_default_.location, stage_default_.description},
                   stage_default_.keeps_state};
  }

  /// The end of the stage was reached without a terminal decision.
  void fall_off_stage(const State& s, bool last_match, std::vector<Piece>& out) {
    if (last_match && s.tentative) {
      finish(s, *s.tentative, /*include_tentative=*/true, out);
      return;
    }
    if (last_match && s.tentative_alternatives) {
      // Undecided, but an unknown match may have decided: default or that.
      State copy = s;
      copy.final_alternatives |= s.tentative_alternatives;
      add_doubts(copy.alternative_deciders, s.tentative_deciders);
      finish(copy, stage_default_outcome(), false, out);
      return;
    }
    finish(s, stage_default_outcome(), false, out);
  }

  /// Pops the top frame of `s` after its list ended or returned. Returns
  /// false when the piece was finished by that (quick anchor, stage end).
  bool pop_frame(State& s, std::vector<Piece>& out) {
    Frame f = s.stack.back();
    s.stack.pop_back();
    bool last_match = policy_.lists[static_cast<std::size_t>(f.list)].order == EvalOrder::LastMatch;
    if (f.quick_anchor) {
      if (f.matched) {
        fall_off_stage(s, true, out);
        return false;
      }
      if (f.maybe_matched) {
        s.final_alternatives |= f.alternatives;
        add_doubts(s.alternative_deciders, s.tentative_deciders);
      }
    }
    if (s.stack.empty()) {
      fall_off_stage(s, last_match, out);
      return false;
    }
    Frame& caller = s.stack.back();
    caller.matched = caller.matched || f.matched;
    caller.maybe_matched = caller.maybe_matched || f.maybe_matched;
    caller.alternatives |= f.alternatives;
    return true;
  }

  /// Builds the match cube of `r` split into the part it certainly matches
  /// and the part it may match; both are empty when the rule cannot apply.
  /// `why_maybe` says why the rule only may match, when the reason is not
  /// the rule's own unknown flag.
  void match_cubes(const Rule& r, const Cube& cube, Cube& sure, std::vector<Cube>& maybe,
                   std::string& why_maybe) {
    const Match& m = r.match;
    // The cube describes request packets. For replies, a rule's source side
    // is the request's destination (the server) and vice versa.
    const bool reply = ctx_.reply;
    const AddressMatch& server = reply ? m.src : m.dst;
    const AddressMatch& client = reply ? m.dst : m.src;
    const PortSet& server_ports = reply ? m.src_ports : m.dst_ports;
    const PortSet& client_ports = reply ? m.dst_ports : m.src_ports;
    // Cheap rejection before any set is built: most rules of a long ACL
    // differ from the piece in protocol or destination port.
    if (!m.protocols.intersects(cube.protocols) || !server_ports.intersects(cube.dst_ports) ||
        !(m.directions & (reply ? kDirReply : kDirOriginal)) || !(m.ways & ctx_.way) ||
        !(client.types & ctx_.client_type) ||
        !(server.types & kTypeUnicast)) {
      sure = Cube{};
      return;
    }
    Tristate in = ctx_.no_in_interface
                      ? interface_matches_none(m.in_interface, m.in_interface_negated)
                      : interface_matches(m.in_interface, m.in_interface_negated, ctx_.in_interface,
                                          ctx_.unused_interfaces, ctx_.in_groups);
    Tristate out = ctx_.no_out_interface
                       ? interface_matches_none(m.out_interface, m.out_interface_negated)
                       : interface_matches(m.out_interface, m.out_interface_negated,
                                           ctx_.out_interface, ctx_.unused_interfaces, ctx_.out_groups);
    if (in == Tristate::No || out == Tristate::No) {
      sure = Cube{};
      return;
    }
    if (in == Tristate::Maybe || out == Tristate::Maybe) {
      const std::string& which = in == Tristate::Maybe ? m.in_interface : m.out_interface;
      why_maybe = "matches on interface " + which + ", which this check does not pin (--from/--to)";
    }
    AtomMatch atoms = match_atoms(server, ctx_);
    sure = Cube{m.protocols, client_ports, server_ports, client.addresses,
                atoms.sure, server.addresses, m.states};
    bool allow = r.action.kind == ActionKind::Allow;
    if (m.unknown || !why_maybe.empty()) {
      // Same coverage rules as below; the whole covered part is uncertain.
      Cube all = sure;
      if (!allow) {
        all.dst_atoms = atoms.sure.unite(atoms.maybe);
        if (!server.names.empty()) all.dst_addresses = IpSet::all();
        if (!client.names.empty()) all.src = IpSet::all();
      }
      maybe.push_back(std::move(all));
      sure = Cube{};
      return;
    }
    // A permit restricted to addresses or to other names cannot be relied on
    // for a domain (DESIGN.md §4): only certain coverage grants anything.
    if (allow) return;
    if (!atoms.maybe.empty() || !server.names.empty()) {
      Cube c = sure;
      c.dst_atoms = atoms.maybe;
      c.dst_addresses = server.names.empty() ? IpSet{} : server.addresses.complement();
      maybe.push_back(std::move(c));
    }
    if (!client.names.empty()) {
      Cube c = sure;
      c.src = client.addresses.complement();
      c.dst_atoms = atoms.sure.unite(atoms.maybe);
      maybe.push_back(std::move(c));
    }
  }

  void step(State s, std::vector<State>& work, std::vector<Piece>& out) {
    while (true) {
      if (budget_used_ > ctx_.piece_budget) {
        finish(s, unlocated(Verdict::Unknown, "policy too complex to evaluate exactly"), false, out);
        return;
      }
      Frame& f = s.stack.back();
      const RuleList& list = policy_.lists[static_cast<std::size_t>(f.list)];
      bool last_match = list.order == EvalOrder::LastMatch;
      if (f.index >= list.rules.size()) {
        if (!pop_frame(s, out)) return;
        continue;
      }
      const Rule& rule = list.rules[order_of(f.list)[f.index]];
      ++f.index;
      if (rule.action.kind == ActionKind::Continue) continue;

      Cube sure;
      std::vector<Cube> maybe;
      std::string why_maybe;
      match_cubes(rule, s.cube, sure, maybe, why_maybe);
      sure = sure.intersect(s.cube);
      for (auto& c : maybe) c = c.intersect(s.cube);
      std::erase_if(maybe, [](const Cube& c) { return c.empty(); });
      if (sure.empty() && maybe.empty()) continue;

      // The part of the piece the rule does not touch goes on unchanged.
      std::vector<Cube> rest{s.cube};
      auto carve = [&rest](const Cube& c) {
        std::vector<Cube> next;
        for (const auto& r : rest)
          for (auto& part : r.subtract(c)) next.push_back(std::move(part));
        rest = std::move(next);
      };
      if (!sure.empty()) carve(sure);
      for (const auto& c : maybe) carve(c);
      for (auto& r : rest) {
        State cont = s;
        cont.cube = std::move(r);
        budget_used_ += 1;
        work.push_back(std::move(cont));
      }
      // Maybe-cubes may overlap each other; evaluate each point once.
      std::vector<Cube> disjoint_maybe = disjoint_minus(maybe, sure);
      for (auto& c : disjoint_maybe) {
        State m = s;
        m.cube = std::move(c);
        apply_maybe(std::move(m), rule, why_maybe, last_match, work, out);
      }
      if (sure.empty()) return;
      s.cube = std::move(sure);
      if (!apply_sure(s, rule, last_match, out)) return;
      // The action keeps the piece in flight (call, goto, non-quick match).
    }
  }

  /// Makes `cubes` pairwise disjoint and disjoint from `taken`.
  static std::vector<Cube> disjoint_minus(const std::vector<Cube>& cubes, const Cube& taken) {
    std::vector<Cube> out;
    std::vector<Cube> covered;
    if (!taken.empty()) covered.push_back(taken);
    for (const auto& c : cubes) {
      std::vector<Cube> parts{c};
      for (const auto& t : covered) {
        std::vector<Cube> next;
        for (const auto& p : parts)
          for (auto& q : p.subtract(t)) next.push_back(std::move(q));
        parts = std::move(next);
      }
      for (auto& p : parts) out.push_back(std::move(p));
      covered.push_back(c);
    }
    return out;
  }

  /// Applies a certainly matching rule. Returns true when the piece stays in
  /// flight in `s` (its stack updated), false when it was finished.
  bool apply_sure(State& s, const Rule& rule, bool last_match, std::vector<Piece>& out) {
    Frame& f = s.stack.back();
    switch (rule.action.kind) {
      case ActionKind::Allow:
      case ActionKind::Block: {
        Outcome o{terminal_verdict(rule.action.kind),
                  decider_for(rule, rule.action.kind == ActionKind::Allow ? "allowed by" : "blocked by"),
                  rule.keeps_state};
        if (!last_match || rule.quick) {
          finish(s, o, /*include_tentative=*/false, out);
          return false;
        }
        f.matched = true;
        s.tentative = o;
        s.tentative_alternatives = 0;
        s.tentative_deciders.clear();
        return true;
      }
      case ActionKind::Return:
        if (!pop_frame(s, out)) return false;
        return true;
      case ActionKind::Call:
      case ActionKind::Goto: {
        int target = rule.action.target;
        if (target < 0 || static_cast<std::size_t>(target) >= policy_.lists.size() ||
            s.stack.size() >= kMaxCallDepth ||
            std::any_of(s.stack.begin(), s.stack.end(), [target](const Frame& fr) { return fr.list == target; })) {
          finish(s, Outcome{Verdict::Unknown, decider_for(rule, "call loop or missing target")}, false, out);
          return false;
        }
        if (rule.action.kind == ActionKind::Goto) {
          // No return here: when the target returns, control goes to our caller.
          s.stack.pop_back();
          Frame g;
          g.list = target;
          s.stack.push_back(g);
          return true;
        }
        Frame c;
        c.list = target;
        c.quick_anchor = last_match && rule.quick;
        s.stack.push_back(c);
        return true;
      }
      case ActionKind::Continue:
        return true;
    }
    return true;
  }

  /// A rule that may or may not match the piece in `s`.
  void apply_maybe(State s, const Rule& rule, const std::string& why_maybe, bool last_match,
                   std::vector<State>& work, std::vector<Piece>& out) {
    Decider d = decider_for(rule, rule.match.unknown && !rule.match.unknown_reason.empty()
                                      ? rule.match.unknown_reason.c_str()
                                  : !why_maybe.empty() ? why_maybe.c_str()
                                                       : "may match");
    switch (rule.action.kind) {
      case ActionKind::Allow:
      case ActionKind::Block: {
        VerdictMask b = bit(terminal_verdict(rule.action.kind));
        if (!last_match || rule.quick) {
          s.final_alternatives |= b;
          add_doubt(s.alternative_deciders, std::move(d));
        } else {
          s.tentative_alternatives |= b;
          add_doubt(s.tentative_deciders, std::move(d));
          s.stack.back().maybe_matched = true;
          s.stack.back().alternatives |= b;
        }
        budget_used_ += 1;
        work.push_back(std::move(s));
        return;
      }
      default:
        break;
    }
    // Calls, gotos and returns change where evaluation goes: evaluate both
    // possibilities and keep only what they agree on.
    if (s.branch_depth >= kMaxBranchDepth) {
      finish(s, Outcome{Verdict::Unknown, d}, false, out);
      return;
    }
    State skip = s;
    skip.branch_depth += 1;
    State take = s;
    take.branch_depth += 1;
    std::vector<Piece> taken;
    if (apply_sure(take, rule, last_match, taken)) {
      auto more = run(std::move(take));
      taken.insert(taken.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
    }
    std::vector<Piece> skipped = run(std::move(skip));
    for (const auto& a : taken) {
      for (const auto& b : skipped) {
        Cube c = a.cube.intersect(b.cube);
        if (c.empty()) continue;
        Piece p;
        p.cube = std::move(c);
        if (a.verdict == b.verdict) {
          p.verdict = a.verdict;
          // State is certain only when both ways keep it.
          p.stateful_stages = a.stateful_stages & b.stateful_stages;
          p.decided_by = a.decided_by;
          for (const auto& x : b.decided_by)
            if (std::find(p.decided_by.begin(), p.decided_by.end(), x) == p.decided_by.end())
              p.decided_by.push_back(x);
        } else {
          p.verdict = Verdict::Unknown;
          p.decided_by.push_back(d);
          for (const auto& x : a.verdict == Verdict::Unknown ? a.decided_by : b.decided_by)
            p.decided_by.push_back(x);
        }
        out.push_back(std::move(p));
      }
    }
  }

  const Policy& policy_;
  const EvalContext& ctx_;
  const DefaultAction& stage_default_;
  std::map<int, std::vector<std::size_t>> orders_;
  std::size_t budget_used_ = 0;
};

}  // namespace

std::vector<Piece> evaluate_list(const Policy& policy, int list, const Cube& space,
                                 const EvalContext& ctx) {
  if (space.empty()) return {};
  const RuleList& l = policy.lists.at(static_cast<std::size_t>(list));
  DefaultAction fallback;
  fallback.description = "no default action (treated as unknown)";
  const DefaultAction& def = l.default_action ? *l.default_action : fallback;
  Evaluator ev(policy, ctx, def);
  State s;
  s.cube = space;
  Frame f;
  f.list = list;
  s.stack.push_back(f);
  if (!l.default_action) s.final_alternatives = bit(Verdict::Unknown);
  return ev.run(std::move(s));
}

namespace {

/// Passes `space` through `stages` in order: a packet is allowed only when
/// each stage allows it; blocked when any stage certainly blocks it.
/// Replies skip a stage whose request stage kept state for them
/// (`stateful_stages` of the requests); requests pass 0.
std::vector<Piece> evaluate_stages(const Policy& policy, const std::vector<Stage>& stages,
                                   const Cube& space, const EvalContext& ctx,
                                   std::uint32_t stateful_requests = 0) {
  std::vector<Piece> current;
  if (space.empty()) return current;
  current.push_back(Piece{space, Verdict::Allowed, {}, 0});
  for (std::size_t index = 0; index < stages.size(); ++index) {
    const Stage& stage = stages[index];
    if (stage.state_from >= 0 && stage.state_from < 32 && (stateful_requests >> stage.state_from) & 1u)
      continue;
    EvalContext stage_ctx = ctx;
    stage_ctx.way = stage.way;
    std::vector<Piece> next;
    for (auto& p : current) {
      if (p.verdict == Verdict::Blocked) {
        next.push_back(std::move(p));
        continue;
      }
      for (auto& q : evaluate_list(policy, stage.list, p.cube, stage_ctx)) {
        Piece r;
        r.cube = std::move(q.cube);
        r.stateful_stages = p.stateful_stages;
        if (q.stateful_stages && index < 32) r.stateful_stages |= 1u << index;
        if (q.verdict == Verdict::Blocked) {
          // Certainly blocked here, whatever earlier stages did.
          r.verdict = Verdict::Blocked;
          r.decided_by = std::move(q.decided_by);
        } else {
          r.verdict = p.verdict == Verdict::Unknown || q.verdict == Verdict::Unknown
                          ? Verdict::Unknown
                          : Verdict::Allowed;
          r.decided_by = p.decided_by;
          if (p.verdict == Verdict::Unknown && q.verdict == Verdict::Allowed) {
            // Keep only the reasons for the uncertainty.
          } else {
            for (auto& d : q.decided_by) r.decided_by.push_back(std::move(d));
          }
        }
        next.push_back(std::move(r));
      }
    }
    current = std::move(next);
  }
  return current;
}

EvalContext context_for(const Path& path, const EvalContext& ctx, bool reply) {
  EvalContext c = ctx;
  // A reply enters where the request left and leaves where it entered.
  c.in_interface = reply ? path.out_interface : path.in_interface;
  c.out_interface = reply ? path.in_interface : path.out_interface;
  c.unused_interfaces = path.unused_interfaces;
  c.in_groups = reply ? path.out_groups : path.in_groups;
  c.out_groups = reply ? path.in_groups : path.out_groups;
  c.no_in_interface = path.sent_by_device && !reply;
  c.no_out_interface = path.sent_by_device && reply;
  c.client_type = path.client_type;
  c.reply = reply;
  return c;
}

}  // namespace

std::vector<Piece> evaluate_path(const Policy& policy, const Path& path, const Cube& space,
                                 const EvalContext& ctx) {
  return evaluate_stages(policy, path.stages, space, context_for(path, ctx, false));
}

std::vector<Piece> evaluate_replies(const Policy& policy, const Path& path, const Cube& requests,
                                    const EvalContext& ctx, std::uint32_t stateful_stages) {
  Cube replies = requests;
  replies.states = kStateEstablished;
  return evaluate_stages(policy, path.reply_stages, replies, context_for(path, ctx, true),
                         stateful_stages);
}

}  // namespace fwlint
