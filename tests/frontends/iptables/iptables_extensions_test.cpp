// SPDX-License-Identifier: Apache-2.0
// netfilter's own extensions/*.t files (../shared/corpora/iptables): every
// valid filter-table rule parses without a rejected line, and where the file
// gives the iptables-save form of a rule, both forms model the same Match.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "iptables_test_util.h"
#include "test_support.h"

namespace fwlint::iptables::test {
namespace {

namespace fs = std::filesystem;

bool same_match(const Match& a, const Match& b) {
  return a.protocols == b.protocols && a.src_ports == b.src_ports && a.dst_ports == b.dst_ports &&
         a.src.addresses == b.src.addresses && a.dst.addresses == b.dst.addresses && a.states == b.states &&
         a.unknown == b.unknown;
}

const Rule* rule_of(const ParseResult& r) {
  const Rule* rule = first_output_rule(r);
  return rule;
}

TEST(IptablesExtensions, ValidRulesParseAndSaveFormsAgree) {
  std::string dir = fwlint::test::corpus_dir("iptables");
  if (dir.empty() || !fs::exists(dir + "/netfilter-extensions-t"))
    GTEST_SKIP() << "no netfilter extensions tests next to the checkout";
  std::size_t total = 0, rejected = 0, unknown = 0, compared = 0;
  for (const auto& e : fs::directory_iterator(dir + "/netfilter-extensions-t")) {
    if (e.path().extension() != ".t") continue;
    std::istringstream in(fwlint::test::read_file(e.path().string()));
    std::string line;
    bool filter_chains = false;
    while (std::getline(in, line)) {
      if (line.rfind(':', 0) == 0) {
        filter_chains = line.find("OUTPUT") != std::string::npos &&
                        line.find("PREROUTING") == std::string::npos &&
                        line.find("POSTROUTING") == std::string::npos;
        continue;
      }
      if (!filter_chains || line.empty() || line[0] == '#') continue;
      std::size_t a = line.find(";"), b = line.rfind(";");
      if (a == std::string::npos || a == b || line.substr(b + 1) != "OK") continue;
      std::string rule = line.substr(0, a), saved = line.substr(a + 1, b - a - 1);
      if (rule.find("-j ") != std::string::npos && rule.find("-j ") != rule.rfind("-j ")) continue;
      ++total;
      ParseResult r = parse(filter("-A OUTPUT " + rule + "\n", "ACCEPT"));
      std::size_t rej = count(r, finding_id::kUnrecognizedLine);
      rejected += rej;
      EXPECT_EQ(rej, 0u) << e.path().filename() << ": " << rule << "\n" << dump_diagnostics(r);
      const Rule* first = rule_of(r);
      if (first != nullptr && first->match.unknown) ++unknown;
      if (saved != "=" && !saved.empty() && first != nullptr) {
        ParseResult s = parse(filter("-A OUTPUT " + saved + "\n", "ACCEPT"));
        const Rule* second = rule_of(s);
        if (second != nullptr) {
          ++compared;
          EXPECT_TRUE(same_match(first->match, second->match)) << rule << " vs " << saved;
        }
      }
    }
  }
  std::cout << "[ ext .t   ] " << total << " valid filter rules, " << rejected << " rejected, " << unknown
            << " unknown, " << compared << " compared with their saved form\n";
}

}  // namespace
}  // namespace fwlint::iptables::test
