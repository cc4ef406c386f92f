// SPDX-License-Identifier: Apache-2.0
/// \file
/// First look at the raw bytes: empty, binary, UTF-16 or text. Decided on
/// a bounded prefix so the check is cheap for any input size.
#pragma once

#include <string>
#include <string_view>

namespace fwlint {

enum class InputKind {
  Text,     ///< ASCII / UTF-8 (a UTF-8 BOM is skipped by `text_start`)
  Utf16,    ///< UTF-16 with or without BOM; see `utf16_to_utf8`
  Empty,    ///< no bytes, or only blanks and line breaks
  Binary,   ///< NUL bytes or mostly invalid UTF-8
};

struct InputCheck {
  InputKind kind = InputKind::Text;
  bool big_endian = false;     ///< for Utf16
  std::size_t text_start = 0;  ///< bytes to skip (BOM)
  std::string reason;          ///< why Binary/Utf16, for the diagnostic
};

InputCheck check_input(std::string_view content);

/// Converts UTF-16 text (after its BOM) to UTF-8; unpaired surrogates
/// become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian);

}  // namespace fwlint
