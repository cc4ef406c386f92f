// SPDX-License-Identifier: Apache-2.0
/// \file
/// The MS-GPFAS firewall rule string (`v2.30|Action=Allow|Dir=Out|RPort=443|`)
/// split into its version and `Key=Value` fields, and the "rule strings"
/// input form: a text file with one rule string per line.
///
/// The reader only tokenizes: it knows no key and no value. Which keys
/// exist and what they mean is the policy builder's business, so a rule
/// with `RemoteIP=…` or `Profile=Any` arrives there exactly as written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fwlint/frontends/input_limits.h"
#include "frontends/windows/wf_input.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::windows {

/// Longest rule string that is read by default (the rule-string-length
/// limit). Real ones stay far below (a rule with thousands of remote
/// addresses is a few hundred kilobytes); a longer one is reported and kept
/// as an unreadable rule, so a hostile value cannot turn into millions of
/// fields.
inline constexpr std::size_t kMaxRuleStringLength = InputLimits{}.rule_string_length;

/// Where the characters of a decoded text sit on their source line. The
/// text starts at column `first`; every offset in `escaped` is a character
/// written with a one-character escape before it (`\\`, `\"` in a .reg
/// string), which moves it and everything after it one column right.
struct TextColumns {
  std::uint32_t first = 1;
  std::vector<std::uint32_t> escaped;  ///< ascending offsets into the decoded text

  /// Column of the source text where the character at `offset` begins
  /// (its escape character when it has one).
  std::uint32_t start_column(std::size_t offset) const;
  /// Column of the last source character of the character at `offset`.
  std::uint32_t end_column(std::size_t offset) const;
};

/// Reads one rule string. `where` is the place of its first character:
/// the rule's location is `where`, and each field's location is on the
/// same line at the field's own columns, with `where.text`. Keys and
/// values are trimmed of blanks. Problems are reported as FWL101 at the
/// token concerned:
/// - errors that also set WfRule::unreadable: an empty or too long string,
///   no version (`BlockCortana|…`, `Action=Allow|…`: the fields are still
///   read), a bad version (`v2`, `V2.30`), a token without '=', an empty
///   key;
/// - warnings only: no final '|', an empty field (`||`).
/// At most a few problems are reported per string.
WfRule read_rule_string(std::string_view text, const SourceLocation& where, Diagnostics& diags,
                        std::size_t max_length = kMaxRuleStringLength);

/// The same for a decoded text whose characters are not one column each
/// (a .reg string with escapes): columns come from `columns`.
WfRule read_rule_string(std::string_view text, const SourceLocation& where, const TextColumns& columns,
                        Diagnostics& diags, std::size_t max_length = kMaxRuleStringLength);

/// Reads a text file of rule strings, one a line (the "rule strings"
/// form). Blank lines and lines starting with `#` or `;` are skipped. A
/// rule id may precede the rule: `ID=v2.30|…|`, `"ID"="v2.30|…|"` (.reg
/// escapes decoded) or `ID<TAB>v2.30|…|`. Any other line is reported
/// (FWL101) and skipped. Locations carry no file name.
WfInput read_rule_string_file(std::string_view utf8_text, Diagnostics& diags,
                              std::size_t max_length = kMaxRuleStringLength);

}  // namespace fwlint::windows
