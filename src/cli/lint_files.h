// SPDX-License-Identifier: Apache-2.0
/// \file
/// Linting the files of one run, in parallel when asked.
#pragma once

#include <string>
#include <vector>

#include "fwlint/analysis/lint.h"

namespace fwlint::cli {

/// Reads and lints every file ("-" is standard input) with `options`, on up
/// to `jobs` threads. Results come in the order of `files`, whatever order
/// the work finished in; an unreadable file is a Failed result with FWL106.
std::vector<FileResult> lint_files(const std::vector<std::string>& files, const LintOptions& options,
                                   unsigned jobs);

}  // namespace fwlint::cli
