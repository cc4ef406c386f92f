// SPDX-License-Identifier: Apache-2.0
/// \file
/// What the pf reader may read besides the main file, and the limits that
/// keep a hostile configuration from costing more than a bounded amount of
/// time and memory.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fwlint/frontends/input_limits.h"

namespace fwlint::pf {

struct PfReaderOptions {
  /// Directories `include`, `load anchor … from` and table `file` paths may
  /// name, besides the main file's own directory (the CLI's --include-dir).
  std::vector<std::string> include_dirs;
  /// include-depth, include-files, include-size, nesting, expansion-size
  /// (pfctl has no limit on include depth; a deeper chain is almost
  /// certainly a cycle through different names).
  InputLimits limits;
};

}  // namespace fwlint::pf
