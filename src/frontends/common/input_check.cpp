// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/input_check.h"

#include <algorithm>
#include <cstdint>

#include "frontends/common/utf8.h"

namespace fwlint {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

/// Length of the valid UTF-8 sequence at `s[i]`, 0 when invalid.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return n == 1 ? 1 : 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

/// UTF-16 without BOM: ASCII text puts a NUL in every other byte.
bool looks_like_utf16(std::string_view head, bool& big_endian) {
  if (head.size() < 8) return false;
  std::size_t even_nul = 0, odd_nul = 0, pairs = std::min<std::size_t>(head.size() / 2, 4096);
  for (std::size_t i = 0; i < pairs; ++i) {
    if (head[2 * i] == '\0') ++even_nul;
    if (head[2 * i + 1] == '\0') ++odd_nul;
  }
  if (odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs) {
    big_endian = false;
    return true;
  }
  if (even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs) {
    big_endian = true;
    return true;
  }
  return false;
}

}  // namespace

InputCheck check_input(std::string_view content) {
  InputCheck r;
  if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
    r.kind = InputKind::Utf16;
    r.big_endian = content[0] == '\xFE';
    r.text_start = 2;
    r.reason = "utf-16 byte order mark";
    return r;
  }
  if (content.starts_with("\xEF\xBB\xBF")) r.text_start = 3;
  std::string_view head = content.substr(r.text_start, kSniffBytes);
  bool big_endian = false;
  if (looks_like_utf16(head, big_endian)) {
    r.kind = InputKind::Utf16;
    r.big_endian = big_endian;
    r.reason = "utf-16 without byte order mark";
    return r;
  }
  if (std::all_of(content.begin() + static_cast<std::ptrdiff_t>(r.text_start), content.end(),
                  [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    r.kind = InputKind::Empty;
    return r;
  }
  if (head.find('\0') != std::string_view::npos) {
    r.kind = InputKind::Binary;
    r.reason = "contains NUL bytes";
    return r;
  }
  // Mostly-invalid UTF-8 or control characters: a binary blob, not a config
  // with a few stray Latin-1 bytes in a description.
  std::size_t bad = 0;
  for (std::size_t i = 0; i < head.size();) {
    auto b = static_cast<unsigned char>(head[i]);
    std::size_t n = utf8_sequence(head, i);
    if (n == 0) {
      ++bad;
      ++i;
      continue;
    }
    if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x1B) ++bad;
    i += n;
  }
  if (bad * 10 > head.size()) {
    r.kind = InputKind::Binary;
    r.reason = "mostly invalid utf-8 or control bytes";
  }
  return r;
}

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
    append_utf8(out, u);
  }
  return out;
}

}  // namespace fwlint
