// SPDX-License-Identifier: Apache-2.0
// The "pf" frontend: input sanity checks, the reader (statements, macros,
// includes, anchors, tables: pf_reader) and the policy builder, wired
// together, plus its registration.
#include "frontends/pf/pf_frontend.h"

#include <string>

#include "frontends/common/input_check.h"
#include "frontends/common/line_reader.h"
#include "frontends/pf/pf_reader.h"
#include "frontends/pf/policy_builder.h"
#include "fwlint/analysis/findings.h"

namespace fwlint {

// Referenced by the registry so the linker keeps this object file (and with
// it the registration below) when linking the static library.
volatile int kPfFrontendAnchor = 0;

namespace pf {
namespace {

FrontendRegistration<PfFrontend> registration;

constexpr int kDetectThreshold = 30;

ParseResult failed(SourceLocation where, std::string message) {
  ParseResult r;
  r.policy.dialect = "pf";
  r.status = ParseStatus::Failed;
  r.diagnostics.push_back(
      Diagnostic{finding_id::kUnreadableInput, Severity::Error, std::move(where), std::move(message)});
  return r;
}

SourceLocation first_line(std::string_view text) {
  LineReader reader(text);
  SourceLine line;
  if (!reader.next(line)) return SourceLocation{1, 1, 0, ""};
  return location_of(line, 1, 0);
}

/// Partial when some statement was not understood or something it names
/// is missing.
bool partial(const Diagnostics& diags) {
  for (const Diagnostic& d : diags)
    if (d.severity != Severity::Note &&
        (d.id == finding_id::kUnrecognizedLine || d.id == finding_id::kUndefinedReference ||
         d.id == finding_id::kReferenceCycle || d.id == finding_id::kUnreadableInput))
      return true;
  return false;
}

}  // namespace

ParseResult PfFrontend::parse(const std::string& file_name, std::string_view content,
                              const PathOptions& options) const {
  InputCheck check = check_input(content);
  std::string transcoded;
  std::string_view text = content.substr(check.text_start);
  Diagnostics diags;
  switch (check.kind) {
    case InputKind::Empty: return failed(SourceLocation{1, 1, 0, ""}, "input is empty");
    case InputKind::Binary:
      return failed(SourceLocation{1, 1, 0, ""}, "input is not a text file (" + check.reason + ")");
    case InputKind::Utf16:
      transcoded = utf16_to_utf8(text, check.big_endian);
      text = transcoded;
      diags.push_back(Diagnostic{finding_id::kUnreadableInput, Severity::Note, SourceLocation{1, 1, 0, ""},
                                 "input is UTF-16 (" + check.reason + "); it was read as text"});
      break;
    case InputKind::Text: break;
  }

  // Includes, anchor files and table files are read from the file's own
  // directory and the --include-dir directories only.
  PfReaderOptions reader_options;
  reader_options.include_dirs = options.include_dirs;
  reader_options.limits = options.limits;
  ReadSummary summary;
  PfConfig config = read_pf_config(file_name, text, reader_options, diags, &summary);
  if (summary.understood == 0 && detect_pf(text.substr(0, 64 * 1024)) < kDetectThreshold)
    return failed(first_line(text), "input does not look like a pf.conf");

  ParseResult result;
  result.policy.dialect = "pf";
  result.diagnostics = std::move(diags);
  build_policy(config, options, result.policy, result.diagnostics);
  result.status = partial(result.diagnostics) ? ParseStatus::Partial : ParseStatus::Ok;
  return result;
}

}  // namespace pf
}  // namespace fwlint
