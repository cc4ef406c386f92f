// SPDX-License-Identifier: Apache-2.0
// Where a pf.conf holds suppression directives: a `#` line before the
// statement, or a `#` comment at the end of it. Lines are counted as pfctl
// counts them (only LF ends a line), and a statement continues over lines
// that end with `\`.
#include "fwlint/frontends/comment_syntax.h"
#include "frontends/pf/pf_frontend.h"

namespace fwlint::pf {
namespace {

/// Byte offset of the `#` that starts a comment after a statement (outside
/// double quotes), or npos.
std::size_t trailing_hash_at(std::string_view line, std::size_t from) {
  bool quoted = false;
  for (std::size_t i = from; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    else if (line[i] == '#' && !quoted) return i;
  }
  return std::string_view::npos;
}

class PfCommentSyntax : public CommentSyntax {
 public:
  bool lone_cr_ends_line() const override { return false; }
  bool continues(std::string_view line) const override { return comment_text::ends_with_backslash(line); }

  LineComments read(std::string_view line, std::size_t at) override {
    LineComments kind;
    if (kind.comment_line(line, at, "#")) return kind;
    kind.statement = true;
    if (std::size_t hash = trailing_hash_at(line, at); hash != std::string_view::npos)
      kind.add_if_directive(line, hash + 1, line.size(), true);
    return kind;
  }
};

}  // namespace

std::unique_ptr<CommentSyntax> PfFrontend::comment_syntax(std::string_view) const {
  return std::make_unique<PfCommentSyntax>();
}

}  // namespace fwlint::pf
