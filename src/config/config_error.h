// SPDX-License-Identifier: Apache-2.0
/// \file
/// The one kind of diagnostic src/config/ reports (private to it): an
/// FWL110 error about a configuration file.
#pragma once

#include <string>
#include <utility>

#include "fwlint/analysis/findings.h"

namespace fwlint::config {

inline Diagnostic config_error(SourceLocation where, std::string message) {
  Diagnostic d;
  d.id = finding_id::kInvalidConfig;
  d.severity = Severity::Error;
  d.where = std::move(where);
  d.message = std::move(message);
  return d;
}

}  // namespace fwlint::config
