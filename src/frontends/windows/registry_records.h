// SPDX-License-Identifier: Apache-2.0
/// \file
/// Registry values as the registry forms (registry.pol, .reg exports) hold
/// them, and their meaning for the firewall: the rules and profile settings
/// of the Group Policy store (HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall)
/// or of the local store
/// (HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy).
/// Both readers produce RegistryRecords, so the mapping to WfInput is
/// written once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontends/windows/rule_string_reader.h"
#include "frontends/windows/wf_input.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::windows {

/// Registry value types (winnt.h REG_*) the readers tell apart.
inline constexpr std::uint32_t kRegNone = 0;
inline constexpr std::uint32_t kRegSz = 1;
inline constexpr std::uint32_t kRegExpandSz = 2;
inline constexpr std::uint32_t kRegBinary = 3;
inline constexpr std::uint32_t kRegDword = 4;
inline constexpr std::uint32_t kRegDwordBigEndian = 5;
inline constexpr std::uint32_t kRegMultiSz = 7;
inline constexpr std::uint32_t kRegQword = 11;

/// "REG_SZ", "REG_DWORD", … or "registry type 42".
std::string registry_type_name(std::uint32_t type);

/// One registry value (or deletion) of the input.
struct RegistryRecord {
  /// As written: "SOFTWARE\Policies\…" in registry.pol,
  /// "HKEY_LOCAL_MACHINE\SOFTWARE\Policies\…" in a .reg export.
  std::string key;
  std::string value_name;  ///< "" = the key's default value (.reg `@`)
  std::uint32_t type = kRegNone;
  /// REG_SZ / REG_EXPAND_SZ: the string, trailing NULs removed; else "".
  std::string data_utf8;
  /// REG_DWORD of exactly four bytes; nullopt otherwise.
  std::optional<std::uint32_t> dword;
  /// registry.pol: line = record number; .reg: the value's line.
  SourceLocation location;
  /// Where the characters of data_utf8 are in location.text, so that the
  /// fields of a rule string get their own columns.
  TextColumns data_columns;
  /// A .reg deletion: `"name"=-` (value_name set) or `[-KEY]` (value_name
  /// ""). registry.pol writes deletions as `**del.` value names instead.
  bool deletes = false;
};

/// Decodes little-endian UTF-16 (surrogate pairs joined) to UTF-8. An
/// unpaired surrogate becomes U+FFFD and is counted in `unpaired`; an odd
/// final byte is ignored.
std::string utf16le_to_utf8(std::string_view bytes, std::size_t& unpaired);

/// Removes the NUL characters a registry string ends with.
void remove_trailing_nuls(std::string& text);

/// The firewall rules and profile settings among `records` (records of
/// other keys are ignored), as input of the given `form` ("registry.pol",
/// ".reg export"). Rule strings are read with read_rule_string; the value
/// name is the rule id. Problems are reported at the records' locations.
WfInput settings_from_registry(const std::vector<RegistryRecord>& records, std::string form,
                               Diagnostics& diags,
                               std::size_t max_rule_string_length = kMaxRuleStringLength);

}  // namespace fwlint::windows
