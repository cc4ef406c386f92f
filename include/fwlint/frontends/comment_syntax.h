// SPDX-License-Identifier: Apache-2.0
/// \file
/// How a dialect writes comments, as far as suppression directives
/// (`agora-fwlint: ignore FWL001 -- reason`, docs/suppressions.md) need to
/// know. Each frontend supplies its syntax (Frontend::comment_syntax); the
/// scanner in src/suppress/ decides which lines a directive covers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint {

/// The marker every directive starts with, right after the comment sign.
inline constexpr std::string_view kSuppressionMarker = "agora-fwlint:";

/// A comment on one line whose text starts with the marker: bytes
/// [begin, end) of the line.
struct LineComment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool trailing = false;  ///< after a statement on the same line: covers that statement
  bool escapes = false;   ///< a quoted string with `\"` and `\\` escapes (iptables)
};

/// What one line holds, for placing directives.
struct LineComments {
  bool statement = false;              ///< a directive before it lands here
  std::vector<LineComment> directives;  ///< comments that start with the marker
  /// A comment that starts with the marker but cannot hold a directive
  /// (an XML comment that does not end on its line).
  std::optional<std::string> problem;

  /// Records the comment [begin, end) of `line` when its text, after
  /// blanks, starts with the marker.
  void add_if_directive(std::string_view line, std::size_t begin, std::size_t end, bool trailing,
                        bool escapes = false);

  /// When the line's first non-blank byte (at `body_at`) is one of `signs`,
  /// the whole line is a comment: records it if it holds a directive and
  /// returns true.
  bool comment_line(std::string_view line, std::size_t body_at, std::string_view signs);
};

/// One dialect's comment syntax, for one input: it may keep state from line
/// to line (a comment spanning lines).
class CommentSyntax {
 public:
  virtual ~CommentSyntax() = default;

  /// The input as text, lines counted the way the frontend counts them:
  /// UTF-16 transcoded, a byte order mark dropped; empty for an input that
  /// cannot hold comments. `storage` keeps transcoded text alive.
  virtual std::string_view decode(std::string_view content, std::string& storage);

  /// Whether a CR alone ends a line (otherwise only LF does).
  virtual bool lone_cr_ends_line() const { return true; }

  /// What `line` holds; `body_at` is the offset of its first non-blank
  /// byte. Called for every line that holds the marker or that a pending
  /// directive may land on.
  virtual LineComments read(std::string_view line, std::size_t body_at) = 0;

  /// Called instead of read() for a line without the marker when no
  /// directive is waiting: keep whatever state the next line needs.
  virtual void pass_over(std::string_view /*line*/) {}

  /// Whether a comment that spans lines is open after the last line read,
  /// so that blank lines still matter.
  virtual bool inside_comment() const { return false; }

  /// Whether the statement on `line` continues on the next line (pf and
  /// .reg lines ending with `\`).
  virtual bool continues(std::string_view /*line*/) const { return false; }
};

/// Helpers for syntaxes.
namespace comment_text {

bool is_blank(char c);
/// `line` without blanks at its end ends with `\`.
bool ends_with_backslash(std::string_view line);

}  // namespace comment_text

}  // namespace fwlint
