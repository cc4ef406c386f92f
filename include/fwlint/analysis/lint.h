// SPDX-License-Identifier: Apache-2.0
/// \file
/// One file end to end: detect the dialect, parse, check requirements.
#pragma once

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
};

/// Never throws on bad input: problems become diagnostics and a status.
/// `status == Failed` with no checks means the input was not usable at all.
FileResult lint_content(const std::string& file_name, std::string_view content,
                        const LintOptions& options);

}  // namespace fwlint
