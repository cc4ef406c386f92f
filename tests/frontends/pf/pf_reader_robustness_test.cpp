// SPDX-License-Identifier: Apache-2.0
// Hostile input: thousands of statements cut from pf.conf words, braces,
// quotes, macros, continuations and bytes that mean nothing, generated from
// a fixed seed (so every run reads the same input). The reader must return,
// keep every rule-like statement it cannot read as an unreadable rule, and
// report every problem at a line of the input.
#include <chrono>
#include <random>

#include "frontends/pf/pf_test_util.h"

namespace fwlint::pf::test {
namespace {

std::string random_config(std::mt19937& rng, int statements) {
  static const std::vector<std::string> pieces = {
      "pass",  "block", "match", "anchor", "in",   "out",   "quick",  "log",   "on",    "em0",       "!",
      "inet",  "inet6", "proto", "tcp",    "{",    "}",     "(",      ")",     "<",     ">",         ",",
      "from",  "to",    "any",   "all",    "port", "80",    "22:25",  "><",    "<>",    "10.0.0.0",  "/",
      "8",     "::1",   "\"",    "'",      "#",    "\\\n",  "\n",     "$a",    "$b",    "$undefined", "=",
      "a",     "b",     "table", "set",    "skip", "keep",  "state",  "label", "flags", "S/SA",      "-",
      "load",  "from",  "include", "nat-to", "(em0)", "egress", "self", "user", "\x01", "\xff", "no-route"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 14);
  std::string text = "a = \"{ 10.0.0.1 $b }\"\nb = \"$a 22\"\n";
  for (int s = 0; s < statements; ++s) {
    int n = length(rng);
    for (int i = 0; i < n; ++i) text += pieces[pick(rng)] + " ";
    text += "\n";
  }
  return text;
}

TEST(PfReaderRobustness, RandomStatementsNeverCrashOrHang) {
  std::mt19937 rng(20240611);
  auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < 40; ++round) {
    std::string text = random_config(rng, 250);
    Read r = read(text);
    std::uint32_t lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const Diagnostic& d : r.diags) {
      EXPECT_GE(d.where.line, 1u) << d.message;
      EXPECT_LE(d.where.line, lines) << d.message;
    }
    for (const PfRule& rule : r.config.rules) {
      EXPECT_TRUE(!rule.unreadable || !rule.unmodeled_matches.empty());
      EXPECT_TRUE(rule.action != PfAction::Anchor || rule.anchor);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60.0);
}

}  // namespace
}  // namespace fwlint::pf::test
