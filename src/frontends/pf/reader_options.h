// SPDX-License-Identifier: Apache-2.0
/// \file
/// What the pf reader may read besides the main file, and the limits that
/// keep a hostile configuration from costing more than a bounded amount of
/// time and memory.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace fwlint::pf {

struct PfReaderOptions {
  /// Directories `include`, `load anchor … from` and table `file` paths may
  /// name, besides the main file's own directory (the CLI's --include-dir).
  std::vector<std::string> include_dirs;
};

/// Nesting of `include` and `load anchor` files (pfctl has no limit; a
/// deeper chain is almost certainly a cycle through different names).
inline constexpr std::size_t kMaxIncludeDepth = 16;
/// Largest file read for an include, an anchor or a table.
inline constexpr std::size_t kMaxIncludedFileBytes = 64u * 1024 * 1024;
/// All files read for one configuration together, main file excluded.
inline constexpr std::size_t kMaxTotalIncludedBytes = 256u * 1024 * 1024;
inline constexpr std::size_t kMaxIncludedFiles = 1024;

}  // namespace fwlint::pf
