// SPDX-License-Identifier: Apache-2.0
/// \file
/// Source locations for XML elements: tinyxml2 knows the line of an
/// element; this adds the column of its start tag and the line's text.
#pragma once

#include <tinyxml2.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint::windows {

/// Lines end at LF, as tinyxml2 counts them. Elements are located in
/// document order, so each search continues where the previous one stopped
/// and a document on one huge line is scanned once.
class XmlLocator {
 public:
  /// `text` is the document tinyxml2 parsed; it must outlive the locator.
  explicit XmlLocator(std::string_view text);

  /// A location on `line` (clamped to the document) at `column`.
  SourceLocation at_line(std::uint32_t line, std::uint32_t column = 1) const;
  /// The location of the start tag of `e`.
  SourceLocation at(const tinyxml2::XMLElement* e);

 private:
  std::string_view line_text(std::uint32_t line) const;

  std::string_view text_;
  std::vector<std::size_t> starts_;  ///< offset of each line's first byte
  std::uint32_t cursor_line_ = 0;
  std::size_t cursor_ = 0;
  std::uint32_t failed_line_ = 0;
};

}  // namespace fwlint::windows
