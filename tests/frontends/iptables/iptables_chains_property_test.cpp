// SPDX-License-Identifier: Apache-2.0
// Chain call / return / goto: random dumps evaluated by the frontend +
// evaluator agree with a brute-force interpreter of the same dump on every
// (protocol, port) point of a small domain.
#include <random>
#include <sstream>

#include "iptables_test_util.h"

namespace fwlint::iptables::test {
namespace {

enum class T { None, Accept, Drop, Return, Jump, Goto };

struct R {
  int proto = 0;  // 0 any, 6 tcp, 17 udp
  int lo = -1, hi = -1;  // dport range (needs proto)
  T target = T::None;
  int chain = 0;  // for Jump/Goto
};

struct Dump {
  bool output_accept = false;
  std::vector<std::vector<R>> chains;  // 0 = OUTPUT, 1.. = C1..
};

std::string name(int c) { return c == 0 ? "OUTPUT" : "C" + std::to_string(c); }

std::string render(const Dump& d) {
  std::ostringstream s;
  s << "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT "
    << (d.output_accept ? "ACCEPT" : "DROP") << " [0:0]\n";
  for (std::size_t c = 1; c < d.chains.size(); ++c) s << ":" << name(static_cast<int>(c)) << " - [0:0]\n";
  for (std::size_t c = 0; c < d.chains.size(); ++c)
    for (const R& r : d.chains[c]) {
      s << "-A " << name(static_cast<int>(c));
      if (r.proto) s << " -p " << (r.proto == 6 ? "tcp" : "udp");
      if (r.proto && r.lo >= 0)
        s << " -m " << (r.proto == 6 ? "tcp" : "udp") << " --dport " << r.lo << ":" << r.hi;
      switch (r.target) {
        case T::None: break;
        case T::Accept: s << " -j ACCEPT"; break;
        case T::Drop: s << " -j DROP"; break;
        case T::Return: s << " -j RETURN"; break;
        case T::Jump: s << " -j " << name(r.chain); break;
        case T::Goto: s << " -g " << name(r.chain); break;
      }
      s << "\n";
    }
  s << "COMMIT\n";
  return s.str();
}

enum class Out { Accept, Drop, Fell };

Out run(const Dump& d, int c, int proto, int port) {
  for (const R& r : d.chains[static_cast<std::size_t>(c)]) {
    if (r.proto && r.proto != proto) continue;
    if (r.proto && r.lo >= 0 && (port < r.lo || port > r.hi)) continue;
    switch (r.target) {
      case T::None: break;
      case T::Accept: return Out::Accept;
      case T::Drop: return Out::Drop;
      case T::Return: return Out::Fell;
      case T::Jump: {
        Out o = run(d, r.chain, proto, port);
        if (o != Out::Fell) return o;
        break;
      }
      case T::Goto: return run(d, r.chain, proto, port);
    }
  }
  return Out::Fell;
}

Verdict brute_force(const Dump& d, int proto, int port) {
  Out o = run(d, 0, proto, port);
  if (o == Out::Fell) return d.output_accept ? Verdict::Allowed : Verdict::Blocked;
  return o == Out::Accept ? Verdict::Allowed : Verdict::Blocked;
}

TEST(IptablesChainsProperty, AgreesWithBruteForceInterpreter) {
  std::mt19937 rng(20261125);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int iter = 0; iter < 300; ++iter) {
    Dump d;
    d.output_accept = pick(2) == 0;
    int nchains = 1 + pick(4);
    d.chains.resize(static_cast<std::size_t>(nchains));
    for (int c = 0; c < nchains; ++c) {
      int nrules = pick(5);
      for (int k = 0; k < nrules; ++k) {
        R r;
        int p = pick(3);
        r.proto = p == 0 ? 0 : p == 1 ? 6 : 17;
        if (r.proto && pick(2)) {
          r.lo = pick(8);
          r.hi = r.lo + pick(4);
        }
        int t = pick(6);
        r.target = static_cast<T>(t);
        if (r.target == T::Jump || r.target == T::Goto) {
          // Only forward references: no loops.
          if (c + 1 >= nchains) r.target = T::Drop;
          else r.chain = c + 1 + pick(nchains - c - 1);
        }
        d.chains[static_cast<std::size_t>(c)].push_back(r);
      }
    }
    std::string text = render(d);
    ParseResult parsed = parse(text);
    ASSERT_TRUE(parsed.diagnostics.empty()) << text << dump_diagnostics(parsed);
    for (int proto : {6, 17})
      for (int port = 0; port < 12; ++port) {
        std::set<Verdict> got = host(parsed, proto, port);
        EXPECT_EQ(got, only(brute_force(d, proto, port))) << text << "proto " << proto << " port " << port;
      }
  }
}

}  // namespace
}  // namespace fwlint::iptables::test
