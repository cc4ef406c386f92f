// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fwlint/report/reporter.h"
#include "report/report_fixtures.h"

namespace fwlint {
namespace {

using nlohmann::json;

json json_of(const std::vector<FileResult>& files) {
  ReportOptions options;
  options.tool_version = "1.2.3";
  std::ostringstream out;
  write_json(files, options, out);
  std::string text = out.str();
  EXPECT_EQ(text.back(), '\n');
  return json::parse(text);
}

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> k;
  for (auto it = object.begin(); it != object.end(); ++it) k.push_back(it.key());
  std::sort(k.begin(), k.end());
  return k;
}

TEST(JsonReporter, TopLevel) {
  json j = json_of({test::sample_file()});
  EXPECT_EQ(keys(j), (std::vector<std::string>{"files", "schema", "tool"}));
  EXPECT_EQ(j["schema"], "agora-fwlint/1");
  EXPECT_EQ(j["tool"], (json{{"name", "agora-fwlint"}, {"version", "1.2.3"}}));
  ASSERT_EQ(j["files"].size(), 1u);
}

TEST(JsonReporter, KeysAppearInDocumentedOrder) {
  ReportOptions options;
  std::ostringstream out;
  write_json({test::sample_file()}, options, out);
  std::string text = out.str();
  auto pos = [&](const char* key) { return text.find(std::string("\"") + key + "\":"); };
  EXPECT_LT(pos("schema"), pos("tool"));
  EXPECT_LT(pos("tool"), pos("files"));
  EXPECT_LT(pos("format"), pos("status"));
  EXPECT_LT(pos("status"), pos("diagnostics"));
  EXPECT_LT(pos("diagnostics"), pos("checks"));
  EXPECT_LT(pos("sdk_title"), pos("flows"));
}

TEST(JsonReporter, FileAndDiagnostics) {
  json file = json_of({test::sample_file()})["files"][0];
  EXPECT_EQ(keys(file),
            (std::vector<std::string>{"checks", "diagnostics", "format", "path", "status"}));
  EXPECT_EQ(file["path"], "configs/asa-running.cfg");
  EXPECT_EQ(file["format"], "asa");
  EXPECT_EQ(file["status"], "partial");
  ASSERT_EQ(file["diagnostics"].size(), 1u);
  EXPECT_EQ(file["diagnostics"][0],
            (json{{"id", "FWL101"},
                  {"severity", "warning"},
                  {"line", 3},
                  {"column", 18},
                  {"message", "unrecognized line"},
                  {"text", "access-list inside_in extnded deny udp any any"}}));
}

TEST(JsonReporter, CheckFlowsAndFindings) {
  json checks = json_of({test::sample_file()})["files"][0]["checks"];
  ASSERT_EQ(checks.size(), 2u);
  const json& c = checks[0];
  EXPECT_EQ(keys(c), (std::vector<std::string>{"family", "features", "features_left_out", "findings",
                                               "flows", "pack", "path", "sdk", "sdk_title",
                                               "sdk_version", "sources", "verdict"}));
  EXPECT_EQ(c["sdk"], "rtc-web");
  EXPECT_EQ(c["sdk_title"], "Agora RTC SDK (Web)");
  EXPECT_EQ(c["pack"], "agora@2020-09");
  EXPECT_EQ(c["sdk_version"], "2.9.0");
  EXPECT_EQ(c["path"], "inside -> outside");
  EXPECT_EQ(c["sources"], "192.168.1.0/24");
  EXPECT_EQ(c["family"], "ipv4");
  EXPECT_EQ(c["verdict"], "fail");

  ASSERT_EQ(c["flows"].size(), 3u);
  const json& allowed = c["flows"][0];
  EXPECT_EQ(keys(allowed),
            (std::vector<std::string>{"decided_by", "decided_on", "domains", "ports", "protocol",
                                      "verdict"}));
  EXPECT_EQ(allowed["decided_on"], "requests");
  EXPECT_EQ(allowed["protocol"], "tcp");
  EXPECT_EQ(allowed["ports"], json::parse("[[80,80],[443,443],[5866,6000]]"));
  EXPECT_EQ(allowed["verdict"], "allowed");
  EXPECT_FALSE(allowed.contains("sources"));

  const json& blocked = c["flows"][1];
  EXPECT_EQ(blocked["protocol"], "udp");
  EXPECT_EQ(blocked["domains"],
            json::parse(R"([".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"])"));
  EXPECT_EQ(blocked["verdict"], "blocked");
  EXPECT_EQ(blocked["decided_by"],
            json::parse(R"([{"line": 8, "column": 1,
                             "text": "access-list inside_in extended deny udp any any",
                             "reason": "deny rule"}])"));

  const json& unknown = c["flows"][2];
  EXPECT_EQ(unknown["verdict"], "unknown");
  EXPECT_EQ(unknown["sources"], json::parse(R"(["192.168.1.0/25"])"));

  ASSERT_EQ(c["findings"].size(), 2u);
  EXPECT_EQ(c["findings"][0],
            (json{{"id", "FWL001"},
                  {"severity", "error"},
                  {"line", 8},
                  {"column", 1},
                  {"message", "rtc-web needs udp 3478, 5866-6000, blocked here"}}));

  const json& proxy = checks[1];
  EXPECT_EQ(proxy["verdict"], "proxy-required");
  EXPECT_EQ(proxy["flows"], json::array());
  EXPECT_EQ(proxy["findings"][0]["severity"], "note");
  EXPECT_EQ(proxy["findings"][0]["line"], 0);
}

TEST(JsonReporter, EnumWords) {
  FileResult f;
  f.path = "x";
  f.status = ParseStatus::Failed;
  CheckResult c;
  c.family = Family::V6;
  c.verdict = CheckVerdict::Unknown;
  f.checks.push_back(c);
  c.verdict = CheckVerdict::Pass;
  f.checks.push_back(c);
  json file = json_of({f})["files"][0];
  EXPECT_EQ(file["status"], "failed");
  EXPECT_EQ(file["checks"][0]["family"], "ipv6");
  EXPECT_EQ(file["checks"][0]["verdict"], "unknown");
  EXPECT_EQ(file["checks"][1]["verdict"], "pass");
  f.status = ParseStatus::Ok;
  EXPECT_EQ(json_of({f})["files"][0]["status"], "ok");
}

TEST(JsonReporter, SourcesUseRangesWhenBlocksWouldBeMany) {
  FileResult f;
  f.path = "x";
  CheckResult c;
  Flow flow;
  flow.all_sources = false;
  flow.sources.v4.add(0x0A000005u, 0x0A0000FAu);  // 10.0.0.5 - 10.0.0.250
  flow.sources.v4.add(0xC0A80000u, 0xC0A800FFu);  // 192.168.0.0/24
  flow.sources.v6.add(u128{1}, u128{1});           // ::1
  c.flows.push_back(flow);
  f.checks.push_back(c);
  json sources = json_of({f})["files"][0]["checks"][0]["flows"][0]["sources"];
  EXPECT_EQ(sources, json::parse(R"(["10.0.0.5-10.0.0.250", "192.168.0.0/24", "::1/128"])"));
}

TEST(JsonReporter, InvalidUtf8IsReplacedNotThrown) {
  FileResult f = test::sample_file("bad\xFF.cfg");
  f.diagnostics[0].where.text = "deny \xC3 any";
  ReportOptions options;
  std::ostringstream out;
  ASSERT_NO_THROW(write_json({f}, options, out));
  json j = json::parse(out.str());
  EXPECT_EQ(j["files"][0]["path"], "bad\xEF\xBF\xBD.cfg");
  EXPECT_EQ(j["files"][0]["diagnostics"][0]["text"], "deny \xEF\xBF\xBD any");
}

TEST(JsonReporter, NoFiles) {
  json j = json_of({});
  EXPECT_EQ(j["files"], json::array());
}

TEST(JsonReporter, LocationsInAnIncludedFileNameIt) {
  FileResult f = test::sample_file("pf.conf");
  f.diagnostics[0].where.file = "pf.d/rules.conf";
  json file = json_of({f})["files"][0];
  EXPECT_EQ(file["diagnostics"][0]["file"], "pf.d/rules.conf");
  EXPECT_FALSE(file["checks"][0]["findings"][0].contains("file"));
  EXPECT_FALSE(file["checks"][0]["flows"][0]["decided_by"][0].contains("file"));
}

}  // namespace
}  // namespace fwlint
