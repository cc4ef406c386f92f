// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <string_view>

#include "fwlint/requirements/pack.h"

namespace fwlint {
namespace {

// Enough for any real release number, small enough that a part always fits an int.
constexpr std::size_t kMaxDigitsPerPart = 9;
constexpr std::size_t kMaxParts = 8;

}  // namespace

std::optional<SdkVersion> SdkVersion::parse(std::string_view text) {
  SdkVersion v;
  if (text.empty()) return std::nullopt;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view part =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part.empty() || part.size() > kMaxDigitsPerPart) return std::nullopt;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    v.parts.push_back(value);
    if (v.parts.size() > kMaxParts) return std::nullopt;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return v;
}

std::string SdkVersion::text() const {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '.';
    out += std::to_string(parts[i]);
  }
  return out;
}

}  // namespace fwlint
