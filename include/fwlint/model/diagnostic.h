// SPDX-License-Identifier: Apache-2.0
/// \file
/// Parse-level problems found while reading an input.
#pragma once

#include <string>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint {

enum class Severity { Note, Warning, Error };

const char* severity_name(Severity s);

/// A problem tied to a place in the input; `id` is a stable finding id
/// (FWL1xx for parse-level problems, see docs/rules/).
struct Diagnostic {
  std::string id;
  Severity severity = Severity::Warning;
  SourceLocation where;
  std::string message;  // lower case, no final period
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace fwlint
