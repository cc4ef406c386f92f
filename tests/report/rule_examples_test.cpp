// SPDX-License-Identifier: Apache-2.0
// The examples of the rule pages are real: each failing configuration, run
// through the CLI with the page's options, reports its rule id; the fixed
// one does not.
#include "fwlint/report/rule_catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

std::string run_example(const RuleInfo& rule, const std::string& config, const char* which) {
  fs::path dir = fs::temp_directory_path() / ("fwlint-example-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / (rule.id + "-" + which + ".cfg");
  std::ofstream(file, std::ios::binary) << config << '\n';
  std::vector<std::string> args = rule.example_args;
  args.push_back("--format");
  args.push_back("json");
  args.push_back(file.string());
  test::CliRun run = test::run_cli(args);
  fs::remove(file);
  EXPECT_NE(run.exit_code, -1) << rule.id << " " << which << " crashed";
  return run.out;
}

TEST(RuleExamples, FailingReportsTheIdAndFixedDoesNot) {
  int checked = 0;
  for (const RuleInfo& rule : all_rules()) {
    if (rule.example_args.empty()) continue;
    ++checked;
    std::string quoted_id = "\"" + rule.id + "\"";
    std::string failing = run_example(rule, rule.example_failing, "failing");
    EXPECT_NE(failing.find(quoted_id), std::string::npos) << rule.id << " failing example:\n" << failing;
    std::string fixed = run_example(rule, rule.example_fixed, "fixed");
    EXPECT_EQ(fixed.find(quoted_id), std::string::npos) << rule.id << " fixed example:\n" << fixed;
  }
  EXPECT_GE(checked, 8);
}

}  // namespace
}  // namespace fwlint
