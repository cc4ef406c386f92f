// SPDX-License-Identifier: Apache-2.0
/// \file
/// Parse-level problems found while reading an input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint {

enum class Severity { Note, Warning, Error };

const char* severity_name(Severity s);

/// An inline suppression comment that accepted a finding
/// (`agora-fwlint: ignore FWL001 -- reason`, docs/suppressions.md).
struct Suppression {
  std::string reason;       ///< the justification written after `--`
  SourceLocation where;     ///< the comment (its line, the column of `agora-fwlint:`)
  bool whole_file = false;  ///< `ignore-file` rather than `ignore`
};

/// A problem tied to a place in the input; `id` is a stable finding id
/// (FWL1xx for parse-level problems, see docs/rules/).
struct Diagnostic {
  std::string id;
  Severity severity = Severity::Warning;
  SourceLocation where;
  std::string message;  // lower case, no final period
  /// Set when a comment in the input suppresses it: reporters leave it out
  /// of the text output, mark it in JSON and SARIF, and it fails no run.
  std::optional<Suppression> suppression{};
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace fwlint
