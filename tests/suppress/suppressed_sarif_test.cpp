// SPDX-License-Identifier: Apache-2.0
// A finding suppressed in the config stays in the SARIF log, marked as
// suppressed in source with the comment's reason, so code review shows it
// as dismissed instead of new.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fwlint::test {
namespace {

const char* kSuppressedAsa =
    "ASA Version 9.8(2)\n"
    "interface GigabitEthernet0/0\n nameif outside\n security-level 0\n ip address 203.0.113.2 255.255.255.0\n"
    "interface GigabitEthernet0/1\n nameif inside\n security-level 100\n ip address 192.168.1.1 255.255.255.0\n"
    "access-list inside_in extended permit tcp any any eq 443\n"
    "! agora-fwlint: ignore FWL001 -- signaling is not used at this site\n"
    "access-list inside_in extended deny ip any any\n"
    "access-group inside_in in interface inside\n";

TEST(SuppressedSarif, ASuppressedResultCarriesItsInSourceSuppression) {
  TempFile cfg(kSuppressedAsa);
  CliRun run = run_cli({cfg.path(), "--no-config", "--pack", "agora@2020-09", "--sdk", "rtm-web", "--format", "sarif"});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  auto log = nlohmann::json::parse(run.out);
  int suppressed = 0;
  for (const auto& r : log["runs"][0]["results"]) {
    if (r["ruleId"] != "FWL001") continue;
    ASSERT_TRUE(r.contains("suppressions")) << r.dump(1);
    const auto& s = r["suppressions"][0];
    EXPECT_EQ(s["kind"], "inSource");
    EXPECT_EQ(s["status"], "accepted");
    EXPECT_EQ(s["justification"], "signaling is not used at this site");
    EXPECT_EQ(s["location"]["physicalLocation"]["region"]["startLine"], 11);
    ++suppressed;
  }
  EXPECT_GT(suppressed, 0);
}

// The text summary does not call a check whose failures are all suppressed
// a failure, while still showing what was evaluated.
TEST(SuppressedSarif, TextSaysAFailureIsSuppressed) {
  TempFile cfg(kSuppressedAsa);
  CliRun run = run_cli({cfg.path(), "--no-config", "--pack", "agora@2020-09", "--sdk", "rtm-web"});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find(": FAIL (every finding suppressed)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 check is suppressed in 1 file"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("[FWL001]"), std::string::npos) << run.out;
}

// A cloud-proxy note accepted for the whole file is not printed either.
TEST(SuppressedSarif, TextLeavesOutASuppressedCloudProxyNote) {
  std::string config = kSuppressedAsa;
  const std::string comment = "! agora-fwlint: ignore FWL001 -- signaling is not used at this site\n";
  config.replace(config.find(comment), comment.size(),
                 "! agora-fwlint: ignore-file FWL003 -- clients use the proxy (NET-77)\n");
  TempFile cfg(config);
  CliRun run = run_cli({cfg.path(), "--no-config", "--pack", "agora@2020-09", "--sdk", "rtc-native"});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find(": PROXY REQUIRED (every finding suppressed)"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("  note "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("[FWL003]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 check is suppressed in 1 file"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace fwlint::test
