// SPDX-License-Identifier: Apache-2.0
/// \file
/// `.reg` exports (regedit, `reg export`) and hand-written .reg files:
///
///     Windows Registry Editor Version 5.00        (or REGEDIT4)
///     [HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules]
///     "{GUID}"="v2.30|Action=Allow|Dir=Out|App=C:\\x.exe|"
///     "Enabled"=dword:00000001
///     "Path"=hex(2):25,00,53,00,00,00
///
/// (hex data may continue over lines that end with a backslash)
/// into RegistryRecords. Locations: the value's line, the column of its
/// name (or `@`), the line as text; string data keeps the columns of its
/// characters despite escapes. The input is UTF-8: the caller transcodes
/// the UTF-16 that regedit writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/windows/registry_records.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::windows {

/// Reads a .reg file. Returns nullopt (after an FWL106 error) when the
/// first non-blank line is not a .reg header; malformed lines are reported
/// (FWL101) and skipped. Deletions (`"name"=-`, `[-KEY]`) become records
/// with `deletes` set, which settings_from_registry reports.
std::optional<std::vector<RegistryRecord>> read_reg_file(std::string_view utf8_text, Diagnostics& diags);

/// A double-quoted .reg string at the start of `source` (which begins
/// with '"'), with its escapes `\\` and `\"` decoded.
struct QuotedRegString {
  std::string text;
  /// Offsets in `text` of the characters written with an escape.
  std::vector<std::uint32_t> escaped;
  /// Bytes of `source` taken, both quotes included; 0 when there is no
  /// closing quote.
  std::size_t length = 0;
  /// Offset in `source` of the first backslash that starts no escape
  /// (`C:\Windows`); it is kept as written. npos when there is none.
  std::size_t odd_escape = std::string_view::npos;

  bool closed() const { return length != 0; }
};

QuotedRegString read_quoted_reg_string(std::string_view source);

}  // namespace fwlint::windows
