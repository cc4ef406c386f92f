// SPDX-License-Identifier: Apache-2.0
// The meaning of Windows Firewall rules end to end: small .reg exports and
// rule-string files through lint_content, as the CLI runs them, checked
// against the Agora pack. Deny-overrides, profiles, program scopes, port and
// address keywords, and every way a rule can be in doubt.
#include <string>

#include <gtest/gtest.h>

#include "fwlint/analysis/lint.h"
#include "test_support.h"

namespace fwlint::windows {
namespace {

constexpr const char* kRegHeader = "Windows Registry Editor Version 5.00\n\n";

/// A .reg export: every profile with `settings` (e.g. "DefaultOutboundAction"=dword:1
/// lines), then the rule strings under FirewallRules.
std::string reg(const std::string& settings, const std::vector<std::string>& rules) {
  std::string out = kRegHeader;
  for (const char* p : {"DomainProfile", "PrivateProfile", "PublicProfile"})
    out += std::string("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\") + p + "]\n" +
           settings + "\n";
  out += "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules]\n";
  int n = 0;
  for (const std::string& r : rules) {
    std::string escaped;
    for (char c : r) escaped += c == '\\' ? std::string("\\\\") : std::string(1, c);
    out += "\"rule" + std::to_string(++n) + "\"=\"" + escaped + "\"\n";
  }
  return out;
}

const std::string kBlockOut =
    "\"EnableFirewall\"=dword:00000001\n\"DefaultOutboundAction\"=dword:00000001\n"
    "\"AllowLocalPolicyMerge\"=dword:00000000\n";
const std::string kAllowOut =
    "\"EnableFirewall\"=dword:00000001\n\"DefaultOutboundAction\"=dword:00000000\n"
    "\"AllowLocalPolicyMerge\"=dword:00000000\n";
const std::string kRtmWebTcp = "v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RPort=6443|"
                               "RPort=9591|RPort=9593|Name=Agora RTM|";

FileResult lint_text(const std::string& text, PathOptions paths = {}) {
  LintOptions o;
  o.paths = std::move(paths);
  o.checks.pack = &builtin_packs().front();
  return lint_content("policy.reg", text, o);
}

const CheckResult* find_check(const FileResult& f, const std::string& sdk, const std::string& path) {
  for (const auto& c : f.checks)
    if (c.sdk == sdk && c.path == path) return &c;
  return nullptr;
}

CheckVerdict verdict(const FileResult& f, const std::string& sdk, const std::string& profile) {
  const CheckResult* c = find_check(f, sdk, profile + " profile");
  EXPECT_NE(c, nullptr) << sdk << " " << profile;
  return c ? c->verdict : CheckVerdict::Unknown;
}

bool has_finding(const FileResult& f, const std::string& profile, const char* id, std::uint32_t line) {
  for (const auto& c : f.checks)
    if (c.path == profile + " profile")
      for (const Finding& x : c.findings)
        if (x.id == id && x.where.line == line) return true;
  return false;
}

bool has_diagnostic(const FileResult& f, const char* id, const std::string& text) {
  for (const Diagnostic& d : f.diagnostics)
    if (d.id == id && d.message.find(text) != std::string::npos) return true;
  return false;
}

bool unknown_because(const FileResult& f, const std::string& profile, const std::string& text) {
  for (const auto& c : f.checks)
    if (c.path == profile + " profile")
      for (const Finding& x : c.findings)
        if (x.id == std::string(finding_id::kResultUnknown) && x.message.find(text) != std::string::npos)
          return true;
  return false;
}

TEST(WindowsSemantics, AllowRulesOpenADefaultBlockInEveryProfile) {
  FileResult f = lint_text(reg(kBlockOut, {kRtmWebTcp}));
  EXPECT_EQ(f.format, "windows");
  EXPECT_EQ(f.status, ParseStatus::Ok);
  for (const char* p : {"Domain", "Private", "Public"}) {
    EXPECT_EQ(verdict(f, "rtm-web", p), CheckVerdict::Pass) << p;
    EXPECT_EQ(verdict(f, "rtm-native", p), CheckVerdict::Fail) << p << ": its ports are not allowed";
  }
}

TEST(WindowsSemantics, BlockBeatsAllowWhateverTheOrder) {
  const std::string block = "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=6443|Name=No 6443|";
  for (bool block_first : {true, false}) {
    std::vector<std::string> rules = block_first ? std::vector<std::string>{block, kRtmWebTcp}
                                                 : std::vector<std::string>{kRtmWebTcp, block};
    FileResult f = lint_text(reg(kBlockOut, rules));
    EXPECT_EQ(verdict(f, "rtm-web", "Public"), CheckVerdict::Fail);
    // The block rule's line: after three profile sections of 5 lines, the
    // FirewallRules header at line 18, rules from line 19.
    EXPECT_TRUE(has_finding(f, "Public", finding_id::kPortBlocked, block_first ? 19 : 20));
  }
}

TEST(WindowsSemantics, DefaultOutboundBlockIsReportedAtItsSetting) {
  FileResult f = lint_text(reg(kBlockOut, {}));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Fail);
  EXPECT_TRUE(has_finding(f, "Domain", finding_id::kPortBlocked, 5)) << "DefaultOutboundAction of Domain";
  EXPECT_TRUE(has_finding(f, "Public", finding_id::kPortBlocked, 15));
}

TEST(WindowsSemantics, ABlockRuleOfOneProfileLeavesTheOthersAlone) {
  FileResult f = lint_text(reg(kAllowOut, {"v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=17|Profile=Public|"
                                           "RPort2_10=1025-65535|Name=No high UDP|"}));
  EXPECT_EQ(verdict(f, "rtc-web", "Public"), CheckVerdict::Fail);
  EXPECT_EQ(verdict(f, "rtc-web", "Domain"), CheckVerdict::Pass);
  EXPECT_EQ(verdict(f, "rtc-web", "Private"), CheckVerdict::Pass);
}

TEST(WindowsSemantics, ProfileOptionChecksOnlyTheNamedProfiles) {
  PathOptions p;
  p.profiles = {"public"};
  FileResult f = lint_text(reg(kAllowOut, {}), p);
  for (const auto& c : f.checks) {
    if (c.path != "-") {  // "-": the cloud-proxy-only SDKs
      EXPECT_EQ(c.path, "Public profile");
    }
  }
  EXPECT_FALSE(f.checks.empty());
}

TEST(WindowsSemantics, DisabledAndInboundRulesDoNotFilterOutboundTraffic) {
  FileResult f = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=FALSE|Dir=Out|Protocol=6|RPort=443|Name=disabled|",
      "v2.30|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=443|Name=inbound|",
  }));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Pass);
}

TEST(WindowsSemantics, AProgramScopedRuleIsConditionalUnlessAppNamesTheProgram) {
  const std::string chat = "v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RPort=6443|RPort=9591|"
                           "RPort=9593|App=%ProgramFiles%\\Contoso\\chat.exe|Name=chat|";
  FileResult any_program = lint_text(reg(kBlockOut, {chat}));
  EXPECT_EQ(verdict(any_program, "rtm-web", "Domain"), CheckVerdict::Unknown);
  EXPECT_TRUE(unknown_because(any_program, "Domain", "applies only to the program"));

  PathOptions same;
  same.program = "C:/program files/CONTOSO/chat.exe";
  EXPECT_EQ(verdict(lint_text(reg(kBlockOut, {chat}), same), "rtm-web", "Domain"), CheckVerdict::Pass);

  PathOptions other;
  other.program = "C:\\Program Files\\Other\\other.exe";
  EXPECT_EQ(verdict(lint_text(reg(kBlockOut, {chat}), other), "rtm-web", "Domain"), CheckVerdict::Fail);
}

TEST(WindowsSemantics, AServiceScopedRuleNeedsServiceToApply) {
  const std::string svc = "v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RPort=6443|RPort=9591|"
                          "RPort=9593|Svc=agorasvc|Name=svc|";
  PathOptions app;
  app.program = "C:\\Program Files\\Agora\\bot.exe";
  EXPECT_EQ(verdict(lint_text(reg(kBlockOut, {svc}), app), "rtm-web", "Domain"), CheckVerdict::Fail);
  app.service = "AgoraSvc";
  EXPECT_EQ(verdict(lint_text(reg(kBlockOut, {svc}), app), "rtm-web", "Domain"), CheckVerdict::Pass);
}

TEST(WindowsSemantics, IpsecOnlyAndBypassRulesAllowNothingPlain) {
  FileResult f = lint_text(reg(kBlockOut, {
      kRtmWebTcp + "Security=Authenticate|",
      "v2.30|Action=ByPass|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=bypass|",
  }));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Fail);
}

TEST(WindowsSemantics, LocalNetworkKeywordsNeverMatchAgoraButInternetDoes) {
  FileResult local = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RA4=LocalSubnet|RA6=LocalSubnet|RA4=DNS|Name=lan|"}));
  EXPECT_EQ(verdict(local, "rtm-web", "Domain"), CheckVerdict::Pass);
  FileResult internet = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RA42=IntErnet|RA62=IntErnet|Name=wan|"}));
  EXPECT_EQ(verdict(internet, "rtm-web", "Domain"), CheckVerdict::Fail);
}

TEST(WindowsSemantics, PortKeywordsMakeABlockRuleConditional) {
  FileResult f = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort2_10=IPHTTPSOut|Name=iphttps|"}));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Unknown);
  EXPECT_TRUE(unknown_because(f, "Domain", "IPHTTPSOut"));
}

TEST(WindowsSemantics, ConcretePortsStayExactNextToAKeyword) {
  // 443 is blocked for certain; the keyword only adds doubt elsewhere.
  FileResult f = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RPort2_10=IPTLSOut|Name=tls|"}));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Fail);
  EXPECT_TRUE(has_finding(f, "Domain", finding_id::kPortBlocked, 19));
}

TEST(WindowsSemantics, FirewallOffAllowsEverythingAndSaysSo) {
  FileResult f = lint_text(reg("\"EnableFirewall\"=dword:00000000\n\"DefaultOutboundAction\"=dword:00000001\n",
                               {"v2.30|Action=Block|Active=TRUE|Dir=Out|Name=all|"}));
  EXPECT_EQ(verdict(f, "rtm-web", "Public"), CheckVerdict::Pass);
  EXPECT_TRUE(has_diagnostic(f, finding_id::kFirewallDisabled, "off in the Public profile"));
}

TEST(WindowsSemantics, RulesWithoutActionOrDirAreReportedAndInDoubt) {
  FileResult no_action = lint_text(reg(kBlockOut, {"v2.30|Active=TRUE|Dir=Out|Protocol=6|Name=x|"}));
  EXPECT_EQ(no_action.status, ParseStatus::Partial);
  EXPECT_TRUE(has_diagnostic(no_action, finding_id::kUnrecognizedLine, "no Action"));
  EXPECT_EQ(verdict(no_action, "rtm-web", "Domain"), CheckVerdict::Unknown);

  FileResult no_dir = lint_text(reg(kBlockOut, {"v2.30|Action=Allow|Active=TRUE|Protocol=6|Name=x|"}));
  EXPECT_TRUE(has_diagnostic(no_dir, finding_id::kUnrecognizedLine, "no Dir"));
  EXPECT_EQ(verdict(no_dir, "rtm-web", "Domain"), CheckVerdict::Unknown);
}

TEST(WindowsSemantics, BadProtocolNumbersAndUnknownTokensAreReported) {
  FileResult f = lint_text(reg(kAllowOut, {
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=300|Name=x|",
      "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RemoteIP=13.107.4.50|Name=y|"}));
  EXPECT_TRUE(has_diagnostic(f, finding_id::kUnrecognizedLine, "Protocol=300"));
  EXPECT_TRUE(has_diagnostic(f, finding_id::kUnsupportedConstruct, "RemoteIP"));
  EXPECT_EQ(verdict(f, "rtm-web", "Domain"), CheckVerdict::Unknown);
}

TEST(WindowsSemantics, RuleStringFilesAssumeWindowsDefaults) {
  FileResult f = lint_text("v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=17|RPort=3478|Name=stun|\n");
  EXPECT_EQ(f.format, "windows");
  EXPECT_EQ(verdict(f, "rtc-web", "Private"), CheckVerdict::Fail);
  EXPECT_EQ(verdict(f, "rtm-web", "Private"), CheckVerdict::Pass) << "default outbound: allow";
  EXPECT_TRUE(has_diagnostic(f, finding_id::kPartialPolicy, "no profile settings"));
}

TEST(WindowsSemantics, LocalRulesThatMayMergeAreNoted) {
  FileResult f = lint_text(reg("\"EnableFirewall\"=dword:00000001\n", {}));
  EXPECT_TRUE(has_diagnostic(f, finding_id::kPartialPolicy, "local firewall rules also apply"));
  FileResult off = lint_text(reg(kAllowOut, {}));
  EXPECT_FALSE(has_diagnostic(off, finding_id::kPartialPolicy, "local firewall rules also apply"));
}

}  // namespace
}  // namespace fwlint::windows
