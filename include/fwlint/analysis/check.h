// SPDX-License-Identifier: Apache-2.0
/// \file
/// Checks run on a parsed policy. Each registers itself (like a frontend),
/// so adding one is one file plus one anchor line in src/analysis/lint.cpp.
#pragma once

#include <string>
#include <vector>

#include "fwlint/analysis/findings.h"
#include "fwlint/analysis/requirements_check.h"
#include "fwlint/util/registry.h"

namespace fwlint {

class Check {
 public:
  virtual ~Check() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  virtual std::vector<CheckResult> run(const Policy& policy, const CheckOptions& options) const = 0;
};

using CheckRegistry = Registry<Check>;

template <typename T>
using CheckRegistration = Registration<Check, T>;

}  // namespace fwlint
