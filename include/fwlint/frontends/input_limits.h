// SPDX-License-Identifier: Apache-2.0
/// \file
/// The bounds that keep any input, however hostile, to a bounded cost in
/// time and memory. Each is reported with a diagnostic where it cuts
/// something off, and each can be changed: `--limit NAME=N` on the command
/// line, `limits:` in .agora-fwlint.yaml (docs/limits.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint {

struct InputLimits {
  std::size_t file_size = std::size_t{1} << 30;            ///< bytes of one input
  std::size_t line_length = 64 * 1024;                      ///< bytes of an ASA or iptables line
  std::size_t rule_string_length = std::size_t{1} << 20;    ///< bytes of a Windows rule string
  std::size_t nesting = 64;                                 ///< pf brace lists, macros in macros
  std::size_t include_depth = 16;                           ///< pf include and anchor files in files
  std::size_t include_files = 1024;                         ///< pf files read for one input
  std::size_t include_size = std::size_t{256} << 20;        ///< bytes of those files together
  std::size_t expansion_size = std::size_t{1} << 20;        ///< bytes of a pf statement after macros
  std::size_t repeated_diagnostics = 20;                    ///< diagnostics of one id shown per file
};

/// One settable limit, for --limit, the configuration file and the docs.
struct LimitInfo {
  std::string_view name;  ///< "line-length"
  std::size_t InputLimits::*field;
  std::string_view unit;  ///< "bytes", "levels", "files", "diagnostics"
  std::string_view what;  ///< one line: what it bounds
};

/// Every limit, in the order docs/limits.md lists them.
const std::vector<LimitInfo>& limit_catalog();

/// Sets limit `name` from `value` (a positive integer, optionally with a
/// K, M or G suffix for bytes); false with a message in `error` otherwise.
bool set_limit(InputLimits& limits, std::string_view name, std::string_view value,
               std::string& error);

}  // namespace fwlint
