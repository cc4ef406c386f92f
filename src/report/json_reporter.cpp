// SPDX-License-Identifier: Apache-2.0
/// \file
/// JSON output for scripts. The shape is a contract (docs/json-output.md,
/// schema id "agora-fwlint/1"): add keys only; renaming or removing one
/// means a new schema id.

#include <ostream>

#include <nlohmann/json.hpp>

#include "fwlint/report/reporter.h"
#include "report/report_util.h"

namespace fwlint {
namespace {

using namespace report_detail;
using Json = nlohmann::ordered_json;

/// Locations in another file than the input (an included file) name it.
void add_file(Json& j, const SourceLocation& where) {
  if (!where.file.empty()) j["file"] = where.file;
}

/// ONLY on a suppressed finding or diagnostic: the comment that did it.
void add_suppression(Json& j, const std::optional<Suppression>& s) {
  if (!s) return;
  Json suppressed{{"reason", s->reason},
                  {"scope", s->whole_file ? "file" : "line"},
                  {"line", s->where.line},
                  {"column", s->where.column}};
  add_file(suppressed, s->where);
  j["suppressed"] = std::move(suppressed);
}

Json diagnostic_json(const Diagnostic& d) {
  Json j{{"id", d.id},
         {"severity", severity_word(d.severity)},
         {"line", d.where.line},
         {"column", d.where.column},
         {"message", d.message},
         {"text", d.where.text}};
  add_file(j, d.where);
  add_suppression(j, d.suppression);
  return j;
}

Json finding_json(const Finding& f) {
  Json j{{"id", f.id},
         {"severity", severity_word(f.severity)},
         {"line", f.where.line},
         {"column", f.where.column},
         {"message", f.message}};
  add_file(j, f.where);
  add_suppression(j, f.suppression);
  return j;
}

Json decider_json(const Decider& d) {
  Json j{{"line", d.location.line},
         {"column", d.location.column},
         {"text", d.location.text},
         {"reason", d.description}};
  add_file(j, d.location);
  return j;
}

Json flow_json(const Flow& flow) {
  Json ports = Json::array();
  for (const auto& iv : flow.ports.intervals()) ports.push_back(Json::array({iv.lo, iv.hi}));
  Json j{{"protocol", transport_word(flow.transport)},
         {"ports", std::move(ports)},
         {"domains", flow.domains}};
  if (!flow.destinations.empty()) j["destinations"] = address_strings(flow.destinations);
  if (!flow.feature.empty()) j["feature"] = flow.feature;
  if (!flow.all_sources) j["sources"] = address_strings(flow.sources);
  if (!flow.source_ports.is_all()) {
    Json source_ports = Json::array();
    for (const auto& iv : flow.source_ports.intervals())
      source_ports.push_back(Json::array({iv.lo, iv.hi}));
    j["source_ports"] = std::move(source_ports);
  }
  j["verdict"] = verdict_word(flow.verdict);
  j["decided_on"] = flow.by_replies ? "replies" : "requests";
  Json deciders = Json::array();
  for (const auto& d : flow.decided_by) deciders.push_back(decider_json(d));
  j["decided_by"] = std::move(deciders);
  return j;
}

Json check_json(const CheckResult& c) {
  Json flows = Json::array();
  for (const auto& f : c.flows) flows.push_back(flow_json(f));
  Json findings = Json::array();
  for (const auto& f : c.findings) findings.push_back(finding_json(f));
  Json j{{"sdk", c.sdk},
         {"sdk_title", c.sdk_title},
         {"pack", c.pack},
         {"sdk_version", c.sdk_version},
         {"features", c.features},
         {"features_left_out", c.features_left_out}};
  if (!c.proxy_mode.empty()) j["cloud_proxy_mode"] = c.proxy_mode;
  j["path"] = c.path;
  j["sources"] = c.sources;
  j["family"] = family_word(c.family);
  j["verdict"] = check_verdict_word(c.verdict);
  j["flows"] = std::move(flows);
  j["findings"] = std::move(findings);
  return j;
}

Json file_json(const FileResult& file) {
  Json diagnostics = Json::array();
  for (const auto& d : file.diagnostics) diagnostics.push_back(diagnostic_json(d));
  Json checks = Json::array();
  for (const auto& c : file.checks) checks.push_back(check_json(c));
  return Json{{"path", file.path},
              {"format", file.format},
              {"status", status_word(file.status)},
              {"diagnostics", std::move(diagnostics)},
              {"checks", std::move(checks)}};
}

}  // namespace

void write_json(const std::vector<FileResult>& files, const ReportOptions& options,
                std::ostream& out) {
  Json all = Json::array();
  for (const auto& f : files) all.push_back(file_json(f));
  Json doc{{"schema", kJsonSchemaId},
           {"tool", Json{{"name", "agora-fwlint"}, {"version", options.tool_version}}},
           {"files", std::move(all)}};
  // Input text may be any bytes: invalid UTF-8 becomes U+FFFD instead of
  // an exception.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace fwlint
