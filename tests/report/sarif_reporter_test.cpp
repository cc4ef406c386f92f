// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fwlint/report/reporter.h"
#include "fwlint/report/rule_catalog.h"
#include "report/report_fixtures.h"
#include "test_support.h"

namespace fwlint {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kBase = "/work/repo";

std::string sarif_text(const std::vector<FileResult>& files, ReportOptions options = {}) {
  if (options.base_dir.empty()) options.base_dir = kBase;
  if (options.tool_version.empty()) options.tool_version = "0.1.0";
  std::ostringstream out;
  write_sarif(files, options, out);
  return out.str();
}

json sarif_of(const std::vector<FileResult>& files, ReportOptions options = {}) {
  return json::parse(sarif_text(files, std::move(options)));
}

json run_of(const json& log) { return log["runs"][0]; }

/// The run of one file with one diagnostic whose id is no rule's.
json run_with_unknown_id() {
  FileResult f;
  f.path = "/work/repo/fw.cfg";
  Diagnostic d;
  d.id = "FWL999";
  d.message = "m";
  f.diagnostics.push_back(d);
  return run_of(sarif_of({f}));
}

TEST(SarifReporter, LogAndRun) {
  json log = sarif_of({test::sample_file("/work/repo/configs/asa-running.cfg")});
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  json run = run_of(log);
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  // Left to the upload (codeql-action upload-sarif fills in its category
  // only when the run has none).
  EXPECT_FALSE(run.contains("automationDetails"));
  ASSERT_EQ(run["invocations"].size(), 1u);
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/repo/");
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "agora-fwlint");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], std::string(kProjectUrl));
}

TEST(SarifReporter, EveryCatalogRuleInOrderWithWhatGithubNeeds) {
  json rules = run_of(sarif_of({}))["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_rules().size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = all_rules()[i];
    const json& r = rules[i];
    SCOPED_TRACE(info.id);
    EXPECT_EQ(r["id"], info.id);
    EXPECT_EQ(r["name"], info.name);
    EXPECT_EQ(r["shortDescription"]["text"], info.short_description);
    EXPECT_EQ(r["fullDescription"]["text"], info.full_description);
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty());
    EXPECT_EQ(r["help"]["markdown"], rule_help_markdown(info));
    EXPECT_NE(r["help"]["markdown"].get<std::string>().find(info.help), std::string::npos);
    EXPECT_EQ(r["helpUri"], std::string(kRuleDocsBaseUrl) + info.id + ".md");
    EXPECT_TRUE(r["defaultConfiguration"]["level"] == "error" ||
                r["defaultConfiguration"]["level"] == "warning" ||
                r["defaultConfiguration"]["level"] == "note");
    EXPECT_EQ(r["properties"]["tags"].size(), info.tags.size());
    EXPECT_EQ(r["properties"]["precision"], info.precision);
    EXPECT_FALSE(r["properties"].contains("security-severity"));
  }
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[2]["properties"]["problem.severity"], "recommendation");
}

TEST(SarifReporter, OneResultPerDiagnosticAndFinding) {
  json log = sarif_of({test::sample_file("/work/repo/configs/asa-running.cfg")});
  json run = run_of(log);
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);  // FWL101, FWL001, FWL004, FWL003
  const json& rules = run["tool"]["driver"]["rules"];
  std::vector<std::string> ids;
  for (const auto& r : results) {
    ids.push_back(r["ruleId"]);
    EXPECT_EQ(rules[r["ruleIndex"].get<std::size_t>()]["id"], r["ruleId"]);
    EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
    ASSERT_EQ(r["locations"].size(), 1u);
    const json& art = r["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(art["uri"], "configs/asa-running.cfg");
    EXPECT_EQ(art["uriBaseId"], "%SRCROOT%");
    EXPECT_EQ(art["index"], 0);
    EXPECT_TRUE(r["partialFingerprints"].contains("primaryLocationLineHash"));
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"FWL101", "FWL001", "FWL004", "FWL003"}));
  EXPECT_EQ(results[0]["level"], "warning");
  EXPECT_EQ(results[1]["level"], "error");
  EXPECT_EQ(results[3]["level"], "note");
  EXPECT_EQ(results[1]["message"]["text"], "rtc-web needs udp 3478, 5866-6000, blocked here");
  EXPECT_EQ(results[1]["properties"]["sdk"], "rtc-web");
  EXPECT_EQ(results[1]["properties"]["path"], "inside -> outside");
}

TEST(SarifReporter, Regions) {
  json results =
      run_of(sarif_of({test::sample_file("/work/repo/configs/asa-running.cfg")}))["results"];
  // Diagnostic at 3:18-24 (inclusive): SARIF's endColumn is one past the
  // end; the snippet is the region's text, the line is its context.
  const json& part = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(part["region"],
            json::parse(R"({"startLine": 3, "startColumn": 18, "endLine": 3, "endColumn": 25,
                            "snippet": {"text": "e_in ex"}})"));
  EXPECT_EQ(part["contextRegion"],
            json::parse(R"({"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 47,
                            "snippet": {"text":
                                        "access-list inside_in extnded deny udp any any"}})"));
  // Whole-line location: ends after the last code point; no context.
  const json& whole = results[1]["locations"][0]["physicalLocation"];
  EXPECT_EQ(whole["region"]["startColumn"], 1);
  EXPECT_EQ(whole["region"]["endColumn"], 48);
  EXPECT_EQ(whole["region"]["snippet"]["text"], test::kDenyUdp);
  EXPECT_FALSE(whole.contains("contextRegion"));
  // A synthesized finding (line 0) is placed at line 1, without an end column.
  EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine": 1, "startColumn": 1, "endLine": 1})"));
}

TEST(SarifReporter, EndColumnCountsCodePoints) {
  FileResult f;
  f.path = "/work/repo/fw.cfg";
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  d.where = test::at(2, "h\xC3\xA9llo \xE2\x82\xAC");  // 7 code points, 10 bytes
  d.message = "m";
  f.diagnostics.push_back(d);
  json region = run_of(sarif_of({f}))["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["endColumn"], 8);

  // A region from a column to the end of the line: its snippet is that part.
  d.where = test::at(4, "  h\xC3\xA9llo", 3);
  f.diagnostics = {d};
  json loc = run_of(sarif_of({f}))["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["region"]["endColumn"], 8);
  EXPECT_EQ(loc["region"]["snippet"]["text"], "h\xC3\xA9llo");
  EXPECT_EQ(loc["contextRegion"]["snippet"]["text"], "  h\xC3\xA9llo");
}

TEST(SarifReporter, UrisAreRelativeInsideTheBaseAndEncoded) {
  FileResult a = test::sample_file("/work/repo/fw configs/edge#1.cfg");
  FileResult b = test::sample_file("/elsewhere/fw.cfg");
  FileResult c = test::sample_file("/work/repo/../other/x.cfg");
  json run = run_of(sarif_of({a, b, c}));
  const json& artifacts = run["artifacts"];
  ASSERT_EQ(artifacts.size(), 3u);
  EXPECT_EQ(artifacts[0]["location"],
            (json{{"uri", "fw%20configs/edge%231.cfg"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(artifacts[1]["location"], (json{{"uri", "file:///elsewhere/fw.cfg"}}));
  EXPECT_EQ(artifacts[2]["location"], (json{{"uri", "file:///work/other/x.cfg"}}));
  EXPECT_EQ(artifacts[0]["roles"], json::array({"analysisTarget"}));
  EXPECT_EQ(artifacts[0]["properties"]["format"], "asa");
  for (const auto& r : run["results"]) {
    const json& art = r["locations"][0]["physicalLocation"]["artifactLocation"];
    std::size_t index = art["index"];
    EXPECT_EQ(art["uri"], artifacts[index]["location"]["uri"]);
    EXPECT_EQ(art.contains("uriBaseId"), index == 0);
  }
}

TEST(SarifReporter, RelativePathsResolveAgainstTheCurrentDirectory) {
  FileResult f;
  f.path = "sub/fw.cfg";
  ReportOptions options;
  options.base_dir = fs::current_path().string();
  json run = run_of(sarif_of({f}, options));
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"], "sub/fw.cfg");
  std::string root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_EQ(root.rfind("file:///", 0), 0u);
  EXPECT_EQ(root.back(), '/');
}

TEST(SarifReporter, FingerprintsIgnoreLineNumbersButSeparateRepeats) {
  auto finding = [](std::uint32_t line, const std::string& text, const std::string& sdk) {
    Finding f;
    f.id = finding_id::kPortBlocked;
    f.where = test::at(line, text);
    f.message = sdk + ": required udp 3478 is blocked by line " + std::to_string(line);
    f.sdk = sdk;
    return f;
  };
  auto file_with = [](std::vector<Finding> findings) {
    FileResult file;
    file.path = "/work/repo/fw.cfg";
    CheckResult c;
    c.sdk = "rtc-web";
    c.findings = std::move(findings);
    file.checks.push_back(c);
    return file;
  };
  auto hashes = [](const json& log) {
    std::vector<std::string> out;
    for (const auto& r : log["runs"][0]["results"])
      out.push_back(r["partialFingerprints"]["primaryLocationLineHash"]);
    return out;
  };
  auto own_hashes = [](const json& log) {
    std::vector<std::string> out;
    for (const auto& r : log["runs"][0]["results"])
      out.push_back(r["partialFingerprints"]["agoraFwlintFindingHash/v2"]);
    return out;
  };
  const std::string deny = "access-list inside_in extended deny udp any any";
  json log_before = sarif_of({file_with({finding(8, deny, "a"), finding(8, deny, "b"),
                                         finding(12, "deny ip any any", "a")})});
  // Lines inserted above: numbers move (in the message too), fingerprints
  // stay; re-indenting does not matter.
  json log_after = sarif_of({file_with({finding(20, "  " + deny, "a"), finding(20, deny + " ", "b"),
                                        finding(31, "deny  ip any any", "a")})});
  auto before = hashes(log_before), after = hashes(log_after);
  EXPECT_EQ(before, after);
  EXPECT_EQ(own_hashes(log_before), own_hashes(log_after));
  std::set<std::string> distinct;
  for (const auto& h : own_hashes(log_before)) distinct.insert(h);
  EXPECT_EQ(distinct.size(), 3u);
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[0].substr(before[0].size() - 2), ":1");
  EXPECT_EQ(before[1].substr(before[1].size() - 2), ":2");
  EXPECT_EQ(before[0].substr(0, 16), before[1].substr(0, 16));
  EXPECT_NE(before[0], before[2]);
  EXPECT_EQ(before[0].size(), 16u + 2u);
}

TEST(SarifReporter, UnknownRuleIdsGetARuleToo) {
  json run = run_with_unknown_id();
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_rules().size() + 1);
  EXPECT_EQ(rules.back()["id"], "FWL999");
  EXPECT_EQ(run["results"][0]["ruleIndex"], all_rules().size());
}

TEST(SarifReporter, EmptyMessageFallsBackToTheRuleDescription) {
  FileResult f;
  f.path = "/work/repo/fw.cfg";
  Diagnostic d;
  d.id = finding_id::kUnrecognizedLine;
  f.diagnostics.push_back(d);
  EXPECT_EQ(run_of(sarif_of({f}))["results"][0]["message"]["text"],
            find_rule("FWL101")->short_description);
}

TEST(SarifReporter, VersionsAndCategory) {
  ReportOptions options;
  options.tool_version = "0.1.0-dev";
  EXPECT_EQ(run_of(sarif_of({}, options))["tool"]["driver"]["semanticVersion"], "0.1.0-dev");
  options.tool_version = "nightly";
  json driver = run_of(sarif_of({}, options))["tool"]["driver"];
  EXPECT_EQ(driver["version"], "nightly");
  EXPECT_FALSE(driver.contains("semanticVersion"));

  FileResult pf;
  pf.path = "/work/repo/pf.conf";
  pf.format = "pf";
  FileResult ipt;
  ipt.path = "/work/repo/rules.v4";
  ipt.format = "iptables";
  EXPECT_FALSE(run_of(sarif_of({pf, ipt})).contains("automationDetails"));
  options.sarif_category = "firewalls/edge";
  EXPECT_EQ(run_of(sarif_of({pf}, options))["automationDetails"]["id"], "firewalls/edge/");
  options.sarif_category = "firewalls/core/";
  EXPECT_EQ(run_of(sarif_of({pf}, options))["automationDetails"]["id"], "firewalls/core/");
}

TEST(SarifReporter, InvalidUtf8IsReplacedNotThrown) {
  FileResult f = test::sample_file("/work/repo/fw.cfg");
  f.diagnostics[0].message = "bad \xFF byte";
  std::string text;
  ASSERT_NO_THROW(text = sarif_text({f}));
  EXPECT_NO_THROW(json::parse(text));
}

// Validation against the OASIS schema (reference/sarif-schema-2.1.0.json)
// with python3-jsonschema; skipped where either is missing.
TEST(SarifReporter, ValidatesAgainstTheSarifSchema) {
  fs::path schema = fs::path(test::source_dir()) / ".." / "shared" / "reference" /
                    "sarif-schema-2.1.0.json";
  if (!fs::exists(schema)) GTEST_SKIP() << "no schema at " << schema;
  // Debian's interpreter is the one python3-jsonschema installs into.
  std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  if (std::system((python + " -c 'import jsonschema' >/dev/null 2>&1").c_str()) != 0)
    GTEST_SKIP() << "python3-jsonschema is not installed";

  FileResult a = test::sample_file("/work/repo/configs/asa running.cfg");
  FileResult b = test::sample_file("/elsewhere/fw.cfg");
  Diagnostic d;
  d.id = "FWL999";
  b.diagnostics.push_back(d);
  FileResult failed;
  failed.path = "/work/repo/backup.zip";
  failed.status = ParseStatus::Failed;
  Diagnostic unreadable;
  unreadable.id = finding_id::kUnreadableInput;
  unreadable.severity = Severity::Error;
  unreadable.message = "binary file";
  failed.diagnostics.push_back(unreadable);

  fs::path dir = fs::temp_directory_path() / ("fwlint-sarif-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path out = dir / "out.sarif";
  fs::path empty = dir / "empty.sarif";
  std::ofstream(out) << sarif_text({a, b, failed});
  std::ofstream(empty) << sarif_text({});

  // The SARIF of every bundled sample, as the CLI writes it (golden files).
  std::vector<fs::path> files{out, empty};
  for (const auto& e : fs::recursive_directory_iterator(fs::path(test::source_dir()) / "tests" / "golden"))
    if (e.path().extension() == ".sarif") files.push_back(e.path());
  for (const fs::path& file : files) {
    std::string cmd =
        python + " -c 'import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "log = json.load(open(sys.argv[2]))\n"
        "cls = jsonschema.validators.validator_for(schema)\n"
        "errors = list(cls(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log))\n"
        "[print(e.message, list(e.absolute_path)) for e in errors[:10]]\n"
        "sys.exit(1 if errors else 0)' '" +
        schema.string() + "' '" + file.string() + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << file << " does not validate";
  }
  fs::remove_all(dir);
}

TEST(SarifReporter, ResultsInAnIncludedFileLandOnThatFile) {
  FileResult f = test::sample_file("/work/repo/pf.conf");
  f.diagnostics[0].where.file = "/work/repo/pf.d/rules.conf";
  json run = run_of(sarif_of({f}));
  const json& artifacts = run["artifacts"];
  ASSERT_EQ(artifacts.size(), 2u);
  EXPECT_EQ(artifacts[0]["location"]["uri"], "pf.conf");
  EXPECT_EQ(artifacts[0]["roles"], json::array({"analysisTarget"}));
  EXPECT_EQ(artifacts[1]["location"]["uri"], "pf.d/rules.conf");
  EXPECT_FALSE(artifacts[1].contains("roles"));
  const json& first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(first["uri"], "pf.d/rules.conf");
  EXPECT_EQ(first["index"], 1);
  const json& second = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(second["index"], 0);
}

// Parse diagnostics are results (GitHub shows those) and also tool
// execution notifications (SARIF's place for what the analysis could not
// cover), with descriptors in tool.driver.notifications.
TEST(SarifReporter, DiagnosticsAreAlsoToolExecutionNotifications) {
  json run = run_of(sarif_of({test::sample_file("/work/repo/configs/asa-running.cfg")}));
  const json& descriptors = run["tool"]["driver"]["notifications"];
  std::vector<std::string> ids;
  for (const auto& d : descriptors) ids.push_back(d["id"]);
  std::vector<std::string> parse_ids;
  for (const auto& r : all_rules())
    if (r.id.rfind("FWL1", 0) == 0) parse_ids.push_back(r.id);
  EXPECT_EQ(ids, parse_ids);
  EXPECT_EQ(descriptors[0]["helpUri"], std::string(kRuleDocsBaseUrl) + "FWL101.md");
  EXPECT_EQ(descriptors[0]["shortDescription"]["text"], find_rule("FWL101")->short_description);

  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const json& n = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(n["descriptor"], (json{{"id", "FWL101"}, {"index", 0}}));
  EXPECT_EQ(n["level"], "warning");
  EXPECT_EQ(n["message"]["text"], "unrecognized line");
  EXPECT_EQ(n["locations"][0]["physicalLocation"], run["results"][0]["locations"][0]["physicalLocation"]);
  EXPECT_EQ(run["results"][0]["ruleId"], "FWL101");
}

TEST(SarifReporter, AnInputThatCouldNotBeAnalyzedMakesTheRunUnsuccessful) {
  FileResult failed;
  failed.path = "/work/repo/backup.zip";
  failed.status = ParseStatus::Failed;
  Diagnostic d;
  d.id = finding_id::kUnreadableInput;
  d.severity = Severity::Error;
  d.message = "cannot recognize the input format";
  failed.diagnostics.push_back(d);
  FileResult silent;  // failed without saying why
  silent.path = "/work/repo/other.cfg";
  silent.status = ParseStatus::Failed;
  json run = run_of(sarif_of({test::sample_file("/work/repo/fw.cfg"), failed, silent}));
  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  const json& notes = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[1]["level"], "error");
  EXPECT_EQ(notes[1]["descriptor"]["id"], "FWL106");
  // A whole file: the notification names it, without a region.
  EXPECT_EQ(notes[1]["locations"][0]["physicalLocation"],
            (json{{"artifactLocation", {{"uri", "backup.zip"}, {"uriBaseId", "%SRCROOT%"}, {"index", 1}}}}));
  EXPECT_EQ(notes[2]["level"], "error");
  EXPECT_EQ(notes[2]["message"]["text"], "/work/repo/other.cfg could not be analyzed");
  EXPECT_EQ(notes[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "other.cfg");
}

TEST(SarifReporter, UnknownDiagnosticIdsGetANotificationDescriptorToo) {
  json run = run_with_unknown_id();
  const json& descriptors = run["tool"]["driver"]["notifications"];
  EXPECT_EQ(descriptors.back()["id"], "FWL999");
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["index"],
            descriptors.size() - 1);
}

// A blocked port gets the lines that would let it through as a fix: an
// insertion (empty deleted region) at the start of the deciding line.
TEST(SarifReporter, BlockedPortsCarryTheSuggestedLinesAsAFix) {
  json results = run_of(sarif_of({test::sample_file("/work/repo/fw.cfg")}))["results"];
  ASSERT_EQ(results[1]["ruleId"], "FWL001");
  ASSERT_EQ(results[1]["fixes"].size(), 1u);
  const json& fix = results[1]["fixes"][0];
  EXPECT_NE(fix["description"]["text"].get<std::string>().find("udp 3478, 5866-6000"), std::string::npos);
  ASSERT_EQ(fix["artifactChanges"].size(), 1u);
  const json& change = fix["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"], results[1]["locations"][0]["physicalLocation"]["artifactLocation"]);
  EXPECT_EQ(change["replacements"], json::parse(R"([{
      "deletedRegion": {"startLine": 8, "startColumn": 1, "endLine": 8, "endColumn": 1},
      "insertedContent": {"text": "access-list inside_in extended permit udp any any eq 3478\naccess-list inside_in extended permit udp any any range 5866 6000\n"}}])"));
  // Unknown results, parse diagnostics, proxy notes: no fix.
  for (std::size_t i : {0u, 2u, 3u}) EXPECT_FALSE(results[i].contains("fixes")) << i;

  FileResult windows = test::sample_file("/work/repo/policy.xml");
  windows.format = "windows";
  for (const auto& r : run_of(sarif_of({windows}))["results"]) EXPECT_FALSE(r.contains("fixes"));
}

}  // namespace
}  // namespace fwlint
