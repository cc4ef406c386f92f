// SPDX-License-Identifier: Apache-2.0
// The limits of docs/limits.md: each is enforced with a diagnostic that
// names it, each can be changed with --limit and in .agora-fwlint.yaml, and
// repeated diagnostics are counted instead of printed without end.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fwlint/frontends/input_limits.h"
#include "test_support.h"

namespace fwlint::test {
namespace {

using nlohmann::json;

int count_id(const json& file, const std::string& id) {
  int n = 0;
  for (const auto& d : file["diagnostics"]) n += d["id"] == id;
  return n;
}

TEST(Limits, SetLimitReadsNumbersAndSizes) {
  InputLimits l;
  std::string error;
  EXPECT_TRUE(set_limit(l, "line-length", "128K", error)) << error;
  EXPECT_EQ(l.line_length, 128u * 1024);
  EXPECT_TRUE(set_limit(l, "file-size", "2G", error)) << error;
  EXPECT_EQ(l.file_size, std::size_t{2} << 30);
  EXPECT_TRUE(set_limit(l, "nesting", "8", error)) << error;
  EXPECT_EQ(l.nesting, 8u);
  for (const char* bad : {"0", "-1", "", "12x", "8K", "99999999999999999999999"}) {
    EXPECT_FALSE(set_limit(l, "nesting", bad, error)) << bad;
    EXPECT_NE(error.find("positive whole number"), std::string::npos) << error;
  }
  EXPECT_FALSE(set_limit(l, "line-lenght", "1", error));
  EXPECT_EQ(error, "unknown limit 'line-lenght'");
  EXPECT_FALSE(set_limit(l, "file-size", "99999999999G", error)) << "overflow";
}

TEST(Limits, CommandLineErrorsAreUsageErrors) {
  CliRun typo = run_cli({"--limit", "line-lenght=10", "samples/asa/compliant.cfg"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("(did you mean 'line-length'?)"), std::string::npos) << typo.err;
  CliRun value = run_cli({"--limit", "nesting=lots", "samples/asa/compliant.cfg"});
  EXPECT_EQ(value.exit_code, 2);
  EXPECT_NE(value.err.find("needs a positive whole number"), std::string::npos) << value.err;
  EXPECT_EQ(value.err.find("did you mean"), std::string::npos) << value.err;
  EXPECT_EQ(run_cli({"--limit", "nesting", "samples/asa/compliant.cfg"}).exit_code, 2);
}

TEST(Limits, FileSizeRefusesTheFileAndKeepsTheOthers) {
  CliRun run = run_cli({"--no-config", "--format", "json", "--limit", "file-size=100",
                        "samples/asa/compliant.cfg"});
  EXPECT_EQ(run.exit_code, 2);
  json out = json::parse(run.out);
  ASSERT_EQ(out["files"].size(), 1u);
  EXPECT_EQ(out["files"][0]["status"], "failed");
  EXPECT_NE(out["files"][0]["diagnostics"][0]["message"].get<std::string>().find("--limit file-size"),
            std::string::npos);
}

TEST(Limits, LineLengthIsReportedAndRaisable) {
  std::string acl = "access-list inside_in extended permit tcp any any eq https";
  std::string long_remark = "access-list inside_in remark " + std::string(200, 'x');
  TempFile cfg(kAsaHead + long_remark + "\n" + kAsaTail);
  CliRun cut = run_cli({"--no-config", "--format", "json", "--limit", "line-length=100",
                        "--pack", "agora@2020-09", "--sdk", "rtm-web", cfg.path()});
  json out = json::parse(cut.out);
  bool named = false;
  for (const auto& d : out["files"][0]["diagnostics"])
    named = named || d["message"].get<std::string>().find("--limit line-length") != std::string::npos;
  EXPECT_TRUE(named) << cut.out;
  CliRun whole = run_cli({"--no-config", "--format", "json", "--pack", "agora@2020-09", "--sdk",
                          "rtm-web", cfg.path()});
  EXPECT_EQ(whole.out.find("--limit line-length"), std::string::npos) << whole.out;
}

TEST(Limits, RepeatedDiagnosticsAreCountedNotRepeated) {
  std::string lines;
  for (int i = 0; i < 500; ++i)
    lines += "access-list inside_in extended permit tcp any any eq noport" + std::to_string(i) + "\n";
  TempFile cfg(kAsaHead + lines + kAsaTail);
  auto diagnostics = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--no-config", "--format", "json", "--pack", "agora@2020-09",
                                     "--sdk", "rtm-web"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(cfg.path());
    CliRun run = run_cli(args);
    return json::parse(run.out)["files"][0];
  };
  json shown = diagnostics({});
  EXPECT_EQ(count_id(shown, "FWL101"), 21) << "20 shown and one that counts the rest";
  std::string last;
  for (const auto& d : shown["diagnostics"])
    if (d["id"] == "FWL101") last = d["message"];
  EXPECT_EQ(last.rfind("480 more FWL101 diagnostics of this file are left out", 0), 0u) << last;
  EXPECT_EQ(count_id(diagnostics({"--limit", "repeated-diagnostics=5"}), "FWL101"), 6);
  EXPECT_EQ(count_id(diagnostics({"--limit", "repeated-diagnostics=1000"}), "FWL101"), 500);
}

TEST(Limits, PfIncludeDepthFollowsTheLimit) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fwlint-limits-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // pf.conf includes f1, f1 includes f2, ... f5.
  std::ofstream(dir / "pf.conf") << "include \"f1.conf\"\nblock all\n";
  for (int i = 1; i <= 5; ++i)
    std::ofstream(dir / ("f" + std::to_string(i) + ".conf"))
        << (i < 5 ? "include \"f" + std::to_string(i + 1) + ".conf\"\n" : "pass out all\n");
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--no-config", "--format", "json", "--mode", "host", "--pack",
                                     "agora@2020-09", "--sdk", "rtm-web"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back((dir / "pf.conf").string());
    return run_cli(args).out;
  };
  EXPECT_EQ(run({}).find("--limit include-depth"), std::string::npos);
  EXPECT_NE(run({"--limit", "include-depth=2"}).find("--limit include-depth"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Limits, ConfigurationFileSetsLimitsAndCommandLineWins) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fwlint-limits-config-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string lines;
  for (int i = 0; i < 50; ++i)
    lines += "access-list inside_in extended permit tcp any any eq noport" + std::to_string(i) + "\n";
  std::ofstream(dir / "fw.cfg") << kAsaHead + lines + kAsaTail;
  std::ofstream(dir / ".agora-fwlint.yaml") << "pack: agora@2020-09\nlimits:\n  repeated-diagnostics: 3\n";
  auto fwl101 = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("fw.cfg");
    return count_id(json::parse(run_cli_in(dir.string(), args).out)["files"][0], "FWL101");
  };
  EXPECT_EQ(fwl101({}), 4);
  EXPECT_EQ(fwl101({"--limit", "repeated-diagnostics=10"}), 11);

  std::ofstream(dir / ".agora-fwlint.yaml") << "limits:\n  nestng: 3\n  nesting: many\n";
  CliRun bad = run_cli_in(dir.string(), {"fw.cfg"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(".agora-fwlint.yaml:2:3: error: unknown limit 'nestng'"), std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find(".agora-fwlint.yaml:3:12: error: limit nesting needs a positive whole number"),
            std::string::npos)
      << bad.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fwlint::test
