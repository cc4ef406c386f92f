// SPDX-License-Identifier: Apache-2.0
// The parts of a comment syntax every dialect shares.
#include "fwlint/frontends/comment_syntax.h"

#include <algorithm>

#include "frontends/common/input_check.h"

namespace fwlint {

namespace comment_text {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

bool ends_with_backslash(std::string_view line) {
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  return !line.empty() && line.back() == '\\';
}

}  // namespace comment_text

void LineComments::add_if_directive(std::string_view line, std::size_t begin, std::size_t end,
                                    bool trailing, bool escapes) {
  end = std::min(end, line.size());
  while (begin < end && comment_text::is_blank(line[begin])) ++begin;
  if (begin <= end && line.substr(begin, end - begin).starts_with(kSuppressionMarker))
    directives.push_back({begin, end, trailing, escapes});
}

bool LineComments::comment_line(std::string_view line, std::size_t body_at, std::string_view signs) {
  if (body_at >= line.size() || signs.find(line[body_at]) == std::string_view::npos) return false;
  add_if_directive(line, body_at + 1, line.size(), false);
  return true;
}

std::string_view CommentSyntax::decode(std::string_view content, std::string& storage) {
  InputCheck check = check_input(content);
  if (check.kind == InputKind::Binary || check.kind == InputKind::Empty) return {};
  std::string_view text = content.substr(check.text_start);
  if (check.kind != InputKind::Utf16) return text;
  storage = utf16_to_utf8(text, check.big_endian);
  return storage;
}

}  // namespace fwlint
