// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/source_file.h"

#include <algorithm>

#include "frontends/common/line_reader.h"

namespace fwlint::pf {

SourceFile::SourceFile(std::string name, std::string directory, std::string text, bool is_main)
    : name_(std::move(name)), directory_(std::move(directory)), storage_(std::move(text)), is_main_(is_main) {
  text_ = storage_;
  index_lines();
}

SourceFile::SourceFile(std::string name, std::string directory, std::string_view text, bool is_main)
    : name_(std::move(name)), directory_(std::move(directory)), text_(text), is_main_(is_main) {
  index_lines();
}

SourceFile::SourceFile(SourceFile&& other) noexcept
    : name_(std::move(other.name_)),
      directory_(std::move(other.directory_)),
      is_main_(other.is_main_),
      line_starts_(std::move(other.line_starts_)) {
  bool owned = other.text_.data() == other.storage_.data();
  storage_ = std::move(other.storage_);
  text_ = owned ? std::string_view(storage_) : other.text_;
}

void SourceFile::index_lines() {
  // pfctl counts lines at LF only; a CR before it is a blank.
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
}

std::size_t SourceFile::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t start = line_starts_[line - 1];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

SourceLocation SourceFile::location(std::uint32_t line, std::uint32_t column,
                                    std::uint32_t end_column) const {
  SourceLocation loc;
  loc.line = line;
  loc.column = std::max<std::uint32_t>(column, 1);
  loc.end_column = end_column;
  if (!is_main_) loc.file = name_;  // reports place it on the included file
  loc.text = location_text(line_text(line));
  return loc;
}

}  // namespace fwlint::pf
