// SPDX-License-Identifier: Apache-2.0
/// \file
/// Inline suppressions: `agora-fwlint: ignore FWL001 -- reason` written in
/// the input's own comment syntax (docs/suppressions.md). They are found on
/// the raw lines of the input, in one pass and without parsing it (each
/// frontend only says how its dialect writes comments), then matched
/// against the findings of the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/analysis/findings.h"
#include "fwlint/frontends/comment_syntax.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint {

/// One valid `agora-fwlint:` comment of an input.
struct SuppressionDirective {
  struct Id {
    std::string id;               ///< canonical finding id ("FWL001")
    std::uint32_t column = 1;     ///< where it is written (1-based, code points)
    std::uint32_t end_column = 0;
    bool used = false;            ///< it suppressed at least one finding
  };
  std::vector<Id> ids;
  std::string reason;
  SourceLocation where;      ///< the comment's line; column of `agora-fwlint:`
  bool whole_file = false;   ///< `ignore-file`
  /// The lines it applies to (`ignore`); 0 = no line follows the comment.
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
};

struct SuppressionScan {
  std::vector<SuppressionDirective> directives;
  /// FWL111 for every comment that starts with `agora-fwlint:` but is not
  /// a valid directive (no reason, unknown id…); such a comment suppresses
  /// nothing.
  Diagnostics problems;
};

/// Finds the directives of `content` written in the comment syntax of
/// `dialect` (a registered frontend's name; anything else has none). One
/// pass over the lines, counted the way the dialect's frontend counts them.
SuppressionScan scan_suppressions(std::string_view content, std::string_view dialect);

/// Marks every finding and diagnostic of `result` that a directive covers
/// (`suppression` set), then adds the scan's problems and one FWL112 for
/// every id of a directive that covered nothing.
void apply_suppressions(FileResult& result, SuppressionScan scan);

}  // namespace fwlint
