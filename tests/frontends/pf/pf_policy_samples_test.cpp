// SPDX-License-Identifier: Apache-2.0
// samples/pf and small pf.conf texts end to end: detected, read by the pf
// reader, built into a Policy and checked, as the CLI runs them.
#include "fwlint/analysis/lint.h"
#include "pf_policy_test_util.h"
#include "test_support.h"

namespace fwlint::pf::test {
namespace {

constexpr const char* kHost = "host (out on egress)";

FileResult lint_text(const std::string& name, const std::string& text, PathOptions paths = {}) {
  LintOptions o;
  o.paths = std::move(paths);
  o.checks.pack = &builtin_packs().front();
  return lint_content(name, text, o);
}

FileResult lint_sample(const std::string& name, PathOptions paths = {}) {
  std::string text = fwlint::test::read_file(fwlint::test::source_dir() + "/samples/pf/" + name);
  EXPECT_FALSE(text.empty()) << name;
  return lint_text(name, text, std::move(paths));
}

const CheckResult* find_check(const FileResult& f, const std::string& sdk, const std::string& path_name) {
  for (const auto& c : f.checks)
    if (c.sdk == sdk && c.path == path_name) return &c;
  return nullptr;
}

bool has_finding(const CheckResult& c, const char* id, std::uint32_t line) {
  for (const Finding& f : c.findings)
    if (f.id == id && f.where.line == line) return true;
  return false;
}

bool has_note(const FileResult& f, const std::string& text) {
  for (const Diagnostic& d : f.diagnostics)
    if (d.severity == Severity::Note && d.message.find(text) != std::string::npos) return true;
  return false;
}

TEST(PfPolicySamples, HomeRouterBlocksStunForHostAndClients) {
  FileResult f = lint_sample("openbsd-home-router.conf", paths(PathMode::Auto, {"em1"}));
  EXPECT_EQ(f.format, "pf");
  EXPECT_EQ(f.status, ParseStatus::Ok);
  for (const char* path : {kHost, "gateway (in on em1, out on egress)"}) {
    const CheckResult* c = find_check(f, "rtc-web", path);
    ASSERT_NE(c, nullptr) << path;
    EXPECT_EQ(c->verdict, CheckVerdict::Fail) << path;
    EXPECT_TRUE(has_finding(*c, finding_id::kPortBlocked, 24)) << path << ": the STUN block decides";
    EXPECT_EQ(c->findings.size(), 1u) << path << ": everything else passes";
    const CheckResult* rtm = find_check(f, "rtm-native", path);
    ASSERT_NE(rtm, nullptr);
    EXPECT_EQ(rtm->verdict, CheckVerdict::Pass) << path;
  }
  EXPECT_TRUE(has_note(f, "antispoof"));
}

TEST(PfPolicySamples, HomeRouterWithoutFromLeavesTheInsideRulesOpen) {
  FileResult f = lint_sample("openbsd-home-router.conf");
  const CheckResult* c = find_check(f, "rtm-web", "gateway (in on any interface, out on egress)");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, CheckVerdict::Unknown);
  EXPECT_TRUE(has_note(f, "use --from IF"));
  const CheckResult* host = find_check(f, "rtm-web", kHost);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->verdict, CheckVerdict::Pass);
}

TEST(PfPolicySamples, FreeBsdServerDropsTheRepliesOfItsStatelessMedia) {
  FileResult f = lint_sample("freebsd-server.conf");
  EXPECT_EQ(f.format, "pf");
  EXPECT_EQ(f.status, ParseStatus::Ok);
  for (const auto& c : f.checks) EXPECT_EQ(c.path.find("gateway"), std::string::npos) << "one NIC: a host";
  EXPECT_TRUE(has_note(f, "looks like a host"));
  EXPECT_TRUE(has_note(f, "<sshguard>"));
  const CheckResult* rtm = find_check(f, "rtm-native", kHost);
  ASSERT_NE(rtm, nullptr);
  EXPECT_EQ(rtm->verdict, CheckVerdict::Fail);
  EXPECT_TRUE(has_finding(*rtm, finding_id::kReplyBlocked, 12)) << "`block in log all` drops the UDP replies";
  for (const Finding& fi : rtm->findings) EXPECT_EQ(fi.id, finding_id::kReplyBlocked) << fi.message;
  const CheckResult* web = find_check(f, "rtm-web", kHost);
  ASSERT_NE(web, nullptr);
  EXPECT_TRUE(has_finding(*web, finding_id::kPortBlocked, 13));
  bool https_allowed = false;
  for (const Flow& flow : web->flows)
    if (flow.verdict == Verdict::Allowed && flow.ports.contains(443)) https_allowed = true;
  EXPECT_TRUE(https_allowed) << "anchor \"base\" passes https";
}

TEST(PfPolicySamples, FreeBsdServerPinnedToItsNic) {
  FileResult f = lint_sample("freebsd-server.conf", paths(PathMode::Host, {}, "vtnet0"));
  const CheckResult* rtm = find_check(f, "rtm-native", "host (out on vtnet0)");
  ASSERT_NE(rtm, nullptr);
  EXPECT_TRUE(has_finding(*rtm, finding_id::kReplyBlocked, 12));
}

TEST(PfPolicySamples, TextThroughTheRegisteredFrontend) {
  const Frontend* pf = nullptr;
  for (const Frontend* fe : FrontendRegistry::instance().all())
    if (fe->name() == "pf") pf = fe;
  ASSERT_NE(pf, nullptr);
  ParseResult r = pf->parse("pf.conf",
                            "set skip on lo\n"
                            "block all\n"
                            "pass out quick proto udp to port 3478 no state\n"
                            "pass out\n",
                            paths(PathMode::Host));
  ASSERT_EQ(r.policy.paths.size(), 1u);
  Built b{r.policy, r.diagnostics};
  EXPECT_EQ(path_verdicts(b, "host", 17, 3478), only(Verdict::Allowed));
  EXPECT_EQ(exchange_verdicts(b, "host", 17, 3478), only(Verdict::Blocked))
      << "no state: replies hit block all";
  EXPECT_EQ(exchange_verdicts(b, "host", 6, 443), only(Verdict::Allowed));
}

TEST(PfPolicySamples, UnreadableLineKeepsBothOutcomes) {
  FileResult f =
      lint_text("pf.conf", "block all\npass out quick on egress $undefined_macro\n", paths(PathMode::Host));
  const CheckResult* c = find_check(f, "rtm-web", kHost);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, CheckVerdict::Unknown);
}

}  // namespace
}  // namespace fwlint::pf::test
