// SPDX-License-Identifier: Apache-2.0
/// \file
/// Bytes as Windows writes them, for the Windows frontend tests: UTF-16
/// text and little-endian numbers (registry.pol records).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fwlint::test {

/// UTF-8 → UTF-16 (surrogate pairs for code points above U+FFFF), little
/// or big endian, with or without a byte order mark.
inline std::string utf16(std::string_view utf8, bool big_endian = false, bool bom = true) {
  std::string out;
  auto unit = [&](std::uint32_t u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  if (bom) unit(0xFEFF);
  for (std::size_t i = 0; i < utf8.size();) {
    auto b = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp = b;
    std::size_t n = 1;
    if (b >= 0xF0) cp = b & 0x07, n = 4;
    else if (b >= 0xE0) cp = b & 0x0F, n = 3;
    else if (b >= 0xC0) cp = b & 0x1F, n = 2;
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k)
      cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

inline std::string le32(std::uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

}  // namespace fwlint::test
