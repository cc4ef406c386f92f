// SPDX-License-Identifier: Apache-2.0
/// \file
/// Turns the bytes of a text file into UTF-8, deciding the encoding from the
/// bytes alone (byte order mark, then the pattern of the first character).
/// A declared encoding (`<?xml … encoding="utf-16"?>`) is never trusted:
/// Windows tools save UTF-8 files that still declare utf-16.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fwlint {

struct DecodedText {
  std::string utf8;  ///< the text in UTF-8, without byte order mark
  /// "UTF-16LE with BOM", "UTF-16LE", "UTF-16BE with BOM", "UTF-16BE",
  /// "UTF-8 with BOM" or "UTF-8".
  std::string encoding;
  /// The first invalid sequence (it and every later one became U+FFFD and
  /// decoding went on; an odd last byte of UTF-16 is dropped instead).
  bool has_error = false;
  std::size_t error_offset = 0;  ///< byte offset of the sequence in the input
  /// "truncated UTF-16: odd number of bytes", "unpaired UTF-16 surrogate"
  /// or "invalid UTF-8 sequence".
  std::string error;
  /// Where the replacement stands in `utf8`: 1-based line (a line ends at
  /// LF, CR LF or a lone CR) and 1-based byte column within that line.
  std::uint32_t error_line = 0;
  std::uint32_t error_column = 0;
};

/// Decodes `bytes`: FF FE → UTF-16LE, FE FF → UTF-16BE, EF BB BF → UTF-8
/// (the BOM is dropped); without a BOM, an ASCII character then a NUL
/// (`3C 00`, '<' in UTF-16LE) → UTF-16LE, a NUL then an ASCII character →
/// UTF-16BE, anything else → UTF-8. Linear in the size
/// of the input, whatever it contains.
DecodedText decode_text(std::string_view bytes);

}  // namespace fwlint
