// SPDX-License-Identifier: Apache-2.0
/// \file
/// SARIF 2.1.0 output, shaped for GitHub code scanning
/// (reference/style-and-ecosystem.md B1) and checked with Microsoft's SARIF
/// multitool (tests/integration/sarif_multitool.sh, docs/sarif.md): one
/// run, every rule of the catalogue in tool.driver.rules, one result per
/// finding and per parse diagnostic, repository-relative URIs under
/// %SRCROOT%, full regions with the exact snippet (and the whole line as
/// contextRegion when the region is part of it), partialFingerprints that
/// survive edits elsewhere in the file, suggested lines as fixes[], and the
/// parse diagnostics once more as tool execution notifications.
///
/// Parse problems (the FWL1xx diagnostics) are reported twice, on purpose:
///  - as results, because GitHub code scanning shows results only (as
///    alerts on the line, in the pull request), and a line the tool did not
///    understand is something the config's author must see: the verdicts
///    that depend on it are unknown. Notifications are not shown there.
///  - as invocations[0].toolExecutionNotifications, because SARIF (§3.58)
///    makes a notification the place for "a condition encountered during
///    the execution of the tool": which parts of an input the analysis
///    could not cover. Consumers that judge whether a run is complete
///    (SARIF appendix I) read those, not results. Their descriptors are in
///    tool.driver.notifications.
/// invocations[0].executionSuccessful is false exactly when an input could
/// not be analyzed at all (the CLI then exits 2); each such input has an
/// error-level notification.

#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <regex>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fwlint/report/fix_suggestion.h"
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
        {"markdown", rule_help_markdown(r)}}},
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

/// Bytes of the code points [from, to) of UTF-8 `text` (0-based; an
/// invalid byte counts as one, as in codepoint_count).
std::string codepoint_slice(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t begin = text.size(), end = text.size(), n = 0;
  for (std::size_t i = 0; i <= text.size(); ++n) {
    if (n == from) begin = i;
    if (n == to) {
      end = i;
      break;
    }
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (len > 1 && i + len > text.size()) len = 1;
    for (std::size_t j = 1; j < len; ++j)
      if ((static_cast<unsigned char>(text[i + j]) & 0xC0) != 0x80) len = 1;
    i += len;
  }
  return begin >= end ? std::string() : std::string(text.substr(begin, end - begin));
}

/// SARIF region of a location: start and end line and column, endColumn
/// one past the last code point (SourceLocation's end_column is
/// inclusive), and the region's own text as snippet. A location without a
/// line (synthesized) is placed at line 1 with no end column.
Json region_json(const SourceLocation& where) {
  if (!where.known()) return Json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}};
  std::size_t start = std::max<std::uint32_t>(where.column, 1);
  Json r{{"startLine", where.line}, {"startColumn", start}, {"endLine", where.line}};
  std::size_t end = 0;
  if (where.end_column != 0)
    end = std::size_t{where.end_column} + 1;
  else if (!where.text.empty())
    end = codepoint_count(where.text) + 1;
  if (end != 0) r["endColumn"] = std::max(end, start);
  // GitHub limits the size of an upload; a gigantic line is not worth it.
  if (!where.text.empty() && where.text.size() <= kMaxSnippetBytes) {
    std::string text = end == 0 ? codepoint_slice(where.text, start - 1, where.text.size())
                                : codepoint_slice(where.text, start - 1, end - 1);
    if (!text.empty()) r["snippet"] = {{"text", text}};
  }
  return r;
}

/// The whole line around a region that is part of it (SARIF wants a
/// contextRegion to be a proper superset of the region); nullopt when the
/// region is the line.
std::optional<Json> context_region_json(const SourceLocation& where) {
  if (!where.known() || where.text.empty() || where.text.size() > kMaxSnippetBytes)
    return std::nullopt;
  std::size_t length = codepoint_count(where.text);
  std::size_t start = std::max<std::uint32_t>(where.column, 1);
  std::size_t end = where.end_column != 0 ? std::size_t{where.end_column} + 1 : length + 1;
  if (end > length + 1 || end < start || (start == 1 && end == length + 1)) return std::nullopt;
  return Json{{"startLine", where.line},
              {"startColumn", 1},
              {"endLine", where.line},
              {"endColumn", length + 1},
              {"snippet", {{"text", where.text}}}};
}

/// `automationDetails.id` ("category/run-id"; GitHub keeps one analysis per
/// tool and category) when a category was asked for, else none: the
/// codeql-action upload-sarif step fills it in (from its `category` input,
/// or the workflow, job and matrix) only when the run has none, so a
/// category made up here would silently override the workflow's.
std::optional<std::string> automation_id(const ReportOptions& options) {
  if (options.sarif_category.empty()) return std::nullopt;
  std::string id = options.sarif_category;
  return id.back() == '/' ? id : id + "/";
}

/// A line's number in a message ("blocked by line 45"): lines added above
/// change it, so the semantic fingerprint leaves it out.
std::string without_line_numbers(const std::string& message) {
  static const std::regex re(R"(\b(lines?) [0-9]+)");
  return std::regex_replace(message, re, "$1 N");
}

/// A physicalLocation: the artifact, the region and, for a region that is
/// part of a line, the line as context.
Json physical_location(const SourceLocation& where, const UriMaker::Location& loc,
                       std::size_t artifact) {
  Json physical{{"artifactLocation", artifact_location(loc, artifact)},
                {"region", region_json(where)}};
  if (auto context = context_region_json(where)) physical["contextRegion"] = std::move(*context);
  return physical;
}

/// SARIF fix inserting the suggested lines before the deciding
/// one: the deleted region is empty (startColumn = endColumn = 1 of that
/// line), the inserted text ends with a line break.
Json fix_json(const FixSuggestion& fix, const UriMaker::Location& loc, std::size_t artifact) {
  std::string text;
  for (const auto& l : fix.lines) text += l + "\n";
  Json region{{"startLine", fix.before_line},
              {"startColumn", 1},
              {"endLine", fix.before_line},
              {"endColumn", 1}};
  Json replacement{{"deletedRegion", std::move(region)}, {"insertedContent", {{"text", text}}}};
  Json change{{"artifactLocation", artifact_location(loc, artifact)},
              {"replacements", Json::array({std::move(replacement)})}};
  std::string description = fix.description;
  if (!description.empty())
    description[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(description[0])));
  return Json{{"description", {{"text", description + "."}}},
              {"artifactChanges", Json::array({std::move(change)})}};
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
    Json location{{"physicalLocation", physical_location(where, loc, artifact)}};
    result["locations"] = Json::array({std::move(location)});

    // GitHub's primaryLocationLineHash is "<hash of the line>:<occurrence>";
    // counting occurrences per rule and line text keeps two results of one
    // rule on identical lines (or on one line, for two SDKs) apart, and is
    // unaffected by lines added or removed elsewhere. Counts are per artifact.
    // The tool's own fingerprint is the finding's identity: rule, line
    // text, SDK and path, message (v2: without line numbers, which v1 kept).
    std::string line = normalize_space(where.text);
    std::string line_hash = fnv1a_hex(line);
    std::size_t n = ++occurrences_[std::to_string(artifact) + '\n' + id + '\n' + line_hash];
    result["partialFingerprints"] = {
        {"primaryLocationLineHash", line_hash + ":" + std::to_string(n)},
        {"agoraFwlintFindingHash/v2",
         fnv1a_hex(id + '\n' + line + '\n' + extra_identity + '\n' + without_line_numbers(message))}};
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

/// tool.driver.notifications and invocations[0].toolExecutionNotifications:
/// a descriptor for every parse-problem id of the catalogue (FWL1xx) and
/// for any other id a diagnostic carries; one notification per diagnostic.
class NotificationBuilder {
 public:
  NotificationBuilder() {
    for (const auto& r : all_rules())
      if (r.id.rfind("FWL1", 0) == 0) descriptor_for(r.id);
  }

  void add(const std::string& id, Severity severity, const std::string& message,
           Json physical_location) {
    std::size_t index = descriptor_for(id);
    Json n{{"locations", Json::array({{{"physicalLocation", std::move(physical_location)}}})},
           {"message", {{"text", message}}},
           {"level", level_of(severity)},
           {"descriptor", {{"id", id}, {"index", index}}}};
    notifications_.push_back(std::move(n));
  }

  Json take_descriptors() { return std::move(descriptors_); }
  Json take_notifications() { return std::move(notifications_); }

 private:
  std::size_t descriptor_for(const std::string& id) {
    auto [it, added] = index_.emplace(id, index_.size());
    if (!added) return it->second;
    const RuleInfo* r = find_rule(id);
    if (!r) {
      descriptors_.push_back(unknown_rule_json(id));
      return it->second;
    }
    // As the rule, without the Markdown page: GitHub's ingestion rules
    // (multitool GH2012) want help on every descriptor.
    Json d = rule_json(*r);
    d["help"].erase("markdown");
    d.erase("properties");
    descriptors_.push_back(std::move(d));
    return it->second;
  }

  Json descriptors_ = Json::array();
  Json notifications_ = Json::array();
  std::map<std::string, std::size_t> index_;
};

}  // namespace

/// A suppressed result stays in the log (code review shows it as
/// dismissed) with the in-source comment that suppressed it and its reason.
template <typename Location, typename Artifact>
Json suppressions_json(const Suppression& s, const Location& loc, const Artifact& artifact) {
  Json region{{"startLine", s.where.line}};
  if (s.where.column > 0) region["startColumn"] = s.where.column;
  Json suppression{{"kind", "inSource"},
                   {"status", "accepted"},
                   {"justification", s.reason},
                   {"location",
                    {{"physicalLocation",
                      {{"artifactLocation", artifact_location(loc, artifact)}, {"region", region}}}}}};
  if (s.whole_file) suppression["properties"] = {{"scope", "file"}};
  return Json::array({suppression});
}

void write_sarif(const std::vector<FileResult>& files, const ReportOptions& options,
                 std::ostream& out) {
  Json rules = Json::array();
  for (const auto& r : all_rules()) rules.push_back(rule_json(r));

  UriMaker uris(options.base_dir);
  ResultBuilder builder(rules);
  NotificationBuilder notifications;
  bool analyzed_all = true;
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
    bool error_noted = false;
    for (const auto& d : file.diagnostics) {
      auto [loc, artifact] = place(d.where);
      Json result = builder.make(d.id, d.severity, d.where, d.message, loc, artifact, "");
      if (d.suppression) result["suppressions"] = suppressions_json(*d.suppression, loc, artifact);
      // A notification about a whole file names the file, not line 1.
      Json where = d.where.known() ? result["locations"][0]["physicalLocation"]
                                   : Json{{"artifactLocation", artifact_location(loc, artifact)}};
      notifications.add(d.id, d.severity, result["message"]["text"], std::move(where));
      error_noted = error_noted || d.severity == Severity::Error;
      results.push_back(std::move(result));
    }
    if (file.status == ParseStatus::Failed) {
      analyzed_all = false;
      if (!error_noted) {
        auto [loc, artifact] = artifact_of(file.path, file, true);
        notifications.add(finding_id::kUnreadableInput, Severity::Error,
                          file.path + " could not be analyzed",
                          Json{{"artifactLocation", artifact_location(loc, artifact)}});
      }
    }
    for (const auto& check : file.checks) {
      auto fixes = suggest_fixes(file.format, check);
      for (std::size_t i = 0; i < check.findings.size(); ++i) {
        const Finding& f = check.findings[i];
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
        if (fixes[i]) r["fixes"] = Json::array({fix_json(*fixes[i], loc, artifact)});
        if (f.suppression) r["suppressions"] = suppressions_json(*f.suppression, loc, artifact);
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
  driver["notifications"] = notifications.take_descriptors();

  Json invocation{{"executionSuccessful", analyzed_all}};
  Json notes = notifications.take_notifications();
  if (!notes.empty()) invocation["toolExecutionNotifications"] = std::move(notes);

  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"invocations", Json::array({std::move(invocation)})}};
  if (auto id = automation_id(options)) run["automationDetails"] = {{"id", *id}};
  run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", uris.base_uri()}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);
  Json log{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace fwlint
