// SPDX-License-Identifier: Apache-2.0
/// \file
/// The binary registry.pol (PReg) file of a GPO: `PReg`, version 1, then
/// records `[key;value;type;size;data]` where the brackets and semicolons
/// are UTF-16LE characters, key and value NUL-terminated UTF-16LE strings,
/// type and size little-endian uint32 and data `size` raw bytes.
///
/// Locations: registry.pol has no lines, so a record's "line" is its
/// 1-based record number, its column 1, and its text a short readable form
/// `key\value = data` (the rule string of a firewall rule, the decimal
/// number of a REG_DWORD). Structural problems name the byte offset.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "frontends/windows/registry_records.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::windows {

/// Reads every record of `bytes`. Returns nullopt (after an FWL106 error)
/// when the bytes are not a PReg file; a damaged record ends the reading
/// with an FWL106 error and the records before it are returned. Never
/// reads outside `bytes` and never allocates more than they could hold.
std::optional<std::vector<RegistryRecord>> read_pol_file(std::string_view bytes, Diagnostics& diags);

}  // namespace fwlint::windows
