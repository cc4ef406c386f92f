// SPDX-License-Identifier: Apache-2.0
// The habits users bring from other linters: --fail-on, --quiet, --color and
// NO_COLOR, several files in one run, --jobs, and "did you mean" on typos.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace fwlint::test {
namespace {

using nlohmann::json;

// small-office.cfg fails rtm-web; compliant.cfg passes (its cloud-proxy-only
// SDKs are notes, which never fail a run).
const std::string kFailing = "samples/asa/small-office.cfg";
const std::string kPassing = "samples/asa/compliant.cfg";

/// A config whose only result is unknown: an ASA rule with a time-range.
const char* kUnknownAsa =
    "ASA Version 9.8(2)\n"
    "interface GigabitEthernet0/0\n nameif outside\n security-level 0\n ip address 203.0.113.2 255.255.255.0\n"
    "interface GigabitEthernet0/1\n nameif inside\n security-level 100\n ip address 192.168.1.1 255.255.255.0\n"
    "time-range WORK\n periodic weekdays 8:00 to 18:00\n"
    "access-list inside_in extended permit ip any any time-range WORK\n"
    "access-list inside_in extended deny ip any any\n"
    "access-group inside_in in interface inside\n";

TEST(CliHabits, FailOnChoosesWhichFindingsFailTheRun) {
  TempFile unknown(kUnknownAsa);
  // Default (warning): failed and undecided checks fail the run.
  EXPECT_EQ(run_cli({kFailing, "--sdk", "rtm-web"}).exit_code, 1);
  EXPECT_EQ(run_cli({unknown.path(), "--sdk", "rtm-web"}).exit_code, 1);
  EXPECT_EQ(run_cli({kPassing}).exit_code, 0);
  // error: only failed checks.
  EXPECT_EQ(run_cli({kFailing, "--sdk", "rtm-web", "--fail-on", "error"}).exit_code, 1);
  EXPECT_EQ(run_cli({unknown.path(), "--sdk", "rtm-web", "--fail-on", "error"}).exit_code, 0);
  // never: findings are reported, the run passes; unusable input still exits 2.
  CliRun never = run_cli({kFailing, "--sdk", "rtm-web", "--fail-on", "never"});
  EXPECT_EQ(never.exit_code, 0);
  EXPECT_NE(never.out.find("[FWL001]"), std::string::npos);
  EXPECT_EQ(run_cli({"/nonexistent/file.cfg", "--fail-on", "never"}).exit_code, 2);
  CliRun bad = run_cli({kFailing, "--fail-on", "warnings"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("(did you mean 'warning'?)"), std::string::npos) << bad.err;
}

// Diagnostics count for the exit status by their severity, like findings:
// a broken suppression (FWL111, error), a stale one (FWL112, warning), a
// disabled firewall (FWL109, warning). Parse problems (FWL101...) count only
// through the checks they make unknown.
TEST(CliHabits, DiagnosticsFailTheRunBySeverityExceptParseProblems) {
  const std::string head = std::string(kUnknownAsa).substr(0, std::string(kUnknownAsa).find("time-range"));
  const std::string tail =
      "access-list inside_in extended permit ip any any\n"
      "access-group inside_in in interface inside\n";
  TempFile clean(head + tail);
  TempFile unused(head + "! agora-fwlint: ignore FWL001 -- kept from before the upgrade\n" + tail);
  TempFile invalid(head + "! agora-fwlint: ignore FWL001\n" + tail);
  TempFile parse_problem(head + "this is no asa command\n" + tail);
  EXPECT_EQ(run_cli({clean.path(), "--sdk", "rtm-web"}).exit_code, 0);
  EXPECT_EQ(run_cli({parse_problem.path(), "--sdk", "rtm-web"}).exit_code, 0);

  CliRun stale = run_cli({unused.path(), "--sdk", "rtm-web"});
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.out.find("[FWL112]"), std::string::npos) << stale.out;
  EXPECT_EQ(run_cli({unused.path(), "--sdk", "rtm-web", "--fail-on", "error"}).exit_code, 0);

  EXPECT_EQ(run_cli({invalid.path(), "--sdk", "rtm-web", "--fail-on", "error"}).exit_code, 1);
  EXPECT_EQ(run_cli({invalid.path(), "--sdk", "rtm-web", "--fail-on", "never"}).exit_code, 0);

  TempFile firewall_off(
      "Windows Registry Editor Version 5.00\n\n"
      "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile]\n"
      "\"EnableFirewall\"=dword:00000000\n\"AllowLocalPolicyMerge\"=dword:00000000\n",
      ".reg");
  CliRun off = run_cli({firewall_off.path(), "--sdk", "rtm-web", "--profile", "public"});
  EXPECT_NE(off.out.find("[FWL109]"), std::string::npos) << off.out;
  EXPECT_NE(off.out.find(": PASS"), std::string::npos) << off.out;
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_EQ(run_cli({firewall_off.path(), "--sdk", "rtm-web", "--profile", "public", "--fail-on",
                     "error"}).exit_code, 0);
}

TEST(CliHabits, QuietPrintsOnlyTheFindings) {
  CliRun loud = run_cli({kFailing, "--sdk", "rtm-web"});
  CliRun quiet = run_cli({kFailing, "--sdk", "rtm-web", "--quiet"});
  EXPECT_EQ(quiet.exit_code, loud.exit_code);
  EXPECT_NE(quiet.out.find("[FWL001]"), std::string::npos);
  EXPECT_EQ(quiet.out.find(": FAIL"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("1 check failed"), std::string::npos) << quiet.out;
  // The finding lines are the loud output's first lines, unchanged.
  EXPECT_EQ(loud.out.substr(0, quiet.out.size()), quiet.out);
  EXPECT_EQ(run_cli({kPassing, "-q"}).out.find("PASS"), std::string::npos);
}

TEST(CliHabits, ColorFollowsTheOptionAndNoColor) {
  const std::string escape = "\x1b[";
  // Standard output is a pipe here: auto means no color.
  EXPECT_EQ(run_cli({kFailing, "--sdk", "rtm-web"}).out.find(escape), std::string::npos);
  EXPECT_NE(run_cli({kFailing, "--sdk", "rtm-web", "--color", "always"}).out.find(escape), std::string::npos);
  EXPECT_EQ(run_cli({kFailing, "--sdk", "rtm-web", "--color", "never"}).out.find(escape), std::string::npos);
  // Colors never go into JSON or SARIF.
  EXPECT_EQ(run_cli({kFailing, "--color", "always", "--format", "json"}).out.find(escape), std::string::npos);
  EXPECT_EQ(run_cli({kFailing, "--color", "sometimes"}).exit_code, 2);
}

TEST(CliHabits, SeveralFilesMakeOneJsonDocumentAndOneSarifRun) {
  const std::vector<std::string> files{kFailing, kPassing, "samples/pf/freebsd-server.conf",
                                       "samples/windows/agora-allow-policy.reg"};
  std::vector<std::string> args = files;
  args.insert(args.end(), {"--format", "json"});
  const json doc = json::parse(run_cli(args).out);
  ASSERT_EQ(doc["files"].size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(doc["files"][i]["path"], files[i]);
  args.back() = "sarif";
  const json sarif = json::parse(run_cli(args).out);
  ASSERT_EQ(sarif["runs"].size(), 1u);
  EXPECT_EQ(sarif["runs"][0]["artifacts"].size(), files.size());
}

TEST(CliHabits, JobsGiveTheSameReportAsOneAtATime) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + "/samples"))
    if (entry.is_regular_file())
      files.push_back(std::filesystem::relative(entry.path(), source_dir()).string());
  std::sort(files.begin(), files.end());
  // Each file twice, so that workers overlap on the same formats.
  std::vector<std::string> args = files;
  args.insert(args.end(), files.begin(), files.end());
  for (const char* format : {"json", "text", "sarif"}) {
    std::vector<std::string> serial = args, parallel = args;
    serial.insert(serial.end(), {"--format", format});
    parallel.insert(parallel.end(), {"--format", format, "--jobs", "4"});
    CliRun one = run_cli(serial), four = run_cli(parallel);
    EXPECT_EQ(one.exit_code, four.exit_code) << format;
    EXPECT_EQ(one.out, four.out) << format;
  }
  EXPECT_EQ(run_cli({kPassing, "--jobs", "0"}).exit_code, 2);
}

TEST(CliHabits, TyposGetASuggestion) {
  struct Case {
    std::vector<std::string> args;
    std::string suggestion;
  };
  const Case cases[] = {
      {{"--sdkk", "rtm-web", kFailing}, "(did you mean '--sdk'?)"},
      {{"--sdk", "rtm-wbe", kFailing}, "(did you mean 'rtm-web'?)"},
      {{"--sdk", "signalling-web", kFailing}, "(did you mean 'signaling-web'?)"},
      {{"--pack", "agora@2026-2", kFailing}, "(did you mean 'agora@2026-02'?)"},
      {{"--format", "jsn", kFailing}, "(did you mean 'json'?)"},
      {{"--mode", "gatway", kFailing}, "(did you mean 'gateway'?)"},
      {{"--without", "rtmp-convertor", kFailing}, "(did you mean 'rtmp-converter'?)"},
      {{"--explain", "FWL0001"}, "(did you mean 'FWL001'?)"},
  };
  for (const auto& c : cases) {
    CliRun run = run_cli(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args[0];
    EXPECT_NE(run.err.find(c.suggestion), std::string::npos) << run.err;
  }
  // Nothing close: no suggestion.
  CliRun far = run_cli({"--sdk", "zzzzzz", kFailing});
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
}

}  // namespace
}  // namespace fwlint::test
