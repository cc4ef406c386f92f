// SPDX-License-Identifier: Apache-2.0
/// \file
/// Small string helpers shared across the tool.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint {

/// ASCII case-insensitive equality (config keywords and interface names).
inline bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

/// `items` separated by `separator`: {"a", "b"} -> "a, b".
inline std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

/// Appends `item` unless it is empty or already in `list` (lists of names
/// kept in first-seen order).
inline void append_unique(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace fwlint
