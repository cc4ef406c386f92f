// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/xml_locator.h"

#include <algorithm>
#include <string>

#include "frontends/common/line_reader.h"

namespace fwlint::windows {
namespace {

/// `<q2:Name` followed by the end of the name (not `<q2:NameX`).
std::size_t find_tag(std::string_view text, std::string_view tag, std::size_t from) {
  for (std::size_t p = text.find(tag, from); p != std::string_view::npos;
       p = text.find(tag, p + 1)) {
    std::size_t after = p + tag.size();
    if (after == text.size()) return p;
    char c = text[after];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/') return p;
  }
  return std::string_view::npos;
}

}  // namespace

XmlLocator::XmlLocator(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
    starts_.push_back(i + 1);
}

SourceLocation XmlLocator::at_line(std::uint32_t line, std::uint32_t column) const {
  SourceLocation loc;
  loc.line = std::clamp<std::uint32_t>(line, 1, static_cast<std::uint32_t>(starts_.size()));
  loc.column = column;
  loc.text = location_text(line_text(loc.line));
  return loc;
}

SourceLocation XmlLocator::at(const tinyxml2::XMLElement* e) {
  auto line = static_cast<std::uint32_t>(std::max(e->GetLineNum(), 1));
  if (line > starts_.size() || line == failed_line_) return at_line(line);
  std::string_view text = line_text(line);
  std::string tag = "<" + std::string(e->Name());
  std::size_t from = cursor_line_ == line ? cursor_ : 0;
  std::size_t pos = find_tag(text, tag, from);
  if (pos == std::string_view::npos && from > 0) pos = find_tag(text, tag, 0);
  if (pos == std::string_view::npos) {
    // Never expected; remember it so a huge line is not searched again.
    failed_line_ = line;
    return at_line(line);
  }
  cursor_line_ = line;
  cursor_ = pos + 1;
  return at_line(line, static_cast<std::uint32_t>(pos + 1));
}

std::string_view XmlLocator::line_text(std::uint32_t line) const {
  std::size_t start = starts_[line - 1];
  std::size_t end = line < starts_.size() ? starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

}  // namespace fwlint::windows
