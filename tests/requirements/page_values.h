// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers for the tests that check the built-in packs against their source
/// pages (builtin_pack_test.cpp, agora_packs_test.cpp). The tests write every
/// expected value as the page writes it ("80; 443; 4700 - 5000", "2.9.0");
/// these helpers read such text into what a pack holds, and find the pack row
/// to compare it with.
///
/// Header-only: tests/CMakeLists.txt builds only *_test.cpp and
/// test_support.cpp.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fwlint/requirements/pack.h"

namespace fwlint::test {

/// Ports as canonical inclusive ranges: {{80, 80}, {4700, 5000}}.
using Ranges = std::vector<std::pair<int, int>>;

inline Ranges as_ranges(const PortSet& set) {
  Ranges out;
  for (const auto& iv : set.intervals()) out.push_back({iv.lo, iv.hi});
  return out;
}

/// "80; 443; 4700 - 5000" as written on the page (adjacent ports merge:
/// "5668; 5669" is 5668-5669).
inline PortSet page_port_set(const std::string& text) {
  PortSet set;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t semi = text.find(';', pos);
    std::string item = text.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos);
    int lo = 0, hi = 0;
    if (std::sscanf(item.c_str(), " %d - %d", &lo, &hi) == 2)
      set.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
    else if (std::sscanf(item.c_str(), " %d", &lo) == 1)
      set.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(lo));
    else
      ADD_FAILURE() << "bad page item '" << item << "'";
    if (semi == std::string::npos) break;
    pos = semi + 1;
  }
  return set;
}

/// The same, as canonical ranges.
inline Ranges page_ports(const std::string& text) { return as_ranges(page_port_set(text)); }

/// A version as the page writes it ("2.9.0"); a typo throws.
inline SdkVersion v(const char* text) {
  auto parsed = SdkVersion::parse(text);
  if (!parsed) throw std::runtime_error(std::string("bad version ") + text);
  return *parsed;
}

/// The one row of `s` with this transport, feature and version range
/// (nullptr: no bound).
inline const PortRequirement& row(const SdkRequirements& s, Transport t,
                                  const std::string& feature, const char* min = nullptr,
                                  const char* before = nullptr) {
  const PortRequirement* found = nullptr;
  for (const auto& r : s.ports) {
    auto same = [](const std::optional<SdkVersion>& ver, const char* text) {
      return text ? ver && *ver == v(text) : !ver;
    };
    if (r.transport == t && r.feature == feature && same(r.versions.min, min) &&
        same(r.versions.before, before)) {
      EXPECT_EQ(found, nullptr) << "two matching rows in " << s.id;
      found = &r;
    }
  }
  if (!found) throw std::runtime_error("no such row in " + s.id);
  return *found;
}

/// The ports of that row, as canonical ranges to compare with page_ports().
inline Ranges row_ports(const SdkRequirements& s, Transport t, const std::string& feature,
                        const char* min = nullptr, const char* before = nullptr) {
  return as_ranges(row(s, t, feature, min, before).ports);
}

}  // namespace fwlint::test
