// SPDX-License-Identifier: Apache-2.0
/// \file
/// The grammar of one suppression comment's text, the same in every
/// dialect (docs/suppressions.md):
///
///   agora-fwlint: ignore      ID[, ID…] -- REASON
///   agora-fwlint: ignore-file ID[, ID…] -- REASON
///
/// An ID is a finding id or its slug (FWL001, required-port-blocked), in
/// any case; `-` may stand for `--` (XML comments must not contain `--`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fwlint/suppress/suppressions.h"

namespace fwlint::suppress {

struct ParsedDirective {
  bool valid = false;
  /// When valid: ids, reason and whole_file (the caller places it).
  SuppressionDirective directive;
  /// When not: what is wrong, and the bytes [error_offset, error_end) of
  /// the line it is about.
  std::string error;
  std::size_t error_offset = 0;
  std::size_t error_end = 0;
};

/// Parses bytes [begin, end) of `line`, which start with
/// kSuppressionMarker. `escapes`: the text is inside an iptables quoted
/// string, where `\"` and `\\` stand for `"` and `\`. Id columns are
/// filled in (1-based code points of `line`).
ParsedDirective parse_directive(std::string_view line, std::size_t begin, std::size_t end,
                                bool escapes = false);

/// 1-based code-point column of byte `offset` of `line`.
std::uint32_t column_of(std::string_view line, std::size_t offset);

}  // namespace fwlint::suppress
