// SPDX-License-Identifier: Apache-2.0
/// \file
/// Splits a configuration into physical lines without copying it (every
/// line-oriented frontend uses it).
/// The parser only ever sees one line at a time, so a 100 MB line or a
/// million-line file costs one pass over the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint {

/// Longest original text kept in a SourceLocation.
inline constexpr std::size_t kMaxLocationText = 512;

struct SourceLine {
  std::uint32_t number = 0;  ///< 1-based
  std::string_view text;     ///< the line without its line break
  std::uint32_t indent = 0;  ///< leading blanks (spaces, tabs)
  std::string_view body;     ///< text without indentation and trailing blanks

  /// 1-based column of the first character of `body`.
  std::uint32_t body_column() const { return indent + 1; }
  /// The first word of the body ("access-list", "!", …).
  std::string_view first_word() const;
  /// The n-th (0-based) blank-separated word of the body, or "".
  std::string_view word(std::size_t n) const;
  /// Longer than the line-length limit: real commands and rules stay far
  /// below it (an ASA command is a few hundred characters at most), and a
  /// longer line is reported instead of parsed, so that a hostile line
  /// costs no more than one linear scan.
  bool longer_than(std::size_t limit) const { return text.size() > limit; }
};

/// The n-th (0-based) word of `s`, words being separated by blanks (space,
/// tab, form feed, vertical tab), or "". Only the first 4096 bytes are read:
/// it is meant for the start of a line.
std::string_view nth_word(std::string_view s, std::size_t n);

/// Every blank-separated word of `s`.
std::vector<std::string_view> words_of(std::string_view s);

/// `text` as a SourceLocation keeps it: cut at kMaxLocationText, with "..."
/// after a cut.
std::string location_text(std::string_view text);

/// A location on `line` spanning columns [column, end_column] (1-based,
/// inclusive; end_column 0 = end of line). Long texts are shortened.
SourceLocation location_of(const SourceLine& line, std::uint32_t column = 0,
                           std::uint32_t end_column = 0);

/// Iterates the lines of `content`. Line breaks are LF, CRLF or a lone CR.
class LineReader {
 public:
  explicit LineReader(std::string_view content) : content_(content) {}
  /// Fills `line` with the next line; false at the end of the input.
  bool next(SourceLine& line);

 private:
  std::string_view content_;
  std::size_t pos_ = 0;
  std::uint32_t number_ = 0;
};

}  // namespace fwlint
