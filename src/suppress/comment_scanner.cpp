// SPDX-License-Identifier: Apache-2.0
// Placing suppression directives: which lines each one covers. Where a
// dialect writes comments is its frontend's CommentSyntax
// (src/frontends/<dialect>/*_comment_syntax.cpp); the rules here are the
// same for all:
//
// A directive on a line of its own applies to the next line that is neither
// blank nor a comment (so several directives can stack); one at the end of a
// line applies to that line. Where a statement continues over lines that end
// with `\`, the directive covers all of them.
#include <algorithm>
#include <optional>

#include "fwlint/frontends/frontend.h"
#include "fwlint/suppress/suppressions.h"
#include "frontends/common/line_reader.h"
#include "suppress/directive_parser.h"

namespace fwlint {
namespace {

using suppress::column_of;
using suppress::parse_directive;

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && comment_text::is_blank(s.front())) s.remove_prefix(1);
  return s;
}

class Scanner {
 public:
  explicit Scanner(CommentSyntax& syntax) : syntax_(syntax) {}

  void feed(std::uint32_t number, std::string_view line) {
    std::string_view body = trim_left(line);
    bool has_marker = line.find("agora-fwlint") != std::string_view::npos;
    bool continues = continued_;
    continued_ = false;
    if (body.empty() && !syntax_.inside_comment()) return;
    // Nothing to place and nothing to find: only the state the next line
    // needs is kept.
    if (!has_marker && pending_.empty() && open_.empty()) {
      syntax_.pass_over(line);
      if (!continues) statement_start_ = number;
      continued_ = syntax_.continues(line);
      return;
    }
    LineComments kind = syntax_.read(line, static_cast<std::size_t>(body.data() - line.data()));
    if (kind.statement) {
      if (continues) {
        for (std::size_t i : open_) scan_.directives[i].last_line = number;
      } else {
        statement_start_ = number;
        open_.clear();
        for (std::size_t i : pending_) {
          scan_.directives[i].first_line = scan_.directives[i].last_line = number;
          open_.push_back(i);
        }
        pending_.clear();
      }
    }
    if (kind.problem) report(number, line, body.data() - line.data(), line.size(), *kind.problem);
    for (const LineComment& c : kind.directives) directive(number, line, c);
    if (kind.statement) {
      continued_ = syntax_.continues(line);
      if (!continued_) open_.clear();
    }
  }

  SuppressionScan take() { return std::move(scan_); }

 private:
  void directive(std::uint32_t number, std::string_view line, const LineComment& c) {
    suppress::ParsedDirective parsed = parse_directive(line, c.begin, c.end, c.escapes);
    if (!parsed.valid) {
      report(number, line, parsed.error_offset, parsed.error_end, parsed.error);
      return;
    }
    SuppressionDirective d = std::move(parsed.directive);
    d.where = location(number, line, c.begin, c.begin + kSuppressionMarker.size());
    std::size_t index = scan_.directives.size();
    if (!d.whole_file) {
      if (c.trailing) {
        // The statement this line ends (or continues).
        d.first_line = statement_start_;
        d.last_line = number;
        if (std::find(open_.begin(), open_.end(), index) == open_.end()) open_.push_back(index);
      } else {
        pending_.push_back(index);
      }
    }
    scan_.directives.push_back(std::move(d));
  }

  void report(std::uint32_t number, std::string_view line, std::size_t from, std::size_t to,
              const std::string& message) {
    Diagnostic d;
    d.id = finding_id::kInvalidSuppression;
    d.severity = Severity::Error;
    d.where = location(number, line, from, std::max(from + 1, to));
    d.message = message;
    scan_.problems.push_back(std::move(d));
  }

  static SourceLocation location(std::uint32_t number, std::string_view line, std::size_t from,
                                 std::size_t to) {
    SourceLocation loc;
    loc.line = number;
    loc.column = column_of(line, from);
    loc.end_column = column_of(line, std::max(from + 1, to) - 1);
    loc.text = location_text(line);
    return loc;
  }

  CommentSyntax& syntax_;
  SuppressionScan scan_;
  std::vector<std::size_t> pending_;  ///< directives waiting for their line
  std::vector<std::size_t> open_;     ///< directives covering the current statement
  std::uint32_t statement_start_ = 0;
  bool continued_ = false;            ///< the previous line ended with `\`
};

/// Calls `line(number, text)` for every line of `text`. `lone_cr`: a CR not
/// followed by LF ends a line too (LineReader); otherwise only LF does, as
/// pfctl and the XML reader count them.
template <typename F>
void for_each_line(std::string_view text, bool lone_cr, F&& line) {
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = lone_cr ? text.find_first_of("\r\n", pos) : text.find('\n', pos);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    else if (text[end] == '\r' && next < text.size() && text[next] == '\n') ++next;
    std::string_view l = text.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    line(++number, l);
    pos = next;
  }
}

}  // namespace

SuppressionScan scan_suppressions(std::string_view content, std::string_view dialect) {
  // Fast exit: most inputs have no directive at all (UTF-16 text has NULs).
  if (content.find("agora-fwlint") == std::string_view::npos &&
      content.find('\0') == std::string_view::npos)
    return {};
  const Frontend* frontend = FrontendRegistry::instance().find(dialect);
  if (!frontend) return {};
  std::unique_ptr<CommentSyntax> syntax = frontend->comment_syntax(content);
  if (!syntax) return {};
  std::string storage;
  std::string_view text = syntax->decode(content, storage);
  if (text.find("agora-fwlint") == std::string_view::npos) return {};

  Scanner scanner(*syntax);
  for_each_line(text, syntax->lone_cr_ends_line(),
                [&](std::uint32_t number, std::string_view line) { scanner.feed(number, line); });
  return scanner.take();
}

}  // namespace fwlint
