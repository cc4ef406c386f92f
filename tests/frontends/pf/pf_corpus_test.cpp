// SPDX-License-Identifier: Apache-2.0
// Every pf.conf written by people in ../shared/corpora/pf/real-world through
// the reader and the whole frontend: no crash, no hang, and per file how
// many rules were read, how many of them could not be read, and the
// diagnostics by id. Skipped when the corpus is absent.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "frontends/pf/pf_frontend.h"
#include "frontends/pf/pf_test_util.h"
#include "frontends/pf/pfctl_printer.h"
#include "test_support.h"

namespace fwlint::pf::test {
namespace {

namespace fs = std::filesystem;

struct RuleCounts {
  std::size_t rules = 0, unreadable = 0, anchors_read = 0;
};

void count_rules(const std::vector<PfRule>& rules, RuleCounts& c, int depth) {
  for (const PfRule& r : rules) {
    ++c.rules;
    c.unreadable += r.unreadable;
    if (r.action == PfAction::Anchor && r.anchor && r.anchor->inline_rules && depth < 16) {
      ++c.anchors_read;
      count_rules(r.anchor->rules, c, depth + 1);
    }
  }
}

TEST(PfCorpus, RealWorldFilesReadWithoutCrash) {
  std::string dir = fwlint::test::corpus_dir("pf");
  if (dir.empty() || !fs::is_directory(fs::path(dir) / "real-world"))
    GTEST_SKIP() << "no pf corpus next to the checkout";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "real-world"))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  std::size_t total_rules = 0, total_unreadable = 0;
  for (const fs::path& file : files) {
    std::string text = fwlint::test::read_file(file.string());
    Read r = read(text, file.string());
    RuleCounts c;
    count_rules(r.config.rules, c, 0);
    std::map<std::string, std::size_t> by_id;
    for (const Diagnostic& d : r.diags) ++by_id[d.id];
    std::string ids;
    for (const auto& [id, n] : by_id) ids += " " + id + "x" + std::to_string(n);
    std::cout << "[ corpus   ] " << file.filename().string() << ": " << c.rules << " rules (" << c.unreadable
              << " unreadable, " << c.anchors_read << " anchors with known rules), " << r.config.tables.size()
              << " tables, " << r.config.ignored.size() << " ignored statements, " << r.summary.understood
              << "/" << r.summary.statements
              << " statements understood; diagnostics:" << (ids.empty() ? " none" : ids) << "\n";
    if (std::getenv("FWLINT_PF_CORPUS_VERBOSE")) {
      std::cout << r.dump();
      for (const PrintedRule& p : print_pfctl(r.config, HostModel{}))
        std::cout << std::string(2 * static_cast<std::size_t>(p.depth) + 4, ' ') << p.text << "\n";
    }
    total_rules += c.rules;
    total_unreadable += c.unreadable;
    // The whole frontend too (builder included) must take the file.
    ParseResult result = PfFrontend().parse(file.string(), text, PathOptions{});
    EXPECT_NE(result.status, ParseStatus::Failed) << file;
  }
  std::cout << "[ corpus   ] total: " << total_rules << " rules, " << total_unreadable << " unreadable\n";
  EXPECT_GT(total_rules, 0u);
}

}  // namespace
}  // namespace fwlint::pf::test
