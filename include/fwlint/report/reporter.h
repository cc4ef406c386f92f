// SPDX-License-Identifier: Apache-2.0
/// \file
/// The three output formats (DESIGN.md §5). Reporters only format: every
/// decision (verdicts, severities, locations) was made before they run.
///
///   text   for people: compiler-style lines, then a per-SDK summary
///   json   for scripts: the versioned shape in docs/json-output.md
///   sarif  SARIF 2.1.0 for code review (GitHub code scanning)
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "fwlint/analysis/findings.h"

namespace fwlint {

/// Version tag of the JSON output; bumped only on incompatible changes.
inline constexpr const char* kJsonSchemaId = "agora-fwlint/1";

struct ReportOptions {
  std::string tool_version;  ///< "0.1.0"; empty = not reported
  bool color = false;        ///< ANSI colors in the text output
  bool quiet = false;        ///< text output: the finding lines only
  /// Root the SARIF artifact URIs are relative to (`%SRCROOT%`), usually the
  /// repository root; empty = the current directory. Files outside it get
  /// absolute file:// URIs.
  std::string base_dir;
  /// SARIF `automationDetails.id`; empty = "agora-fwlint/<format>/" derived
  /// from the inputs (formats joined with '+').
  std::string sarif_category;
};

void write_text(const std::vector<FileResult>& files, const ReportOptions& options,
                std::ostream& out);
void write_json(const std::vector<FileResult>& files, const ReportOptions& options,
                std::ostream& out);
void write_sarif(const std::vector<FileResult>& files, const ReportOptions& options,
                 std::ostream& out);

}  // namespace fwlint
