// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/line_reader.h"

#include <algorithm>

namespace fwlint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

}  // namespace

std::string_view SourceLine::first_word() const { return word(0); }

std::string_view SourceLine::word(std::size_t n) const { return nth_word(body, n); }

std::string_view nth_word(std::string_view s, std::size_t n) {
  // Only the start of a line is ever inspected this way; bound the scan so
  // a gigantic line does not make dispatch expensive.
  s = s.substr(0, std::min<std::size_t>(s.size(), 4096));
  std::size_t i = 0;
  for (std::size_t k = 0;; ++k) {
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i == s.size()) return {};
    std::size_t start = i;
    while (i < s.size() && !is_blank(s[i])) ++i;
    if (k == n) return s.substr(start, i - start);
  }
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && is_blank(s[i])) ++i;
    if (i == s.size()) return words;
    std::size_t start = i;
    while (i < s.size() && !is_blank(s[i])) ++i;
    words.push_back(s.substr(start, i - start));
  }
}

SourceLocation location_of(const SourceLine& line, std::uint32_t column, std::uint32_t end_column) {
  SourceLocation loc;
  loc.line = line.number;
  loc.column = column ? column : line.body_column();
  loc.end_column = end_column ? end_column : static_cast<std::uint32_t>(line.indent + line.body.size());
  loc.text = location_text(line.text);
  return loc;
}

std::string location_text(std::string_view text) {
  if (text.size() <= kMaxLocationText) return std::string(text);
  std::string out(text.substr(0, kMaxLocationText));
  out += "...";
  return out;
}

bool LineReader::next(SourceLine& line) {
  if (pos_ >= content_.size()) return false;
  std::size_t end = content_.find_first_of("\r\n", pos_);
  std::size_t next = content_.size();
  if (end == std::string_view::npos) {
    end = content_.size();
  } else {
    next = end + 1;
    if (content_[end] == '\r' && next < content_.size() && content_[next] == '\n') ++next;
  }
  line.number = ++number_;
  line.text = content_.substr(pos_, end - pos_);
  pos_ = next;

  std::size_t first = 0;
  while (first < line.text.size() && is_blank(line.text[first])) ++first;
  std::size_t last = line.text.size();
  while (last > first && is_blank(line.text[last - 1])) --last;
  line.indent = static_cast<std::uint32_t>(first);
  line.body = line.text.substr(first, last - first);
  return true;
}

}  // namespace fwlint
