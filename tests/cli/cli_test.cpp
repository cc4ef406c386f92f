// SPDX-License-Identifier: Apache-2.0
// The CLI as a user runs it: options, exit codes, bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace fwlint::test {
namespace {

namespace fs = std::filesystem;


const char* kSmallAsa =
    "ASA Version 9.8(2)\n"
    "interface GigabitEthernet0/0\n"
    " nameif outside\n"
    " security-level 0\n"
    " ip address 203.0.113.2 255.255.255.0\n"
    "interface GigabitEthernet0/1\n"
    " nameif inside\n"
    " security-level 100\n"
    " ip address 192.168.1.1 255.255.255.0\n"
    "access-list inside_in extended permit tcp any any eq 443\n"
    "access-list inside_in extended permit udp any any eq 3478\n"
    "access-group inside_in in interface inside\n";

TEST(Cli, RtmWebOnASmallOffice) {
  TempFile f(kSmallAsa);
  CliRun run = run_cli({f.path(), "--pack", "agora@2020-09", "--sdk", "rtm-web", "--format", "json"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["schema"], "agora-fwlint/1");
  const auto& file = doc["files"][0];
  EXPECT_EQ(file["format"], "asa");
  ASSERT_EQ(file["checks"].size(), 1u);
  const auto& check = file["checks"][0];
  EXPECT_EQ(check["sdk"], "rtm-web");
  EXPECT_EQ(check["path"], "inside -> outside");
  EXPECT_EQ(check["verdict"], "fail");
  // 443 is open; 6443, 9591, 9593 end at the implicit deny of the access-group line.
  bool saw_blocked = false, saw_allowed = false;
  for (const auto& flow : check["flows"]) {
    if (flow["verdict"] == "allowed") {
      saw_allowed = true;
      EXPECT_EQ(flow["ports"], nlohmann::json::parse("[[443,443]]"));
    }
    if (flow["verdict"] == "blocked") {
      saw_blocked = true;
      EXPECT_EQ(flow["ports"], nlohmann::json::parse("[[6443,6443],[9591,9591],[9593,9593]]"));
      EXPECT_EQ(flow["decided_by"][0]["line"], 12);
    }
  }
  EXPECT_TRUE(saw_allowed);
  EXPECT_TRUE(saw_blocked);
}

TEST(Cli, ExitCodes) {
  TempFile f(kSmallAsa);
  EXPECT_EQ(run_cli({f.path(), "--sdk", "rtc-native"}).exit_code, 0);  // proxy required
  EXPECT_EQ(run_cli({f.path(), "--sdk", "nope"}).exit_code, 2);
  EXPECT_EQ(run_cli({f.path(), "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_cli({f.path(), "--from", "nosuch"}).exit_code, 2);  // no such interface
  EXPECT_EQ(run_cli({"--bogus-option"}).exit_code, 2);
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"/nonexistent/file.cfg"}).exit_code, 2);
  EXPECT_EQ(run_cli({"--help"}).exit_code, 0);
  EXPECT_EQ(run_cli({"--version"}).exit_code, 0);
}

TEST(Cli, ListsAndExplains) {
  CliRun sdks = run_cli({"--list-sdks"});
  EXPECT_EQ(sdks.exit_code, 0);
  for (const char* id : {"rtc-web", "rtc-native", "rtm-native", "rtm-web", "recording", "gaming"})
    EXPECT_NE(sdks.out.find(id), std::string::npos) << id;
  CliRun rules = run_cli({"--list-rules"});
  EXPECT_NE(rules.out.find("FWL001"), std::string::npos);
  CliRun explain = run_cli({"--explain", "FWL001"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("required-port-blocked"), std::string::npos);
  // The page of docs/rules, compiled in, without its generated-file notice.
  std::string page = read_file(std::string(source_dir()) + "/docs/rules/FWL001.md");
  EXPECT_EQ(explain.out, page.substr(page.find("-->\n") + 4));
  EXPECT_EQ(run_cli({"--explain", "FWL999"}).exit_code, 2);
}

TEST(Cli, UserPackFromRules) {
  TempFile pack(
      "pack: acme\n"
      "version: \"2024-05\"\n"
      "title: ACME softphone\n"
      "source: internal wiki\n"
      "sdks:\n"
      "  - id: softphone\n"
      "    title: ACME Softphone\n"
      "    domains: [.acme.example]\n"
      "    ports:\n"
      "      - {protocol: tcp, ports: \"443, 5061\"}\n",
      ".yaml");
  TempFile cfg(kSmallAsa);
  CliRun run = run_cli({cfg.path(), "--rules", pack.path(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  auto check = nlohmann::json::parse(run.out)["files"][0]["checks"][0];
  EXPECT_EQ(check["pack"], "acme@2024-05");
  EXPECT_EQ(check["sdk"], "softphone");
  EXPECT_EQ(check["verdict"], "fail");  // 5061 ends at the implicit deny

  CliRun packs = run_cli({"--list-packs", "--rules", pack.path()});
  ASSERT_EQ(packs.exit_code, 0) << packs.err;
  EXPECT_NE(packs.out.find("agora@2026-02  2026-02-11  Firewall Requirements  [built-in, default for 'agora']"),
            std::string::npos)
      << packs.out;
  EXPECT_NE(packs.out.find("acme@2024-05  (no date)  ACME softphone  [--rules, default for 'acme']\n"
                           "  source: internal wiki\n"),
            std::string::npos)
      << packs.out;

  TempFile bad("pack: acme\nversion: \"2024-05\"\nsdks:\n  - id: x\n    prots: 1\n", ".yaml");
  CliRun broken = run_cli({cfg.path(), "--rules", bad.path()});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find(bad.path() + ":5:"), std::string::npos) << broken.err;
  EXPECT_NE(broken.err.find("[FWL107]"), std::string::npos) << broken.err;
}

TEST(Cli, DiffPacksShowsWhatEachSdkGainsAndLoses) {
  TempFile old_pack(
      "pack: acme\nversion: \"2024-05\"\ntitle: ACME\nsource: wiki\ndate: \"2024-05-02\"\nsdks:\n"
      "  - id: phone\n    title: Phone\n    domains: [.acme.example]\n"
      "    ports:\n      - {protocol: tcp, ports: \"443, 5061\"}\n      - {protocol: udp, ports: \"10000-20000\"}\n"
      "  - id: fax\n    title: Fax\n    domains: [.acme.example]\n    ports:\n      - {protocol: tcp, ports: \"80\"}\n",
      ".yaml");
  TempFile new_pack(
      "pack: acme\nversion: \"2025-01\"\ntitle: ACME\nsource: wiki\ndate: \"2025-01-10\"\nsdks:\n"
      "  - id: softphone\n    title: Softphone\n    aliases: [phone]\n    domains: [.acme.example, .media.acme.example]\n"
      "    ports:\n      - {protocol: tcp, ports: \"443\"}\n      - {protocol: udp, ports: \"10000-30000\"}\n",
      ".yaml");
  CliRun run = run_cli({"--rules", old_pack.path(), "--rules", new_pack.path(), "--diff-packs", "acme@2024-05", "acme"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "acme@2024-05 (2024-05-02) -> acme@2025-01 (2025-01-10)\n"
            "\nsoftphone:\n"
            "  - tcp 5061\n"
            "  + udp 20001-30000\n"
            "  + domains .media.acme.example\n"
            "\nfax (removed):\n"
            "  - tcp 80\n"
            "  - domains .acme.example\n");
  EXPECT_EQ(run_cli({"--diff-packs", "agora"}).exit_code, 2);
  EXPECT_EQ(run_cli({"--diff-packs", "agora@2020-09", "nope"}).exit_code, 2);
}

TEST(Cli, SourcesAndResolveOptions) {
  TempFile f(kSmallAsa);
  CliRun run = run_cli({f.path(), "--sdk", "rtm-web", "--source", "192.168.1.0/25", "--format", "json"});
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["files"][0]["checks"][0]["sources"], "192.168.1.0/25");
  EXPECT_EQ(run_cli({f.path(), "--source", "nonsense"}).exit_code, 2);
  EXPECT_EQ(run_cli({f.path(), "--resolve", "nonsense"}).exit_code, 2);
}

TEST(Cli, BadInputIsADiagnosticNotACrash) {
  TempFile empty("");
  CliRun r = run_cli({empty.path()});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(":1:1: error:"), std::string::npos) << r.out;

  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 131) % 256);
  TempFile bin(binary);
  r = run_cli({bin.path()});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 2);

  TempFile prose("Dear admin,\nplease open the firewall for our video calls.\nThanks\n");
  r = run_cli({prose.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("cannot recognize"), std::string::npos) << r.out;

  r = run_cli({fs::temp_directory_path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("directory"), std::string::npos) << r.out;
}

TEST(Cli, CrlfGivesTheSameVerdicts) {
  std::string crlf;
  for (const char* p = kSmallAsa; *p; ++p) {
    if (*p == '\n') crlf += '\r';
    crlf += *p;
  }
  TempFile unix_file(kSmallAsa), dos_file(crlf);
  auto a = nlohmann::json::parse(run_cli({unix_file.path(), "--format", "json"}).out);
  auto b = nlohmann::json::parse(run_cli({dos_file.path(), "--format", "json"}).out);
  EXPECT_EQ(a["files"][0]["checks"], b["files"][0]["checks"]);
}

TEST(Cli, HundredMegabyteLineFinishes) {
  std::string big = "ASA Version 9.8(2)\naccess-list x extended permit ip any any ";
  big.append(100u << 20, 'a');
  big += "\n";
  TempFile f(big);
  CliRun r = run_cli({f.path(), "--dialect", "asa"}, "", 120);
  EXPECT_EQ(r.signal, 0);
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.exit_code;
}

TEST(Cli, StandardInputWithDialect) {
  CliRun r = run_cli({"-", "--dialect", "asa", "--sdk", "rtm-web"}, kSmallAsa);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("rtm-web"), std::string::npos);
}

/// Every real-world ASA config runs through the CLI without a crash or hang.
TEST(Cli, AsaCorpusNeverCrashes) {
  std::string dir = corpus_dir("asa");
  if (dir.empty()) GTEST_SKIP() << "../shared/corpora/asa not present";
  int files = 0, unrecognized = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto ext = entry.path().extension();
    if (ext != ".cfg" && ext != ".asa") continue;
    CliRun r = run_cli({entry.path().string(), "--dialect", "asa", "--format", "json"}, "", 60);
    ASSERT_EQ(r.signal, 0) << entry.path();
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << entry.path() << " exit " << r.exit_code
                                                      << "\n" << r.err << r.out.substr(0, 2000);
    auto doc = nlohmann::json::parse(r.out);
    for (const auto& d : doc["files"][0]["diagnostics"])
      if (d["id"] == "FWL101") ++unrecognized;
    ++files;
  }
  std::cout << "[ corpus   ] " << files << " ASA files, " << unrecognized << " unrecognized lines\n";
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace fwlint::test
