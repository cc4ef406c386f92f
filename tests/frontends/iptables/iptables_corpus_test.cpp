// SPDX-License-Identifier: Apache-2.0
// Every file of ../shared/corpora/iptables through the frontend: no crash,
// and per file group how many rules were modeled exactly, marked unknown or
// rejected (lines not understood). Skipped when the corpus is absent.
#include <filesystem>
#include <iostream>
#include <map>

#include "iptables_test_util.h"
#include "test_support.h"

namespace fwlint::iptables::test {
namespace {

namespace fs = std::filesystem;

struct Counts {
  std::size_t files = 0, failed = 0, exact = 0, unknown = 0, rejected = 0;
};

TEST(IptablesCorpus, EveryFileRunsWithoutCrash) {
  std::string dir = fwlint::test::corpus_dir("iptables");
  if (dir.empty()) GTEST_SKIP() << "no iptables corpus next to the checkout";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, Counts> groups;
  std::map<std::string, std::size_t> reasons;
  for (const auto& file : files) {
    std::string text = fwlint::test::read_file(file.string());
    std::string group = fs::relative(file.parent_path(), dir).string();
    Counts& c = groups[group];
    ++c.files;
    ParseResult r = parse(text);
    if (r.status == ParseStatus::Failed) {
      ++c.failed;
      continue;
    }
    // Each chain is one list, shared by every path.
    for (const RuleList& list : r.policy.lists)
      for (const Rule& rule : list.rules) {
        if (rule.match.unknown) {
          ++c.unknown;
          std::string reason = rule.match.unknown_reason.substr(0, rule.match.unknown_reason.find(';'));
          ++reasons[reason.substr(0, 40)];
        } else {
          ++c.exact;
        }
      }
    c.rejected += count(r, finding_id::kUnrecognizedLine);
  }
  for (const auto& [group, c] : groups)
    std::cout << "[ corpus   ] " << group << ": " << c.files << " files (" << c.failed << " not recognized), "
              << c.exact << " rules modeled exactly, " << c.unknown << " unknown, " << c.rejected
              << " lines rejected\n";
  std::vector<std::pair<std::size_t, std::string>> top;
  for (const auto& [reason, n] : reasons) top.emplace_back(n, reason);
  std::sort(top.rbegin(), top.rend());
  for (std::size_t i = 0; i < top.size() && i < 12; ++i)
    std::cout << "[ corpus   ]   unknown: " << top[i].first << " x " << top[i].second << "\n";
  SUCCEED();
}

}  // namespace
}  // namespace fwlint::iptables::test
