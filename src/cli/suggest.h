// SPDX-License-Identifier: Apache-2.0
/// \file
/// "Did you mean …?" for mistyped option values and names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fwlint::cli {

/// The candidate closest to `typed` by edit distance (case-insensitive), if
/// it is close enough to be a likely typo: at most a third of the longer
/// word's letters differ, and at most 3. Empty when none is.
std::string closest(std::string_view typed, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — for the end of an error message.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace fwlint::cli
