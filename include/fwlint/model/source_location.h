// SPDX-License-Identifier: Apache-2.0
/// \file
/// Where a policy element came from, kept on every rule so each verdict can
/// name its deciding line.
#pragma once

#include <cstdint>
#include <string>

namespace fwlint {

struct SourceLocation {
  std::uint32_t line = 0;    // 1-based; 0 = synthesized (no line)
  std::uint32_t column = 1;  // 1-based
  std::uint32_t end_column = 0;  // 1-based, inclusive; 0 = end of line
  std::string text;          // the original line, trimmed of its line break
  /// The file the line is in when it is not the analyzed input itself (a
  /// pf `include`, an anchor file); empty = the input.
  std::string file{};

  bool known() const { return line != 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace fwlint
