// SPDX-License-Identifier: Apache-2.0
// samples/iptables through lint_content, as the CLI runs them.
#include "fwlint/analysis/lint.h"
#include "iptables_test_util.h"
#include "test_support.h"

namespace fwlint::iptables::test {
namespace {

const CheckResult* find_check(const FileResult& f, const std::string& sdk, const std::string& path_name) {
  for (const auto& c : f.checks)
    if (c.sdk == sdk && c.path == path_name) return &c;
  return nullptr;
}

FileResult lint_sample(const std::string& name, PathOptions paths = {}, bool ipv6 = false) {
  std::string text = fwlint::test::read_file(fwlint::test::source_dir() + "/samples/iptables/" + name);
  EXPECT_FALSE(text.empty()) << name;
  LintOptions o;
  o.paths = std::move(paths);
  o.paths.ipv6 = ipv6;
  o.checks.pack = &builtin_packs().front();
  o.checks.ipv6 = ipv6;
  return lint_content(name, text, o);
}

TEST(IptablesSamples, LaptopHostBlocksAgoraMediaPorts) {
  FileResult f = lint_sample("laptop-host.rules");
  EXPECT_EQ(f.format, "iptables");
  EXPECT_EQ(f.status, ParseStatus::Ok);
  const CheckResult* c = find_check(f, "rtc-web", kHostPath);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, CheckVerdict::Fail);
  bool policy_line = false;
  for (const Finding& fi : c->findings)
    if (fi.id == finding_id::kPortBlocked && fi.where.line == 6) policy_line = true;
  EXPECT_TRUE(policy_line) << "the OUTPUT policy line decides";
  // FORWARD DROP without rules: a host; --mode auto checks no gateway path.
  for (const auto& check : f.checks) EXPECT_EQ(check.path.find("gateway"), std::string::npos) << check.path;
  bool noted = false;
  for (const Diagnostic& d : f.diagnostics)
    if (d.id == finding_id::kUnsupportedConstruct && d.where.line == 5 && d.severity == Severity::Note)
      noted = true;
  EXPECT_TRUE(noted) << "the note that the gateway path is not checked";
}

TEST(IptablesSamples, LaptopHostRepliesPassInput) {
  PathOptions p;
  p.mode = PathMode::Host;
  FileResult f = lint_sample("laptop-host.rules", p);
  const CheckResult* c = find_check(f, "rtm-web", kHostPath);
  ASSERT_NE(c, nullptr);
  // INPUT accepts RELATED,ESTABLISHED (line 8): no reply is blocked.
  for (const Finding& fi : c->findings) EXPECT_NE(fi.id, finding_id::kReplyBlocked) << fi.message;
  EXPECT_FALSE(c->findings.empty()) << "rtm-web ports beyond 80/443 are blocked by the OUTPUT policy";
}

TEST(IptablesSamples, DockerGatewayPassesWithoutRtmpConverter) {
  PathOptions p;
  p.from_interfaces = {"eth1"};
  p.to_interface = "eth0";
  FileResult f = lint_sample("docker-gateway.rules", p);
  EXPECT_EQ(f.format, "iptables");
  const CheckResult* gw = find_check(f, "rtc-web", "gateway (FORWARD eth1 -> eth0)");
  ASSERT_NE(gw, nullptr);
  // Only the optional RTMP converter ports 30011-30013 are blocked, by the FORWARD policy.
  EXPECT_EQ(gw->verdict, CheckVerdict::Fail);
  for (const Finding& fi : gw->findings)
    if (fi.id == finding_id::kPortBlocked) {
      EXPECT_EQ(fi.where.line, 16u);
      EXPECT_NE(fi.message.find("30011-30013"), std::string::npos) << fi.message;
    }
  const CheckResult* host = find_check(f, "rtc-web", kHostPath);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->verdict, CheckVerdict::Pass);
}

TEST(IptablesSamples, DockerGatewayWithoutInterfacesIsUnknown) {
  FileResult f = lint_sample("docker-gateway.rules");
  const CheckResult* gw = find_check(f, "rtc-web", kGatewayPath);
  ASSERT_NE(gw, nullptr);
  EXPECT_EQ(gw->verdict, CheckVerdict::Unknown);
}

TEST(IptablesSamples, Ip6tablesHostPassesOnIpv6) {
  FileResult f = lint_sample("host.rules.v6", {}, true);
  EXPECT_EQ(f.format, "iptables");
  bool v6 = false;
  for (const auto& c : f.checks)
    if (c.sdk == "rtc-web" && c.path == kHostPath && c.family == Family::V6) {
      v6 = true;
      EXPECT_EQ(c.verdict, CheckVerdict::Pass);
    }
  EXPECT_TRUE(v6);
}

}  // namespace
}  // namespace fwlint::iptables::test

namespace fwlint::iptables::test {
namespace {

TEST(IptablesSamples, CliDetectsDumpsAndExitsOnFindings) {
  auto run = fwlint::test::run_cli({"samples/iptables/laptop-host.rules", "--sdk", "rtc-web"});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("laptop-host.rules:6:1: error"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("path host (OUTPUT, replies INPUT)"), std::string::npos) << run.out;
  auto gw = fwlint::test::run_cli(
      {"samples/iptables/docker-gateway.rules", "--sdk", "rtc-web", "--from", "eth1", "--to", "eth0"});
  EXPECT_EQ(gw.exit_code, 1) << gw.out << gw.err;
  EXPECT_NE(gw.out.find("path gateway (FORWARD eth1 -> eth0)"), std::string::npos) << gw.out;
}

}  // namespace
}  // namespace fwlint::iptables::test
