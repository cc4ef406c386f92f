// SPDX-License-Identifier: Apache-2.0
// The "asa" frontend: input sanity checks, the line-by-line extraction and
// the path building, wired together, plus its registration.
#include "frontends/asa/asa_frontend.h"

#include <string>

#include "frontends/asa/asa_config.h"
#include "frontends/asa/diagnostic_sink.h"
#include "frontends/asa/extractor.h"
#include "frontends/common/input_check.h"
#include "frontends/asa/object_table.h"
#include "frontends/asa/path_builder.h"
#include "frontends/common/line_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint {

// Referenced by the registry so the linker keeps this object file (and with
// it the registration below) when linking the static library.
volatile int kAsaFrontendAnchor = 0;

namespace asa {
namespace {

FrontendRegistration<AsaFrontend> registration;

constexpr int kDetectThreshold = 30;

SourceLocation first_line(std::string_view text) {
  LineReader reader(text);
  SourceLine line;
  if (!reader.next(line)) return SourceLocation{1, 1, 0, ""};
  return location_of(line, 1, 0);
}

ParseResult failed(const char* id, SourceLocation where, std::string message) {
  ParseResult r;
  r.policy.dialect = "asa";
  r.status = ParseStatus::Failed;
  r.diagnostics.push_back(Diagnostic{id, Severity::Error, std::move(where), std::move(message)});
  return r;
}

}  // namespace

ParseResult AsaFrontend::parse(const std::string& /*file_name*/, std::string_view content,
                               const PathOptions& options) const {
  InputCheck check = check_input(content);
  std::string transcoded;
  std::string_view text = content.substr(check.text_start);
  DiagnosticSink sink;
  switch (check.kind) {
    case InputKind::Empty:
      return failed(finding_id::kUnreadableInput, SourceLocation{1, 1, 0, ""}, "input is empty");
    case InputKind::Binary:
      // No text in the location: the line is binary garbage.
      return failed(finding_id::kUnreadableInput, SourceLocation{1, 1, 0, ""},
                    "input is not a text file (" + check.reason + ")");
    case InputKind::Utf16:
      transcoded = utf16_to_utf8(text, check.big_endian);
      text = transcoded;
      sink.report(finding_id::kUnreadableInput, Severity::Note, SourceLocation{1, 1, 0, ""},
                  "input is UTF-16 (" + check.reason + "); it was read as text");
      break;
    case InputKind::Text: break;
  }

  AsaConfig config;
  ObjectTable objects;
  Extractor extractor(config, objects, sink, options.limits.line_length);
  LineReader reader(text);
  SourceLine line;
  while (reader.next(line)) extractor.feed(line);
  extractor.finish();

  if (config.recognized_statements == 0 && config.other_commands == 0 && detect_asa(text.substr(0, 64 * 1024)) < kDetectThreshold)
    return failed(finding_id::kUnreadableInput, first_line(text),
                  "input does not look like a Cisco ASA configuration");

  ParseResult result;
  result.policy.dialect = "asa";
  bool options_valid = build_policy(config, options, result.policy, sink);
  bool partial = sink.count(finding_id::kUnrecognizedLine) + sink.count(finding_id::kUndefinedReference) > 0;
  result.diagnostics = sink.take();
  // A --from/--to naming no interface of this file leaves nothing to check.
  result.status = !options_valid ? ParseStatus::Failed : partial ? ParseStatus::Partial : ParseStatus::Ok;
  return result;
}

}  // namespace asa
}  // namespace fwlint
