// SPDX-License-Identifier: Apache-2.0
// .agora-fwlint.yaml end to end: discovery per input, --config, --no-config,
// --print-config, the command line winning, every key changing a run, and
// invalid files stopping it with exit status 2 at file:line:col.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::CliRun;
using test::run_cli;

// A Cisco ASA config (the FWL001 example of the catalogue) whose line 13
// denies Agora's UDP.
const std::string kAsa = test::kAsaHead + test::kAsaTail;

class ConfigCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("fwlint-config-cli-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string& rel, const std::string& text) {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  /// The checks of a JSON run: "sdk pack verdict" per check, per file.
  static std::vector<std::string> checks(const CliRun& run) {
    std::vector<std::string> out;
    json doc = json::parse(run.out, nullptr, false);
    if (doc.is_discarded()) {
      ADD_FAILURE() << run.out << run.err;
      return out;
    }
    for (const auto& f : doc.at("files"))
      for (const auto& c : f.at("checks"))
        out.push_back(c.at("sdk").get<std::string>() + " " + c.at("pack").get<std::string>() + " " +
                      c.at("verdict").get<std::string>());
    return out;
  }

  /// Runs the CLI in `dir` with `stdin_text` on standard input (the shared
  /// runner always starts in the source tree).
  CliRun run_in(const fs::path& dir, const std::string& args, const std::string& stdin_text) {
    std::string in = write("stdin.txt", stdin_text);
    fs::path out = root_ / "out.txt", err = root_ / "err.txt";
    std::string command = "cd '" + dir.string() + "' && '" + FWLINT_BINARY + "' " + args + " < '" + in + "' > '" +
                          out.string() + "' 2> '" + err.string() + "'";
    int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = test::read_file(out.string());
    run.err = test::read_file(err.string());
    return run;
  }

  fs::path root_;
};

TEST_F(ConfigCli, DiscoveredPerInputFromItsDirectoryUp) {
  write(".agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtm-web]\n");
  write("edge/.agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtc-web]\n");
  std::string top = write("fw.cfg", kAsa);
  std::string deep = write("edge/site/fw.cfg", kAsa);
  CliRun run = run_cli({"--format", "json", top, deep});
  EXPECT_EQ(checks(run), (std::vector<std::string>{"rtm-web agora@2020-09 pass", "rtc-web agora@2020-09 fail"}));
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

TEST_F(ConfigCli, NoConfigAndConfigOption) {
  write(".agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtm-web]\n");
  std::string other = write("other.yaml", "pack: agora@2020-09\nsdks: [rtc-web]\n");
  std::string fw = write("fw.cfg", kAsa);
  CliRun none = run_cli({"--format", "json", "--no-config", "--pack", "agora@2020-09", "--sdk", "rtm-web",
                         "--sdk", "rtc-web", fw});
  EXPECT_EQ(checks(none).size(), 2u);
  CliRun named = run_cli({"--format", "json", "--config", other, fw});
  EXPECT_EQ(checks(named), (std::vector<std::string>{"rtc-web agora@2020-09 fail"}));
}

TEST_F(ConfigCli, CommandLineWins) {
  write(".agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtc-web]\n");
  std::string fw = write("fw.cfg", kAsa);
  CliRun run = run_cli({"--format", "json", "--sdk", "rtm-web", fw});
  EXPECT_EQ(checks(run), (std::vector<std::string>{"rtm-web agora@2020-09 pass"}));
  EXPECT_EQ(run.exit_code, 0);
}

TEST_F(ConfigCli, StandardInputFindsTheConfigOfTheCurrentDirectory) {
  write("site/.agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtc-web]\ndialect: asa\n");
  fs::create_directories(root_ / "site" / "sub");
  CliRun run = run_in(root_ / "site" / "sub", "--format json -", kAsa);
  EXPECT_EQ(checks(run), (std::vector<std::string>{"rtc-web agora@2020-09 fail"}));
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

TEST_F(ConfigCli, EveryKeyChangesTheRun) {
  std::string fw = write("edge/fw.txt", kAsa);
  auto run_with = [&](const std::string& yaml) {
    write(".agora-fwlint.yaml", yaml);
    return run_cli({"--format", "json", fw});
  };
  // pack + sdks + sdk_version: Web SDK before 2.9.0 needs UDP 10000-65535.
  CliRun v = run_with("pack: agora@2020-09\nsdks: [rtc-web]\nsdk_version: 2.8.0\n");
  json doc = json::parse(v.out);
  EXPECT_EQ(doc["files"][0]["checks"][0]["sdk_version"], "2.8.0");
  // without: the rtmp-converter feature is left out.
  CliRun w = run_with("pack: agora@2020-09\nsdks: [rtc-web]\nwithout: [rtmp-converter]\n");
  EXPECT_EQ(json::parse(w.out)["files"][0]["checks"][0]["features_left_out"], json::array({"rtmp-converter"}));
  // sources.
  CliRun s = run_with("pack: agora@2020-09\nsdks: [rtc-web]\nsources: [192.168.1.0/25]\n");
  EXPECT_NE(json::parse(s.out)["files"][0]["checks"][0]["sources"].get<std::string>().find("192.168.1.0/25"),
            std::string::npos);
  // severity: the failure becomes a note, which fails no run.
  CliRun sev = run_with("pack: agora@2020-09\nsdks: [rtc-web]\nseverity: {FWL001: note}\n");
  EXPECT_EQ(json::parse(sev.out)["files"][0]["checks"][0]["findings"][0]["severity"], "note");
  EXPECT_EQ(sev.exit_code, 0);
  // ignore: the finding is gone.
  CliRun ign = run_with("pack: agora@2020-09\nsdks: [rtc-web]\nignore: [FWL001]\n");
  EXPECT_TRUE(json::parse(ign.out)["files"][0]["checks"][0]["findings"].empty());
  EXPECT_EQ(ign.exit_code, 0);
  // dialect: a pattern names the dialect (the content says it too; a wrong
  // one shows it is used).
  CliRun d = run_with("pack: agora@2020-09\nsdks: [rtc-web]\ndialect:\n  \"edge/*.txt\": iptables\n");
  EXPECT_EQ(json::parse(d.out)["files"][0]["format"], "iptables");
}

TEST_F(ConfigCli, PrintConfigSaysWhereEachValueComesFrom) {
  write(".agora-fwlint.yaml",
        "pack: agora@2020-09\nsdks: [rtc-web]\ndialect:\n  \"*.cfg\": asa\nseverity:\n  FWL004: note\n"
        "ignore: [FWL003]\nlimits:\n  line-length: 128K\n  nesting: 32\n");
  std::string fw = write("fw.cfg", kAsa);
  CliRun run = run_in(root_, "--print-config --sdk-version 4.0.0 --limit nesting=8 fw.cfg", "");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "fw.cfg:\n"
            "  config: \".agora-fwlint.yaml\"\n"
            "  sdks: [rtc-web]                         # .agora-fwlint.yaml:2:1\n"
            "  pack: [agora@2020-09]                   # .agora-fwlint.yaml:1:1\n"
            "  sdk_version: 4.0.0                      # command line (--sdk-version)\n"
            "  without: []                             # default: every feature is checked\n"
            "  dialect: asa                            # .agora-fwlint.yaml:4:12 (\"*.cfg\")\n"
            "  sources: []                             # default: the networks behind the ingress interface\n"
            "  severity:\n"
            "    FWL004: note                          # .agora-fwlint.yaml:6:3\n"
            "  ignore:\n"
            "    - FWL003                              # .agora-fwlint.yaml:7:10\n"
            "  limits:\n"
            "    line-length: 131072                   # .agora-fwlint.yaml:9:3\n"
            "    nesting: 8                            # command line (--limit)\n");
  CliRun none = run_cli({"--print-config", "--no-config", fw});
  EXPECT_NE(none.out.find("  config: null                            # no .agora-fwlint.yaml applies\n"),
            std::string::npos)
      << none.out;
  EXPECT_NE(none.out.find("  pack: [agora@2026-02]                   # default\n"), std::string::npos) << none.out;
}

TEST_F(ConfigCli, InvalidConfigStopsWithExitTwoAtLineAndColumn) {
  write(".agora-fwlint.yaml", "sdks: [rtc-web]\nsdk_versoin: 4.4.0\nsources: [10.0.0.0/33]\n");
  std::string fw = write("fw.cfg", kAsa);
  CliRun run = run_in(root_, "fw.cfg", "");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            ".agora-fwlint.yaml:2:1: error: unknown option 'sdk_versoin' (known: sdks, pack, sdk_version, without, "
            "dialect, sources, severity, ignore, limits) [FWL110]\n"
            ".agora-fwlint.yaml:3:11: error: invalid source '10.0.0.0/33' (expected an address or CIDR, e.g. "
            "192.168.1.0/24) [FWL110]\n");
  // --no-config gets past it.
  EXPECT_EQ(run_in(root_, "--no-config --pack agora@2020-09 --sdk rtm-web fw.cfg", "").exit_code, 0);
}

TEST_F(ConfigCli, UnknownSdkInTheFileIsReportedAtItsPlace) {
  write(".agora-fwlint.yaml", "pack: agora@2020-09\nsdks: [rtc-wbe]\n");
  std::string fw = write("fw.cfg", kAsa);
  CliRun run = run_in(root_, "fw.cfg", "");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, ".agora-fwlint.yaml:2:8: error: unknown sdk 'rtc-wbe' (see agora-fwlint --list-sdks) [FWL110]\n");
}

TEST_F(ConfigCli, MissingConfigFileIsAnError) {
  std::string fw = write("fw.cfg", kAsa);
  CliRun run = run_cli({"--config", (root_ / "nope.yaml").string(), fw});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nope.yaml: error: cannot read configuration file: "), std::string::npos) << run.err;
}

TEST_F(ConfigCli, ListSdksUsesThePackOfTheCurrentDirectorysConfig) {
  write(".agora-fwlint.yaml", "pack: agora@2020-09\n");
  CliRun run = run_in(root_, "--list-sdks", "");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("agora@2020-09", 0), 0u) << run.out;
}

}  // namespace
}  // namespace fwlint
