// SPDX-License-Identifier: Apache-2.0
/// \file
/// One file end to end: detect the dialect, parse, check requirements.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "fwlint/analysis/findings.h"
#include "fwlint/analysis/requirements_check.h"
#include "fwlint/frontends/frontend.h"

namespace fwlint {

struct LintOptions {
  std::string dialect;  ///< empty = detect from content
  PathOptions paths;
  CheckOptions checks;
  /// Finding ids reported with another severity, or not at all (nullopt):
  /// `severity` and `ignore` of .agora-fwlint.yaml (docs/configuration.md).
  std::map<std::string, std::optional<Severity>> severities;
  /// Honour `agora-fwlint: ignore …` comments in the input
  /// (docs/suppressions.md).
  bool inline_suppressions = true;
};

/// Never throws on bad input: problems become diagnostics and a status.
/// `status == Failed` with no checks means the input was not usable at all.
/// Findings that a comment in the input suppresses are kept, with their
/// `suppression` set; ids the options turn off are dropped.
FileResult lint_content(const std::string& file_name, std::string_view content,
                        const LintOptions& options);

}  // namespace fwlint
