// SPDX-License-Identifier: Apache-2.0
/// \file
/// Small string helpers shared by frontends.
#pragma once

#include <algorithm>
#include <string_view>

namespace fwlint {

/// ASCII case-insensitive equality (config keywords and interface names).
inline bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace fwlint
