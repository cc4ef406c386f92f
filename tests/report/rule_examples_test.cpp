// SPDX-License-Identifier: Apache-2.0
// The examples of the rule pages are real: each failing configuration, run
// through the CLI with the page's command line, reports its rule id; the
// fixed one does not. The pages show what the failing command prints, so
// docs/rules/<ID>.md is regenerated here (FWLINT_UPDATE_DOCS=1) and
// otherwise compared with what the catalogue and the CLI produce now.
#include "fwlint/report/rule_catalog.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

/// A fresh directory holding one example and the files it needs, removed
/// afterwards; commands run inside it, so outputs name files as the page does.
class ExampleDir {
 public:
  ExampleDir(const RuleExample& example, const std::string& config) {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("fwlint-example-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    for (const auto& [name, content] : example.other_files) write(name, content);
    write(example_file_name(example), config);
  }
  ~ExampleDir() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  ExampleDir(const ExampleDir&) = delete;
  ExampleDir& operator=(const ExampleDir&) = delete;

  test::CliRun run(std::vector<std::string> args) const { return test::run_cli_in(dir_.string(), args); }

 private:
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name, std::ios::binary) << content << '\n';
  }
  fs::path dir_;
};

/// Runs the example's command on `config` (the failing one, or the fixed
/// one) and returns stderr then stdout.
std::string printed(const RuleExample& example, bool fixed, std::vector<std::string> extra_args = {}) {
  const std::string& config = fixed ? example.fixed : example.failing;
  std::vector<std::string> args = example_command(example, fixed);
  args.insert(args.end() - 1, extra_args.begin(), extra_args.end());
  test::CliRun run = ExampleDir(example, config).run(args);
  EXPECT_GE(run.exit_code, 0) << "crashed (signal " << run.signal << ")";
  EXPECT_LE(run.exit_code, 2) << run.err;
  return run.err + run.out;
}

bool reports(const std::string& json_and_errors, const std::string& id) {
  return json_and_errors.find("\"" + id + "\"") != std::string::npos ||
         json_and_errors.find("[" + id + "]") != std::string::npos;
}

TEST(RuleExamples, FailingReportsTheIdAndFixedDoesNot) {
  int checked = 0;
  for (const RuleInfo& rule : all_rules()) {
    for (const RuleExample& example : rule.examples) {
      if (example_command(example).empty()) continue;
      SCOPED_TRACE(rule.id + " " + example_format_title(example));
      ++checked;
      std::string failing = printed(example, false, {"--format", "json"});
      EXPECT_TRUE(reports(failing, rule.id)) << "failing example:\n" << failing;
      std::string fixed = printed(example, true, {"--format", "json"});
      EXPECT_FALSE(reports(fixed, rule.id)) << "fixed example:\n" << fixed;
    }
  }
  EXPECT_GE(checked, 50);
}

// The formats each rule applies to, so that a page cannot lose one quietly.
// The connectivity rules apply to every firewall dialect; the others to the
// dialects where the problem can occur.
TEST(RuleExamples, EveryRuleHasAnExampleInEachFormatItAppliesTo) {
  const std::set<std::string> all = {"asa", "iptables", "pf", "windows"};
  const std::map<std::string, std::set<std::string>> expected = {
      {"FWL001", all},
      {"FWL002", all},
      {"FWL003", all},
      {"FWL004", all},
      {"FWL005", {"iptables", "pf"}},
      {"FWL101", all},
      {"FWL102", {"asa", "iptables", "pf"}},
      {"FWL103", all},
      {"FWL104", {"asa", "iptables", "pf"}},
      {"FWL105", all},
      {"FWL106", all},
      {"FWL107", {"pack"}},
      {"FWL108", {"windows"}},
      {"FWL109", {"windows"}},
      {"FWL110", {"config"}},
      {"FWL111", all},
      {"FWL112", all},
  };
  for (const RuleInfo& rule : all_rules()) {
    SCOPED_TRACE(rule.id);
    std::set<std::string> formats;
    for (const RuleExample& example : rule.examples) {
      EXPECT_TRUE(formats.insert(example.format).second) << "two examples for " << example.format;
    }
    ASSERT_TRUE(expected.count(rule.id)) << "add the rule's formats to this test";
    EXPECT_EQ(formats, expected.at(rule.id));
  }
}

// docs/rules/<ID>.md is the catalogue's page with the output of each failing
// example. With FWLINT_UPDATE_DOCS=1 the pages are rewritten instead of
// compared.
TEST(RuleExamples, EveryRuleHasItsDocPageInSync) {
  fs::path dir = fs::path(test::source_dir()) / "docs" / "rules";
  bool update = std::getenv("FWLINT_UPDATE_DOCS") != nullptr;
  for (const auto& rule : all_rules()) {
    SCOPED_TRACE(rule.id);
    ExampleOutputs outputs;
    for (const RuleExample& example : rule.examples) {
      ExampleOutput& out = outputs.emplace_back();
      if (example_command(example).empty()) continue;
      out.failing = printed(example, false);
      if (!example.fixed_args.empty()) out.fixed = printed(example, true);
    }
    fs::path page = dir / (rule.id + ".md");
    std::string expected = rule_doc_file(rule, outputs);
    if (update) {
      fs::create_directories(dir);
      std::ofstream(page, std::ios::binary) << expected;
    }
    ASSERT_TRUE(fs::exists(page)) << page << " is missing";
    EXPECT_EQ(test::read_file(page.string()), expected)
        << page << " differs from src/report/rules/ or from what the examples print now; run "
        << "FWLINT_UPDATE_DOCS=1 fwlint_tests --gtest_filter='RuleExamples.*'";
  }
}

TEST(RuleExamples, NoDocPageWithoutARule) {
  fs::path dir = fs::path(test::source_dir()) / "docs" / "rules";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no docs/rules";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    std::string stem = entry.path().stem().string();
    if (stem == "README" || stem == "index") continue;
    EXPECT_NE(find_rule(stem), nullptr) << entry.path() << " documents no catalogued rule";
  }
}

}  // namespace
}  // namespace fwlint
