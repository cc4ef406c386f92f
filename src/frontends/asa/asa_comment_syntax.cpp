// SPDX-License-Identifier: Apache-2.0
// Where an ASA running-config holds suppression directives: a `!` (or `:`)
// line, or the remark of `access-list NAME [line N] remark TEXT`, before the
// line; ` ! TEXT` at the end of the line itself.
#include "fwlint/frontends/comment_syntax.h"
#include "frontends/asa/asa_frontend.h"
#include "frontends/common/line_reader.h"

namespace fwlint::asa {
namespace {

using comment_text::is_blank;

/// Offset in `body` of the remark text of `access-list NAME [line N]
/// remark TEXT` (also `ipv6 access-list`), or npos. An ASA line never holds
/// a CR (it ends a line there), so nth_word's blanks are this file's.
std::size_t remark_at(std::string_view body) {
  std::size_t k = 0;
  if (nth_word(body, 0) == "ipv6") ++k;
  if (nth_word(body, k) != "access-list" || nth_word(body, k + 1).empty()) return std::string_view::npos;
  k += 2;
  if (nth_word(body, k) == "line") k += 2;
  std::string_view remark = nth_word(body, k);
  if (remark != "remark") return std::string_view::npos;
  return static_cast<std::size_t>(remark.data() + remark.size() - body.data());
}

/// Offset in `body` of a trailing " !" comment, as the extractor reads them
/// (not in remarks or descriptions), or npos.
std::size_t trailing_bang_at(std::string_view body) {
  if (body.starts_with("description") || body.find(" description ") != std::string_view::npos)
    return std::string_view::npos;
  for (std::size_t i = 1; i < body.size(); ++i)
    if (body[i] == '!' && is_blank(body[i - 1])) return i;
  return std::string_view::npos;
}

class AsaCommentSyntax : public CommentSyntax {
 public:
  LineComments read(std::string_view line, std::size_t at) override {
    LineComments kind;
    if (kind.comment_line(line, at, "!:")) return kind;
    std::string_view body = line.substr(at);
    if (std::size_t remark = remark_at(body); remark != std::string_view::npos) {
      kind.add_if_directive(line, at + remark, line.size(), false);
      return kind;
    }
    kind.statement = true;
    if (std::size_t bang = trailing_bang_at(body); bang != std::string_view::npos)
      kind.add_if_directive(line, at + bang + 1, line.size(), true);
    return kind;
  }
};

}  // namespace

std::unique_ptr<CommentSyntax> AsaFrontend::comment_syntax(std::string_view) const {
  return std::make_unique<AsaCommentSyntax>();
}

}  // namespace fwlint::asa
