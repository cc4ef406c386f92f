// SPDX-License-Identifier: Apache-2.0
// Golden tests: every bundled sample through the CLI in every format, compared
// with the expected output kept under tests/golden/. Regenerate after an
// intended change with FWLINT_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace fwlint::test {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  std::string sample;  // relative to the source dir
  std::string format;
  std::vector<std::string> extra_args;
  std::string golden;  // relative to the source dir
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.golden; }

std::vector<GoldenCase> cases() {
  std::vector<GoldenCase> out;
  for (const auto& dir : fs::directory_iterator(source_dir() + "/samples")) {
    if (!dir.is_directory()) continue;
    std::string format = dir.path().filename().string();
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      if (!entry.is_regular_file()) continue;
      std::string name = entry.path().stem().string();
      std::string sample = "samples/" + format + "/" + entry.path().filename().string();
      for (const char* fmt : {"text", "json", "sarif"})
        out.push_back({sample, fmt, {}, "tests/golden/" + format + "/" + name + "." + fmt});
    }
  }
  // Samples that mean most with options, checked once more with them.
  struct ExtraRun {
    const char* sample;
    const char* suffix;
    std::vector<std::string> args;
  };
  const ExtraRun extra_runs[] = {
      {"samples/iptables/docker-gateway.rules", "gateway-eth1-eth0",
       {"--mode", "gateway", "--from", "eth1", "--to", "eth0"}},
      {"samples/iptables/stateless-replies.rules", "lan", {"--source", "192.168.10.0/24"}},
      {"samples/pf/openbsd-home-router.conf", "from-em1", {"--mode", "gateway", "--from", "em1"}},
      {"samples/windows/hardened-workstation.gpo.xml", "chat-app",
       {"--app", "C:\\Program Files\\Contoso\\Chat\\chat.exe", "--profile", "public"}},
      // The first Agora pack next to the newest, and the cloud proxy's needs.
      {"samples/asa/small-office.cfg", "agora-2020-09", {"--pack", "agora@2020-09"}},
      {"samples/asa/compliant.cfg", "cloud-proxy-europe",
       {"--cloud-proxy", "--proxy-region", "europe", "--sdk", "rtc-native", "--sdk", "rtc-web",
        "--sdk", "recording"}},
  };
  for (const ExtraRun& run : extra_runs) {
    fs::path sample(run.sample);
    std::string dir = sample.parent_path().filename().string();
    for (const char* fmt : {"text", "json", "sarif"})
      out.push_back({run.sample, fmt, run.args,
                     "tests/golden/" + dir + "/" + sample.stem().string() + "." + run.suffix + "." + fmt});
  }
  std::sort(out.begin(), out.end(),
            [](const GoldenCase& a, const GoldenCase& b) { return a.golden < b.golden; });
  return out;
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesExpectedOutput) {
  const GoldenCase& c = GetParam();
  // --no-config: a .agora-fwlint.yaml above the samples must not change them.
  std::vector<std::string> args{c.sample, "--format", c.format, "--no-config"};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  CliRun run = run_cli(args);
  ASSERT_EQ(run.signal, 0) << run.err;
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit " << run.exit_code << "\n" << run.err;
  // The checkout's absolute path (SARIF %SRCROOT%) differs between machines.
  std::string out = run.out, root = "file://" + source_dir() + "/";
  for (auto at = out.find(root); at != std::string::npos; at = out.find(root, at))
    out.replace(at, root.size(), "file:///SRCROOT/");
  std::string golden_path = source_dir() + "/" + c.golden;
  if (std::getenv("FWLINT_UPDATE_GOLDEN")) {
    std::ofstream(golden_path, std::ios::binary) << out;
    GTEST_SKIP() << "updated " << c.golden;
  }
  ASSERT_TRUE(fs::exists(golden_path)) << "missing " << c.golden << " (run with FWLINT_UPDATE_GOLDEN=1)";
  EXPECT_EQ(out, read_file(golden_path)) << "output of " << c.sample << " as " << c.format
                                             << " differs from " << c.golden;
}

std::string case_name(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string n = fs::path(info.param.golden).filename().string();
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(cases()), case_name);

}  // namespace
}  // namespace fwlint::test
