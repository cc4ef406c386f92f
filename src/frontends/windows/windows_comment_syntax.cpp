// SPDX-License-Identifier: Apache-2.0
// Where a Windows Firewall export holds suppression directives:
//   report XML         `<!-- agora-fwlint: … -->` before the element, or on
//                      its line (then it covers that element)
//   .reg, rule strings a `;` or `#` line before the value or rule string,
//                      whose statement may continue over lines ending in `\`
// registry.pol and registry hives are binary and hold no comments.
#include "fwlint/frontends/comment_syntax.h"
#include "frontends/common/text_decoder.h"
#include "frontends/windows/windows_frontend.h"

namespace fwlint::windows {
namespace {

using comment_text::is_blank;

class WindowsCommentSyntax : public CommentSyntax {
 public:
  std::string_view decode(std::string_view content, std::string& storage) override {
    storage = decode_text(content).utf8;
    std::string_view text = storage;
    std::size_t first = 0;
    while (first < text.size() && (is_blank(text[first]) || text[first] == '\n')) ++first;
    xml_ = first < text.size() && text[first] == '<';
    return text;
  }

  // The XML reader counts lines by LF, as XML does.
  bool lone_cr_ends_line() const override { return !xml_; }
  bool continues(std::string_view line) const override {
    return !xml_ && comment_text::ends_with_backslash(line);
  }
  bool inside_comment() const override { return in_xml_comment_; }

  void pass_over(std::string_view line) override {
    if (xml_) in_xml_comment_ = xml_comment_open_after(line, in_xml_comment_);
  }

  LineComments read(std::string_view line, std::size_t at) override {
    LineComments kind;
    if (!xml_) {
      kind.statement = !kind.comment_line(line, at, ";#");
      return kind;
    }
    xml_line(kind, line, at);
    // A comment on the line of an element applies to that element.
    if (kind.statement)
      for (LineComment& c : kind.directives) c.trailing = true;
    return kind;
  }

 private:
  /// Whether an XML comment is open at the end of `line`, given whether one
  /// was open at its start.
  static bool xml_comment_open_after(std::string_view line, bool open) {
    for (std::size_t pos = 0;;) {
      std::size_t at = line.find(open ? "-->" : "<!--", pos);
      if (at == std::string_view::npos) return open;
      pos = at + (open ? 3 : 4);
      open = !open;
    }
  }

  void xml_line(LineComments& kind, std::string_view line, std::size_t pos) {
    if (in_xml_comment_) {
      std::size_t close = line.find("-->", pos);
      if (close == std::string_view::npos) return;  // still inside the comment
      in_xml_comment_ = false;
      pos = close + 3;
    }
    // Comments and elements on this line, left to right.
    while (true) {
      while (pos < line.size() && is_blank(line[pos])) ++pos;
      if (pos >= line.size()) return;
      if (line.substr(pos, 4) != "<!--") {
        kind.statement = true;
        std::size_t open = line.find("<!--", pos);
        if (open == std::string_view::npos) return;
        pos = open;
        continue;
      }
      std::size_t text = pos + 4;
      std::size_t close = line.find("-->", text);
      std::size_t text_end = close == std::string_view::npos ? line.size() : close;
      std::string_view inside = line.substr(text, text_end - text);
      while (!inside.empty() && is_blank(inside.front())) inside.remove_prefix(1);
      if (inside.starts_with(kSuppressionMarker)) {
        if (close == std::string_view::npos)
          kind.problem = "an agora-fwlint comment must end ('-->') on the line it starts on";
        else
          kind.add_if_directive(line, text, text_end, kind.statement);
      }
      if (close == std::string_view::npos) {
        in_xml_comment_ = true;
        return;
      }
      pos = close + 3;
    }
  }

  bool xml_ = false;
  bool in_xml_comment_ = false;
};

}  // namespace

std::unique_ptr<CommentSyntax> WindowsFrontend::comment_syntax(std::string_view content) const {
  if (content.starts_with("PReg") || content.starts_with("regf")) return nullptr;
  return std::make_unique<WindowsCommentSyntax>();
}

}  // namespace fwlint::windows
