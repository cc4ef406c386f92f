// SPDX-License-Identifier: Apache-2.0
/// \file
/// One file of a pf configuration (the main file, an included file, an
/// anchor file) held in memory while it is read, with the line index that
/// turns scanner positions into SourceLocations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/model/source_location.h"

namespace fwlint::pf {

class SourceFile {
 public:
  /// `name` as shown to the user, `directory` the one relative paths in the
  /// file are resolved against, `text` its content (already UTF-8), kept.
  SourceFile(std::string name, std::string directory, std::string text, bool is_main);
  /// The same over text owned by the caller (the main file: no copy), which
  /// must outlive this object.
  SourceFile(std::string name, std::string directory, std::string_view text, bool is_main);
  SourceFile(SourceFile&& other) noexcept;
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;
  SourceFile& operator=(SourceFile&&) = delete;

  const std::string& name() const { return name_; }
  const std::string& directory() const { return directory_; }
  std::string_view text() const { return text_; }
  bool is_main() const { return is_main_; }

  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// Byte offset of the first character of 1-based `line` (text().size()
  /// past the last line).
  std::size_t line_start(std::uint32_t line) const;
  /// The line without its line break (and without a CR before it).
  std::string_view line_text(std::uint32_t line) const;

  /// A location on `line`; the text is the line, shortened when very long.
  /// SourceLocation has no file name yet: the file is named in messages.
  SourceLocation location(std::uint32_t line, std::uint32_t column, std::uint32_t end_column = 0) const;

 private:
  void index_lines();

  std::string name_;
  std::string directory_;
  std::string storage_;    ///< the text when this object owns it
  std::string_view text_;  ///< storage_ or the caller's text
  bool is_main_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace fwlint::pf
