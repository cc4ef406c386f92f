// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <sstream>

#include "fwlint/report/reporter.h"
#include "report/report_fixtures.h"

namespace fwlint {
namespace {

using test::at;
using test::ports;

std::string text_of(const std::vector<FileResult>& files, bool color = false) {
  ReportOptions options;
  options.tool_version = "0.1.0";
  options.color = color;
  std::ostringstream out;
  write_text(files, options, out);
  return out.str();
}

FileResult empty_file(const std::string& path) {
  FileResult f;
  f.path = path;
  f.format = "asa";
  return f;
}

TEST(TextReporter, CompilerLinesThenSummaryThenTotal) {
  const std::string expected =
      "configs/asa-running.cfg: note: rtc-native cannot be allow-listed by port and domain; use "
      "the cloud proxy [FWL003]\n"
      "configs/asa-running.cfg:3:18: warning: unrecognized line [FWL101]\n"
      "    3 | access-list inside_in extnded deny udp any any\n"
      "      |                  ^~~~~~~\n"
      "configs/asa-running.cfg:7:1: warning: rtc-web tcp 6443 depends on time-range WORK [FWL004]\n"
      "    7 | access-list inside_in extended permit tcp any any time-range WORK\n"
      "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "configs/asa-running.cfg:8:1: error: rtc-web needs udp 3478, 5866-6000, blocked here "
      "[FWL001]\n"
      "    8 | access-list inside_in extended deny udp any any\n"
      "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "  help: add before line 8: access-list inside_in extended permit udp any any eq 3478\n"
      "                           access-list inside_in extended permit udp any any range 5866 6000\n"
      "\n"
      "configs/asa-running.cfg (asa): some lines not understood\n"
      "rtc-web 2.9.0 (agora@2020-09, path inside -> outside, sources 192.168.1.0/24): FAIL\n"
      "  blocked  udp 3478, 5866-6000 (.agora.io, .edge.agora.io, .agoraio.cn, +1 more) by line 8 "
      "(deny rule): access-list inside_in extended deny udp any any\n"
      "  unknown  tcp 6443 (.agora.io) from 192.168.1.0/25 because of line 7 (unknown match: "
      "time-range WORK): access-list inside_in extended permit tcp any any time-range WORK\n"
      "  allowed  tcp 80, 443, 5866-6000 (.agora.io, .edge.agora.io)\n"
      "rtc-native (agora@2020-09, path inside -> outside, sources 192.168.1.0/24): PROXY "
      "REQUIRED\n"
      "  note     rtc-native cannot be allow-listed by port and domain; use the cloud proxy\n"
      "\n"
      "1 check failed, 1 needs the cloud proxy in 1 file\n";
  EXPECT_EQ(text_of({test::sample_file()}), expected);
}

TEST(TextReporter, PassingFileIsShort) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtm-web";
  c.pack = "agora@2020-09";
  c.verdict = CheckVerdict::Pass;
  Flow flow;
  flow.transport = Transport::Tcp;
  flow.ports = ports({{443, 443}, {6443, 6443}, {9591, 9591}, {9593, 9593}});
  flow.verdict = Verdict::Allowed;
  c.flows.push_back(flow);
  f.checks.push_back(c);
  EXPECT_EQ(text_of({f}),
            "rtm-web (agora@2020-09): PASS\n"
            "  allowed  tcp 443, 6443, 9591, 9593\n"
            "\n"
            "1 check passed in 1 file\n");
}

TEST(TextReporter, AllowedFlowsMergeAcrossDeciders) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtc-web";
  c.verdict = CheckVerdict::Pass;
  const std::vector<std::string> domains = {".agora.io", ".edge.agora.io"};
  int line = 10;
  for (auto [lo, hi] : {std::pair{443, 443}, std::pair{80, 80}, std::pair{3433, 3433}}) {
    Flow flow;
    flow.transport = Transport::Tcp;
    flow.ports = ports({{lo, hi}});
    flow.domains = domains;
    flow.verdict = Verdict::Allowed;
    flow.decided_by = {{at(static_cast<std::uint32_t>(line++), "permit"), "allowed by"}};
    c.flows.push_back(flow);
  }
  Flow udp;
  udp.transport = Transport::Udp;
  udp.ports = ports({{3478, 3478}});
  udp.domains = domains;
  udp.verdict = Verdict::Allowed;
  c.flows.push_back(udp);
  Flow other = c.flows[0];
  other.ports = ports({{80, 80}, {443, 443}, {3433, 3433}});
  other.domains = {".agoraio.cn"};
  other.sources = *parse_cidr("10.0.0.0/8");
  other.all_sources = false;
  c.flows.push_back(other);
  Flow rest = other;
  rest.sources = IpSet::all_of(Family::V4).subtract(other.sources);
  c.flows.push_back(rest);
  f.checks.push_back(c);
  // Everything passed: one line per protocol covers its whole space.
  EXPECT_EQ(text_of({f}),
            "rtc-web: PASS\n"
            "  allowed  tcp 80, 443, 3433 (.agora.io, .edge.agora.io, .agoraio.cn)\n"
            "  allowed  udp 3478 (.agora.io, .edge.agora.io)\n"
            "\n"
            "1 check passed in 1 file\n");

  // With a blocked part, allowed flows merge only across deciders and ports.
  Flow blocked = udp;
  blocked.ports = ports({{5000, 5000}});
  blocked.verdict = Verdict::Blocked;
  f.checks[0].verdict = CheckVerdict::Fail;
  f.checks[0].flows.push_back(blocked);
  EXPECT_NE(text_of({f}).find("  allowed  tcp 80, 443, 3433 (.agoraio.cn) from 10.0.0.0/8\n"),
            std::string::npos)
      << text_of({f});
}

// A cloud-proxy check requires each set of ports towards its own addresses;
// a passing check must not print ports next to addresses they were never
// checked against.
TEST(TextReporter, PassingFlowsTowardsDifferentAddressesStayApart) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtc-native";
  c.verdict = CheckVerdict::Pass;
  Flow signaling;
  signaling.transport = Transport::Udp;
  signaling.ports = ports({{8443, 8443}});
  signaling.destinations = *parse_cidr("198.51.100.0/28");
  signaling.verdict = Verdict::Allowed;
  Flow media = signaling;
  media.ports = ports({{4590, 4600}});
  media.destinations = *parse_cidr("203.0.113.0/28");
  c.flows = {signaling, media};
  f.checks.push_back(c);
  std::string text = text_of({f});
  EXPECT_NE(text.find("  allowed  udp 8443 to 198.51.100.0/28\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  allowed  udp 4590-4600 to 203.0.113.0/28\n"), std::string::npos) << text;
}

TEST(TextReporter, PlainRuleWordsAreNotRepeated) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtc-web";
  c.verdict = CheckVerdict::Fail;
  Flow flow;
  flow.transport = Transport::Udp;
  flow.ports = ports({{3478, 3478}});
  flow.verdict = Verdict::Blocked;
  flow.decided_by = {{at(13, test::kDenyUdp), "blocked by"}};
  c.flows.push_back(flow);
  f.checks.push_back(c);
  EXPECT_NE(text_of({f}).find("  blocked  udp 3478 by line 13: " + std::string(test::kDenyUdp) +
                              "\n"),
            std::string::npos);
}

TEST(TextReporter, NothingToSay) {
  EXPECT_EQ(text_of({empty_file("fw.cfg")}), "no checks in 1 file\n");
  EXPECT_EQ(text_of({}), "no checks in 0 files\n");
}

TEST(TextReporter, TotalCountsEveryVerdict) {
  FileResult f = empty_file("fw.cfg");
  for (CheckVerdict v : {CheckVerdict::Fail, CheckVerdict::Fail, CheckVerdict::Unknown,
                         CheckVerdict::Pass, CheckVerdict::Pass, CheckVerdict::Pass}) {
    CheckResult c;
    c.sdk = "x";
    c.verdict = v;
    f.checks.push_back(c);
  }
  FileResult g = empty_file("other.cfg");
  std::string out = text_of({f, g});
  EXPECT_NE(out.find("\n2 checks failed, 1 unknown, 3 passed in 2 files\n"), std::string::npos)
      << out;
}

TEST(TextReporter, UnreadableFile) {
  FileResult f;
  f.path = "backup.zip";
  f.status = ParseStatus::Failed;
  Diagnostic d;
  d.id = finding_id::kUnreadableInput;
  d.severity = Severity::Error;
  d.message = "binary file, not a configuration";
  f.diagnostics.push_back(d);
  EXPECT_EQ(text_of({f}),
            "backup.zip: error: binary file, not a configuration [FWL106]\n"
            "\n"
            "backup.zip: could not be analyzed\n"
            "\n"
            "no checks in 1 file (1 not analyzed)\n");
}

TEST(TextReporter, SeveralFilesGetHeaders) {
  FileResult a = empty_file("a.cfg");
  CheckResult c;
  c.sdk = "rtc-web";
  c.verdict = CheckVerdict::Pass;
  a.checks.push_back(c);
  FileResult b = empty_file("b.cfg");
  b.checks.push_back(c);
  EXPECT_EQ(text_of({a, b}),
            "a.cfg (asa):\n"
            "rtc-web: PASS\n"
            "\n"
            "b.cfg (asa):\n"
            "rtc-web: PASS\n"
            "\n"
            "2 checks passed in 2 files\n");
}

TEST(TextReporter, CaretFollowsTabsAndCodePoints) {
  FileResult f = empty_file("pf.conf");
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = at(2, "\tblock quick on em0", 2, 6);
  d.message = "m";
  f.diagnostics.push_back(d);
  Diagnostic e;
  e.id = finding_id::kUnrecognizedLine;
  e.where = at(5, "# \xC3\xA9t\xC3\xA9 rule", 7, 10);  // "# été rule": "rule" is columns 7-10
  e.message = "m";
  f.diagnostics.push_back(e);
  EXPECT_EQ(text_of({f}),
            "pf.conf:2:2: warning: m [FWL101]\n"
            "    2 |         block quick on em0\n"
            "      |         ^~~~~\n"
            "pf.conf:5:7: warning: m [FWL101]\n"
            "    5 | # \xC3\xA9t\xC3\xA9 rule\n"
            "      |       ^~~~\n"
            "\n"
            "no checks in 1 file\n");
}

TEST(TextReporter, ColumnPastTheEndStillGetsACaret) {
  FileResult f = empty_file("fw.cfg");
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = at(1, "abc", 10, 2);
  d.message = "m";
  f.diagnostics.push_back(d);
  std::string out = text_of({f});
  EXPECT_NE(out.find("    1 | abc\n      |    ^\n"), std::string::npos) << out;
}

TEST(TextReporter, HostileTextCannotDriveTheTerminal) {
  FileResult f = empty_file("evil\x1b[2J.cfg");
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = at(1, "permit \x1b]0;title\x07 \xFF\xFE any \xE2\x80\xAE"
                  "cba");
  d.message = "bad \x1b[31mred\r\nline";
  f.diagnostics.push_back(d);
  std::string out = text_of({f});
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos);  // right-to-left override
  EXPECT_NE(out.find("evil?[2J.cfg:1:1: warning: bad ?[31mred  line [FWL101]"), std::string::npos)
      << out;
  EXPECT_NE(out.find("\xEF\xBF\xBD\xEF\xBF\xBD any"), std::string::npos) << out;
}

TEST(TextReporter, LongLinesAreWindowedAroundTheCaret) {
  FileResult f = empty_file("fw.cfg");
  std::string line(600, 'a');
  line.replace(400, 4, "DENY");
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = at(9, line, 401, 404);
  d.message = "m";
  f.diagnostics.push_back(d);
  std::string out = text_of({f});
  std::istringstream lines(out);
  std::string first, source, marks;
  std::getline(lines, first);
  std::getline(lines, source);
  std::getline(lines, marks);
  EXPECT_LT(source.size(), 200u);
  EXPECT_EQ(source.substr(source.size() - 3), "\xE2\x80\xA6");
  EXPECT_EQ(source.rfind("    9 | \xE2\x80\xA6", 0), 0u) << source;
  auto caret = marks.find('^');
  ASSERT_NE(caret, std::string::npos);
  // The caret sits under the 'D' (the ellipsis is one column, three bytes).
  EXPECT_EQ(source.substr(caret + 2, 4), "DENY") << source << "\n" << marks;
  EXPECT_EQ(marks.substr(caret), "^~~~");
}

TEST(TextReporter, GiganticLinesStayCheap) {
  FileResult f = empty_file("fw.cfg");
  std::string line(20'000'000, 'a');
  line.replace(15'000'000, 4, "DENY");
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = at(1, line, 15'000'001, 15'000'004);
  d.message = "m";
  f.diagnostics.push_back(d);
  CheckResult c;
  c.sdk = "rtc-web";
  c.verdict = CheckVerdict::Fail;
  Flow flow;
  flow.verdict = Verdict::Blocked;
  flow.decided_by = {{at(1, line), "deny rule"}};
  c.flows.push_back(flow);
  f.checks.push_back(c);
  std::string out = text_of({f});
  EXPECT_LT(out.size(), 1000u);
  std::istringstream lines(out);
  std::string first, source, marks, blank, header, blocked;
  std::getline(lines, first);
  std::getline(lines, source);
  std::getline(lines, marks);
  std::getline(lines, blank);
  std::getline(lines, header);
  std::getline(lines, blocked);
  auto caret = marks.find('^');
  ASSERT_NE(caret, std::string::npos);
  EXPECT_EQ(source.substr(caret + 2, 4), "DENY") << source << "\n" << marks;
  EXPECT_EQ(source.substr(source.size() - 3), "\xE2\x80\xA6");
  // The quoted line is cut at 100 columns.
  EXPECT_EQ(blocked,
            "  blocked  tcp by line 1 (deny rule): " + std::string(99, 'a') + "\xE2\x80\xA6");
}

TEST(TextReporter, ListsAreShortened) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtm-web";
  c.verdict = CheckVerdict::Fail;
  Flow flow;
  flow.transport = Transport::Tcp;
  flow.ports = ports({{443, 443}});
  flow.domains = {"a.agora.io", "b.agora.io", "c.agora.io", "d.agora.io", "e.agora.io"};
  flow.all_sources = false;
  for (std::uint32_t host : {1u, 3u, 5u, 7u, 9u})
    flow.sources.v4.add(0x0A000000u + host, 0x0A000000u + host);
  flow.verdict = Verdict::Blocked;
  flow.decided_by = {{at(4, "deny   tcp   any any"), ""},
                     {at(9, "x"), "implicit deny"},
                     {SourceLocation{}, "default policy DROP"}};
  c.flows.push_back(flow);
  f.checks.push_back(c);
  std::string out = text_of({f});
  EXPECT_NE(out.find("  blocked  tcp 443 (a.agora.io, b.agora.io, c.agora.io, +2 more) from "
                     "10.0.0.1/32, 10.0.0.3/32, 10.0.0.5/32, +2 more by line 4: deny tcp any any; "
                     "also line 9, default policy DROP\n"),
            std::string::npos)
      << out;
}

TEST(TextReporter, ColorOnlyWhenAsked) {
  std::string plain = text_of({test::sample_file()}, false);
  std::string colored = text_of({test::sample_file()}, true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;31merror\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;35mwarning\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;31mFAIL\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;36mPROXY REQUIRED\x1b[0m"), std::string::npos);
}

TEST(TextReporter, Ipv6ChecksSaySo) {
  FileResult f = empty_file("fw.cfg");
  CheckResult c;
  c.sdk = "rtc-web";
  c.pack = "agora@2020-09";
  c.family = Family::V6;
  c.verdict = CheckVerdict::Unknown;
  f.checks.push_back(c);
  EXPECT_EQ(text_of({f}), "rtc-web (agora@2020-09, IPv6): UNKNOWN\n\n1 check unknown in 1 file\n");
}

TEST(TextReporter, LocationsInAnIncludedFileNameIt) {
  FileResult f = test::sample_file("pf.conf");
  f.diagnostics[0].where.file = "pf.d/rules.conf";
  std::string text = text_of({f});
  EXPECT_NE(text.find("pf.d/rules.conf:3:18: warning: unrecognized line"), std::string::npos) << text;
  EXPECT_NE(text.find("pf.conf:8:1: error:"), std::string::npos) << text;
  // The input's own lines come before the included file's.
  EXPECT_LT(text.find("pf.conf:8:1:"), text.find("pf.d/rules.conf:3:18:"));
}

}  // namespace
}  // namespace fwlint
