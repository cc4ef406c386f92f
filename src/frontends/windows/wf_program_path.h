// SPDX-License-Identifier: Apache-2.0
/// \file
/// Comparing program paths the way a rule's `App` token names them: case
/// does not matter, '/' and '\' are the same, and the system-wide
/// environment variables Windows expands (%ProgramFiles%, %SystemRoot%…)
/// have their standard values.
#pragma once

#include <string>
#include <string_view>

namespace fwlint::windows {

/// Lower-case, backslash-separated, with the system-wide variables
/// expanded. Variables that depend on the user (%USERPROFILE%,
/// %LOCALAPPDATA%…) are left as written.
std::string normalize_program_path(std::string_view path);

/// True when `normalized` still contains a variable it could not expand.
bool has_unexpanded_variable(std::string_view normalized);

}  // namespace fwlint::windows
