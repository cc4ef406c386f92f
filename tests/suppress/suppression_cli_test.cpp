// SPDX-License-Identifier: Apache-2.0
// Inline suppressions end to end, through the CLI: each dialect's forms,
// a missing reason (FWL111), an unused suppression (FWL112), and what a
// suppressed finding does to the outputs and the exit status.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fwlint {
namespace {

using nlohmann::json;
using test::CliRun;
using test::kAsaHead;
using test::kAsaTail;
using test::run_cli;
using test::TempFile;

const std::vector<std::string> kRtcWeb = {"--no-config", "--pack", "agora@2020-09", "--sdk", "rtc-web"};

struct Item {
  std::string id;
  int line = 0;
  int column = 0;
  std::string message;
  json suppressed;  // null when not suppressed
};

struct Lint {
  CliRun run;
  std::vector<Item> diagnostics;
  std::vector<Item> findings;
};

Lint lint(const std::string& config, const std::string& suffix, std::vector<std::string> args) {
  TempFile file(config, suffix);
  args.push_back("--format");
  args.push_back("json");
  args.push_back(file.path());
  Lint out;
  out.run = run_cli(args);
  json doc = json::parse(out.run.out, nullptr, false);
  if (doc.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << out.run.out << out.run.err;
    return out;
  }
  auto item = [](const json& j) {
    return Item{j.at("id"), j.at("line"), j.at("column"), j.at("message"), j.value("suppressed", json())};
  };
  for (const auto& f : doc.at("files")) {
    for (const auto& d : f.at("diagnostics")) out.diagnostics.push_back(item(d));
    for (const auto& c : f.at("checks"))
      for (const auto& x : c.at("findings")) out.findings.push_back(item(x));
  }
  return out;
}

std::vector<const Item*> with_id(const std::vector<Item>& items, const std::string& id) {
  std::vector<const Item*> out;
  for (const auto& i : items)
    if (i.id == id) out.push_back(&i);
  return out;
}

std::string text_output(const std::string& config, const std::string& suffix, std::vector<std::string> args,
                        int* exit_code = nullptr) {
  TempFile file(config, suffix);
  args.push_back(file.path());
  CliRun run = run_cli(args);
  if (exit_code) *exit_code = run.exit_code;
  return run.out;
}

TEST(SuppressionCli, AsaBangCommentBeforeTheRule) {
  std::string config = kAsaHead + "! agora-fwlint: ignore FWL001 -- guest VLAN, no Agora clients\n" + kAsaTail;
  Lint l = lint(config, ".cfg", kRtcWeb);
  auto f = with_id(l.findings, "FWL001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->line, 14);
  ASSERT_TRUE(f[0]->suppressed.is_object());
  EXPECT_EQ(f[0]->suppressed.at("reason"), "guest VLAN, no Agora clients");
  EXPECT_EQ(f[0]->suppressed.at("scope"), "line");
  EXPECT_EQ(f[0]->suppressed.at("line"), 13);
  EXPECT_EQ(f[0]->suppressed.at("column"), 3);
  EXPECT_TRUE(l.diagnostics.empty());
  // Suppressed: no failure, and not in the text output.
  EXPECT_EQ(l.run.exit_code, 0) << l.run.err;
  int code = -1;
  std::string text = text_output(config, ".cfg", kRtcWeb, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(text.find("[FWL001]"), std::string::npos) << text;
}

TEST(SuppressionCli, AsaRemarkBeforeTheRule) {
  std::string config =
      kAsaHead + "access-list inside_in remark agora-fwlint: ignore FWL001 -- NET-1234\n" + kAsaTail;
  Lint l = lint(config, ".cfg", kRtcWeb);
  auto f = with_id(l.findings, "FWL001");
  ASSERT_EQ(f.size(), 1u);
  ASSERT_TRUE(f[0]->suppressed.is_object());
  EXPECT_EQ(f[0]->suppressed.at("reason"), "NET-1234");
  EXPECT_EQ(l.run.exit_code, 0);
}

TEST(SuppressionCli, MissingReasonIsFwl111AndSuppressesNothing) {
  std::string config = kAsaHead + "! agora-fwlint: ignore FWL001\n" + kAsaTail;
  Lint l = lint(config, ".cfg", kRtcWeb);
  auto bad = with_id(l.diagnostics, "FWL111");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0]->line, 13);
  EXPECT_EQ(bad[0]->column, 30);
  EXPECT_EQ(bad[0]->message, "suppression without a reason: write '-- REASON' after the ids");
  auto f = with_id(l.findings, "FWL001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->suppressed.is_null());
  EXPECT_EQ(l.run.exit_code, 1);
  std::string text = text_output(config, ".cfg", kRtcWeb);
  EXPECT_NE(text.find(":13:30: error: suppression without a reason: write '-- REASON' after the ids [FWL111]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[FWL001]"), std::string::npos);
}

TEST(SuppressionCli, UnusedSuppressionIsFwl112AtTheId) {
  // The comment is one line off: above the permit, not the deny.
  std::string config = kAsaHead + "access-list inside_in extended deny udp any any\n" +
                       "! agora-fwlint: ignore FWL001, FWL004 -- misplaced\n" +
                       "access-list inside_in extended permit ip any any\n" +
                       "access-group inside_in in interface inside\n";
  Lint l = lint(config, ".cfg", kRtcWeb);
  auto unused = with_id(l.diagnostics, "FWL112");
  ASSERT_EQ(unused.size(), 2u);
  EXPECT_EQ(unused[0]->line, 14);
  EXPECT_EQ(unused[0]->column, 24);
  EXPECT_EQ(unused[0]->message, "unused suppression: no FWL001 finding on line 15");
  EXPECT_EQ(unused[1]->column, 32);
  EXPECT_EQ(unused[1]->message, "unused suppression: no FWL004 finding on line 15");
  EXPECT_TRUE(with_id(l.findings, "FWL001")[0]->suppressed.is_null());
  EXPECT_EQ(l.run.exit_code, 1);
}

TEST(SuppressionCli, IgnoreFileCoversFindingsWithoutALine) {
  // rtc-native is cloud-proxy only in agora@2020-09: FWL003 for the file.
  std::string config = "! agora-fwlint: ignore-file FWL003 -- clients use the cloud proxy\n" + kAsaHead + kAsaTail;
  Lint l = lint(config, ".cfg", {"--no-config", "--pack", "agora@2020-09", "--sdk", "rtc-native"});
  auto f = with_id(l.findings, "FWL003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->line, 0);
  ASSERT_TRUE(f[0]->suppressed.is_object());
  EXPECT_EQ(f[0]->suppressed.at("scope"), "file");
  EXPECT_TRUE(l.diagnostics.empty());
}

TEST(SuppressionCli, IptablesHashLineBeforeAChainPolicy) {
  std::string dump =
      "*filter\n"
      "# agora-fwlint: ignore FWL005 -- replies pass the upstream stateful firewall\n"
      ":INPUT DROP [0:0]\n"
      ":FORWARD DROP [0:0]\n"
      ":OUTPUT ACCEPT [0:0]\n"
      "-A INPUT -i lo -j ACCEPT\n"
      "COMMIT\n";
  Lint l = lint(dump, ".rules", {"--no-config", "--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtm-web"});
  auto f = with_id(l.findings, "FWL005");
  ASSERT_FALSE(f.empty());
  for (const Item* i : f) {
    EXPECT_EQ(i->line, 3);
    EXPECT_TRUE(i->suppressed.is_object());
  }
  EXPECT_EQ(l.run.exit_code, 0) << l.run.out;
}

TEST(SuppressionCli, IptablesCommentMatchOnTheRuleItself) {
  std::string dump =
      "*filter\n"
      ":INPUT DROP [0:0]\n"
      ":FORWARD DROP [0:0]\n"
      ":OUTPUT ACCEPT [0:0]\n"
      "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
      "-A OUTPUT -p udp -m comment --comment \"agora-fwlint: ignore FWL001 -- no UDP from this host\" -j DROP\n"
      "COMMIT\n";
  Lint l = lint(dump, ".rules", {"--no-config", "--pack", "agora@2020-09", "--mode", "host", "--sdk", "rtc-web"});
  auto f = with_id(l.findings, "FWL001");
  ASSERT_FALSE(f.empty());
  for (const Item* i : f) {
    EXPECT_EQ(i->line, 6);
    ASSERT_TRUE(i->suppressed.is_object());
    EXPECT_EQ(i->suppressed.at("reason"), "no UDP from this host");
  }
  EXPECT_EQ(l.run.exit_code, 0);
}

TEST(SuppressionCli, PfCommentBeforeAndAtTheEndOfTheRule) {
  for (const std::string& conf :
       {std::string("pass out all keep state\n# agora-fwlint: ignore FWL001 -- proxy only\nblock out proto udp\n"),
        std::string("pass out all keep state\nblock out proto udp # agora-fwlint: ignore FWL001 -- proxy only\n")}) {
    SCOPED_TRACE(conf);
    Lint l = lint(conf, ".conf", kRtcWeb);
    auto f = with_id(l.findings, "FWL001");
    ASSERT_FALSE(f.empty());
    for (const Item* i : f) EXPECT_TRUE(i->suppressed.is_object()) << i->line;
    EXPECT_TRUE(with_id(l.diagnostics, "FWL112").empty());
    EXPECT_EQ(l.run.exit_code, 0);
  }
}

TEST(SuppressionCli, WindowsXmlCommentBeforeTheRuleElement) {
  std::string xml = test::read_file(test::source_dir() + "/samples/windows/laptop-public-block.gpo.xml");
  // The sample's block rule starts at line 32; put the comment above it.
  std::size_t at = xml.find("        <q1:OutboundFirewallRules>");
  ASSERT_NE(at, std::string::npos);
  xml.insert(at, "        <!-- agora-fwlint: ignore FWL001 - hotel networks: the app uses the cloud proxy -->\n");
  Lint l = lint(xml, ".xml", {"--no-config", "--profile", "public", "--sdk", "rtc-web"});
  auto f = with_id(l.findings, "FWL001");
  ASSERT_FALSE(f.empty());
  for (const Item* i : f) {
    EXPECT_EQ(i->line, 33);
    ASSERT_TRUE(i->suppressed.is_object());
    EXPECT_EQ(i->suppressed.at("reason"), "hotel networks: the app uses the cloud proxy");
  }
  EXPECT_EQ(l.run.exit_code, 0);
}

TEST(SuppressionCli, ConfigIgnoreRemovesTheFindingAndMakesTheCommentUnused) {
  std::string config = kAsaHead + "! agora-fwlint: ignore FWL001 -- lab\n" + kAsaTail;
  TempFile cfg("ignore: [FWL001]\n", ".yaml");
  std::vector<std::string> args = kRtcWeb;
  args[0] = "--config";
  args.insert(args.begin() + 1, cfg.path());
  Lint l = lint(config, ".cfg", args);
  EXPECT_TRUE(with_id(l.findings, "FWL001").empty());
  ASSERT_EQ(with_id(l.diagnostics, "FWL112").size(), 1u);
  // The stale comment is a warning, which fails the run by default.
  EXPECT_EQ(l.run.exit_code, 1);
}

}  // namespace
}  // namespace fwlint
