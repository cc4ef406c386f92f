// SPDX-License-Identifier: Apache-2.0
// Conformance with pfctl: every openbsd-pfNN.in of ../shared/corpora/pf is
// read, expanded and printed as `pfctl -nv` would (pfctl_printer), and its
// filter rules (pass, block, match, anchor lines, anchor contents
// included) are compared with the .ok file on action, anchor name,
// direction, quick, interface, family, protocol, addresses and ports. The
// two sequences are aligned (longest common subsequence), so one missing
// rule costs one rule, not the rest of the file. Per-file and overall rates
// are printed; the overall rate must not fall below what the reader
// reaches today. Skipped when the corpus is absent.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "frontends/pf/pf_test_util.h"
#include "frontends/pf/pfctl_printer.h"
#include "test_support.h"

namespace fwlint::pf::test {
namespace {

namespace fs = std::filesystem;

/// What the reader reaches on the regress corpus (matched rules over the
/// larger of the two rule counts, all files together); see the printout.
constexpr double kMinimumOverallRate = 0.97;

struct Score {
  std::size_t matched = 0;   ///< rules whose compared fields agree
  std::size_t exact = 0;     ///< rules whose whole printed line agrees
  std::size_t expected = 0;  ///< filter rules in the .ok file
  std::size_t produced = 0;  ///< rules we printed
  std::size_t denominator() const { return std::max(expected, produced); }
};

std::size_t common_subsequence(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::size_t> row(b.size() + 1, 0), prev(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
    std::swap(row, prev);
  }
  return prev[b.size()];
}

bool is_filter_line(const std::string& body) {
  for (const char* word : {"pass", "block ", "match", "anchor "})
    if (body.starts_with(word)) return true;
  return false;
}

/// The .ok file's filter rules: "depth:line", depth from the indentation
/// pfctl gives anchor contents.
std::vector<std::string> expected_rules(const std::string& ok_text) {
  std::vector<std::string> out;
  std::istringstream in(ok_text);
  for (std::string line; std::getline(in, line);) {
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    std::string body = line.substr(indent);
    while (!body.empty() && body.back() == ' ') body.pop_back();
    if (is_filter_line(body)) out.push_back(std::to_string(indent / 2) + ":" + body);
  }
  return out;
}

std::vector<std::string> keys_of(const std::vector<std::string>& lines) {
  std::vector<std::string> keys;
  for (const std::string& l : lines) {
    std::size_t colon = l.find(':');
    keys.push_back(l.substr(0, colon + 1) + comparison_key(l.substr(colon + 1)));
  }
  return keys;
}

Score score_file(const fs::path& input, const HostModel& host, bool verbose) {
  fs::path ok = input;
  ok.replace_extension(".ok");
  Read r = read(fwlint::test::read_file(input.string()), input.string());
  std::vector<std::string> ours;
  for (const PrintedRule& p : print_pfctl(r.config, host))
    ours.push_back(std::to_string(p.depth) + ":" + p.text);
  std::vector<std::string> theirs = expected_rules(fwlint::test::read_file(ok.string()));
  Score s;
  s.expected = theirs.size();
  s.produced = ours.size();
  s.exact = common_subsequence(ours, theirs);
  std::vector<std::string> our_keys = keys_of(ours), their_keys = keys_of(theirs);
  s.matched = common_subsequence(our_keys, their_keys);
  if (verbose &&
      (s.matched < s.denominator() || std::string(std::getenv("FWLINT_PF_ORACLE_VERBOSE")) == "all")) {
    std::cout << "[ oracle   ]   " << input.filename().string() << " diagnostics:\n" << r.dump();
    for (std::size_t i = 0; i < std::max(ours.size(), theirs.size()); ++i) {
      std::string a = i < our_keys.size() ? our_keys[i] : "", b = i < their_keys.size() ? their_keys[i] : "";
      if (a != b || s.matched == s.denominator())
        std::cout << "[ oracle   ]     ours:   " << (i < ours.size() ? ours[i] : "")
                  << "\n[ oracle   ]     pfctl:  " << (i < theirs.size() ? theirs[i] : "") << "\n";
    }
  }
  return s;
}

TEST(PfOracle, RegressRulesetsMatchPfctl) {
  std::string dir = fwlint::test::corpus_dir("pf");
  if (dir.empty() || !fs::is_directory(fs::path(dir) / "openbsd-regress"))
    GTEST_SKIP() << "no pf corpus next to the checkout";
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "openbsd-regress"))
    if (e.path().extension() == ".in") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty());
  bool verbose = std::getenv("FWLINT_PF_ORACLE_VERBOSE") != nullptr;
  HostModel host = HostModel::openbsd_regress();
  Score total;
  std::size_t denominator = 0;
  for (const fs::path& input : inputs) {
    Score s = score_file(input, host, verbose);
    total.matched += s.matched;
    total.exact += s.exact;
    total.expected += s.expected;
    total.produced += s.produced;
    denominator += s.denominator();
    std::cout << "[ oracle   ] " << input.stem().string() << ": " << s.matched << "/" << s.denominator()
              << " rules match pfctl (" << s.exact << " printed identically; pfctl " << s.expected
              << ", ours " << s.produced << ")\n";
  }
  double rate = denominator ? static_cast<double>(total.matched) / static_cast<double>(denominator) : 1.0;
  std::cout << "[ oracle   ] overall: " << total.matched << "/" << denominator << " rules (" << rate * 100
            << "%), " << total.exact << " printed identically\n";
  EXPECT_GE(rate, kMinimumOverallRate);
}

}  // namespace
}  // namespace fwlint::pf::test
