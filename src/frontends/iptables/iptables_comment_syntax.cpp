// SPDX-License-Identifier: Apache-2.0
// Where an iptables-save dump holds suppression directives: a `#` line
// before the rule, or the rule's own `-m comment --comment TEXT`.
#include "fwlint/frontends/comment_syntax.h"
#include "frontends/iptables/iptables_frontend.h"

namespace fwlint::iptables {
namespace {

using comment_text::is_blank;

class IptablesCommentSyntax : public CommentSyntax {
 public:
  LineComments read(std::string_view line, std::size_t at) override {
    LineComments kind;
    if (kind.comment_line(line, at, "#")) return kind;
    kind.statement = true;
    comment_arguments(kind, line, at);
    return kind;
  }

 private:
  /// `--comment TEXT` arguments of a rule: TEXT is a word or a double-quoted
  /// string with `\"` and `\\` escapes, as iptables-save writes it.
  static void comment_arguments(LineComments& kind, std::string_view line, std::size_t from) {
    std::size_t i = from;
    while (i < line.size()) {
      while (i < line.size() && is_blank(line[i])) ++i;
      std::size_t start = i;
      if (i < line.size() && line[i] == '"') {
        for (++i; i < line.size() && line[i] != '"'; ++i)
          if (line[i] == '\\' && i + 1 < line.size()) ++i;
        if (i < line.size()) ++i;
      } else {
        while (i < line.size() && !is_blank(line[i])) ++i;
      }
      if (line.substr(start, i - start) != "--comment") continue;
      while (i < line.size() && is_blank(line[i])) ++i;
      if (i < line.size() && line[i] == '"') {
        std::size_t text = ++i;
        while (i < line.size() && line[i] != '"') i += line[i] == '\\' && i + 1 < line.size() ? 2 : 1;
        kind.add_if_directive(line, text, std::min(i, line.size()), true, true);
        if (i < line.size()) ++i;
      } else {
        std::size_t text = i;
        while (i < line.size() && !is_blank(line[i])) ++i;
        kind.add_if_directive(line, text, i, true);
      }
    }
  }
};

}  // namespace

std::unique_ptr<CommentSyntax> IptablesFrontend::comment_syntax(std::string_view) const {
  return std::make_unique<IptablesCommentSyntax>();
}

}  // namespace fwlint::iptables
