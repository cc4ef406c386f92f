// SPDX-License-Identifier: Apache-2.0
/// \file
/// SARIF 2.1.0 output, shaped for GitHub code scanning
/// (reference/style-and-ecosystem.md B1): one run, every rule of the
/// catalogue in tool.driver.rules, one result per finding and per parse
/// diagnostic, repository-relative URIs under %SRCROOT%, and
/// partialFingerprints that survive edits elsewhere in the file.

#include <filesystem>
#include <map>
#include <ostream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "fwlint/report/reporter.h"
#include "fwlint/report/rule_catalog.h"
#include "report/report_util.h"

namespace fwlint {
namespace {

using namespace report_detail;
using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr std::size_t kMaxSnippetBytes = 4096;

const char* level_of(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

const char* problem_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "recommendation";
  }
  return "warning";
}

bool is_semver(const std::string& v) {
  static const std::regex re(
      R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$)");
  return std::regex_match(v, re);
}

Json rule_json(const RuleInfo& r) {
  std::string uri = rule_help_uri(r);
  Json tags = Json::array();
  for (const auto& t : r.tags) tags.push_back(t);
  return Json{
      {"id", std::string(r.id)},
      {"name", std::string(r.name)},
      {"shortDescription", {{"text", std::string(r.short_description)}}},
      {"fullDescription", {{"text", std::string(r.full_description)}}},
      {"helpUri", uri},
      {"help",
       {{"text", std::string(r.help) + "\n\nSee " + uri},
        {"markdown", rule_markdown(r)}}},
      {"defaultConfiguration", {{"level", level_of(r.default_severity)}}},
      {"properties",
       {{"tags", std::move(tags)},
        {"precision", std::string(r.precision)},
        {"problem.severity", problem_severity(r.default_severity)}}}};
}

/// A rule for an id the catalogue does not know (a frontend bug, or a newer
/// library than this reporter); keeps every result tied to a rule.
Json unknown_rule_json(const std::string& id) {
  return Json{{"id", id},
              {"shortDescription", {{"text", "Finding " + id + "."}}},
              {"fullDescription", {{"text", "Finding " + id + " has no catalogue entry."}}},
              {"help", {{"text", "No documentation is available for " + id + "."}}},
              {"defaultConfiguration", {{"level", "warning"}}}};
}

/// Where artifacts are and how to name them.
class UriMaker {
 public:
  explicit UriMaker(const std::string& base_dir) {
    std::error_code ec;
    fs::path base = base_dir.empty() ? fs::current_path(ec) : fs::path(base_dir);
    base_ = fs::absolute(base, ec).lexically_normal();
    if (base_.has_filename()) base_ /= "";  // trailing separator
  }

  /// "file:///abs/base/"
  std::string base_uri() const { return "file://" + percent_encode_path(base_.generic_string()); }

  struct Location {
    std::string uri;
    bool relative = false;
  };

  Location locate(const std::string& path) const {
    std::error_code ec;
    fs::path abs = fs::absolute(fs::path(path), ec).lexically_normal();
    fs::path rel = abs.lexically_relative(base_);
    std::string r = rel.generic_string();
    bool inside = !rel.empty() && r != "." && r.rfind("..", 0) != 0 && !rel.is_absolute();
    if (inside) return {percent_encode_path(r), true};
    return {"file://" + percent_encode_path(abs.generic_string()), false};
  }

 private:
  fs::path base_;
};

Json artifact_location(const UriMaker::Location& loc, std::size_t index) {
  Json j{{"uri", loc.uri}};
  if (loc.relative) j["uriBaseId"] = kSrcRoot;
  j["index"] = index;
  return j;
}

/// SARIF region of a location; a location without a line (synthesized)
/// is placed at line 1 with no end column.
Json region_json(const SourceLocation& where) {
  if (!where.known()) return Json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}};
  std::uint32_t start = std::max<std::uint32_t>(where.column, 1);
  Json r{{"startLine", where.line}, {"startColumn", start}, {"endLine", where.line}};
  // end_column is inclusive; SARIF's endColumn is one past the end.
  std::size_t end = 0;
  if (where.end_column != 0)
    end = std::size_t{where.end_column} + 1;
  else if (!where.text.empty())
    end = codepoint_count(where.text) + 1;
  if (end != 0) r["endColumn"] = std::max<std::size_t>(end, start);
  // GitHub limits the size of an upload; a gigantic line is not worth it.
  if (!where.text.empty() && where.text.size() <= kMaxSnippetBytes)
    r["snippet"] = {{"text", where.text}};
  return r;
}

std::string automation_id(const std::vector<FileResult>& files, const ReportOptions& options) {
  if (!options.sarif_category.empty()) {
    std::string id = options.sarif_category;
    return id.back() == '/' ? id : id + "/";
  }
  std::set<std::string> formats;
  for (const auto& f : files) {
    std::string clean;
    for (char c : f.format)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') clean += c;
    if (!clean.empty()) formats.insert(clean);
  }
  std::string id = "agora-fwlint/";
  if (formats.empty()) return id;
  bool first = true;
  for (const auto& f : formats) {
    if (!first) id += '+';
    id += f;
    first = false;
  }
  return id + "/";
}

class ResultBuilder {
 public:
  explicit ResultBuilder(Json& rules) : rules_(rules) {
    for (const auto& r : all_rules()) index_.emplace(std::string(r.id), index_.size());
  }

  Json make(const std::string& id, Severity severity, const SourceLocation& where,
            const std::string& message, const UriMaker::Location& loc, std::size_t artifact,
            const std::string& extra_identity) {
    std::size_t index = rule_for(id);
    Json result{{"ruleId", id}, {"ruleIndex", index}, {"level", level_of(severity)}};
    std::string text = message;
    if (text.empty()) {
      const RuleInfo* rule = find_rule(id);
      text = rule ? std::string(rule->short_description) : id;
    }
    result["message"] = {{"text", text}};
    Json physical{{"artifactLocation", artifact_location(loc, artifact)},
                  {"region", region_json(where)}};
    Json location{{"physicalLocation", std::move(physical)}};
    result["locations"] = Json::array({std::move(location)});

    // GitHub's primaryLocationLineHash is "<hash of the line>:<occurrence>";
    // counting occurrences per rule and line text keeps two results of one
    // rule on identical lines (or on one line, for two SDKs) apart, and is
    // unaffected by lines added or removed elsewhere. Counts are per artifact.
    std::string line = normalize_space(where.text);
    std::string line_hash = fnv1a_hex(line);
    std::size_t n = ++occurrences_[std::to_string(artifact) + '\n' + id + '\n' + line_hash];
    result["partialFingerprints"] = {
        {"primaryLocationLineHash", line_hash + ":" + std::to_string(n)},
        {"agoraFwlintFindingHash/v1",
         fnv1a_hex(id + '\n' + line + '\n' + extra_identity + '\n' + message)}};
    return result;
  }

 private:
  std::size_t rule_for(const std::string& id) {
    auto it = index_.find(id);
    if (it != index_.end()) return it->second;
    std::size_t i = index_.size();
    index_.emplace(id, i);
    rules_.push_back(unknown_rule_json(id));
    return i;
  }

  Json& rules_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::size_t> occurrences_;
};

}  // namespace

void write_sarif(const std::vector<FileResult>& files, const ReportOptions& options,
                 std::ostream& out) {
  Json rules = Json::array();
  for (const auto& r : all_rules()) rules.push_back(rule_json(r));

  UriMaker uris(options.base_dir);
  ResultBuilder builder(rules);
  Json artifacts = Json::array();
  std::map<std::string, std::size_t> artifact_index;
  Json results = Json::array();

  // An input is an analysis target; a file it includes is an artifact
  // of its own so that results land on the included file's lines.
  auto artifact_of = [&](const std::string& path, const FileResult& file, bool target) {
    UriMaker::Location loc = uris.locate(path);
    auto [it, added] = artifact_index.emplace(loc.uri, artifact_index.size());
    if (added) {
      Json location{{"uri", loc.uri}};
      if (loc.relative) location["uriBaseId"] = kSrcRoot;
      Json artifact{{"location", std::move(location)}};
      if (target) {
        artifact["roles"] = Json::array({"analysisTarget"});
        artifact["properties"] = {{"format", file.format}, {"status", status_word(file.status)}};
      }
      artifacts.push_back(std::move(artifact));
    }
    return std::pair{loc, it->second};
  };

  for (const auto& file : files) {
    artifact_of(file.path, file, true);
    auto place = [&](const SourceLocation& where) {
      return artifact_of(where.file.empty() ? file.path : where.file, file, false);
    };
    for (const auto& d : file.diagnostics) {
      auto [loc, artifact] = place(d.where);
      results.push_back(builder.make(d.id, d.severity, d.where, d.message, loc, artifact, ""));
    }
    for (const auto& check : file.checks) {
      for (const auto& f : check.findings) {
        auto [loc, artifact] = place(f.where);
        Json r = builder.make(f.id, f.severity, f.where, f.message, loc, artifact,
                              check.sdk + '\n' + check.path + '\n' + family_word(check.family) +
                                  (check.proxy_mode.empty() ? "" : "\ncloud proxy " + check.proxy_mode));
        Json props{{"sdk", check.sdk}, {"pack", check.pack}, {"path", check.path},
                   {"family", family_word(check.family)},
                   {"checkVerdict", check_verdict_word(check.verdict)}};
        if (!check.proxy_mode.empty()) props["cloudProxyMode"] = check.proxy_mode;
        if (!check.features.empty()) props["features"] = check.features;
        if (!check.features_left_out.empty()) props["featuresLeftOut"] = check.features_left_out;
        r["properties"] = std::move(props);
        results.push_back(std::move(r));
      }
    }
  }

  Json driver{{"name", "agora-fwlint"}};
  if (!options.tool_version.empty()) {
    driver["version"] = options.tool_version;
    if (is_semver(options.tool_version)) driver["semanticVersion"] = options.tool_version;
  }
  driver["informationUri"] = std::string(kProjectUrl);
  driver["rules"] = std::move(rules);

  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"automationDetails", {{"id", automation_id(files, options)}}},
           {"originalUriBaseIds", {{kSrcRoot, {{"uri", uris.base_uri()}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"artifacts", std::move(artifacts)},
           {"results", std::move(results)}};
  Json log{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace fwlint
