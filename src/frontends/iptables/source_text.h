// SPDX-License-Identifier: Apache-2.0
/// \file
/// Small helpers on dump lines shared by the reader and the option parser.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "frontends/common/line_reader.h"
#include "fwlint/model/source_location.h"

namespace fwlint::iptables {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// A location on `line` from `column` (1-based) to `end_column` (0 = end of
/// line). The text is cut at kMaxLocationText so a megabyte comment does
/// not travel into every report.
inline SourceLocation location(const SourceLine& line, std::uint32_t column = 1,
                               std::uint32_t end_column = 0) {
  std::string_view text = line.text.substr(0, std::min(line.text.size(), kMaxLocationText));
  return SourceLocation{line.number, column, end_column, std::string(text)};
}

}  // namespace fwlint::iptables
