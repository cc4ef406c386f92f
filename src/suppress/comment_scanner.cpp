// SPDX-License-Identifier: Apache-2.0
// Finding suppression comments on the raw lines of an input, per dialect:
//
//   asa       `! agora-fwlint: …` or `access-list NAME remark agora-fwlint: …`
//             before the line; ` ! agora-fwlint: …` at the end of it
//   iptables  `# agora-fwlint: …` before the line;
//             `-m comment --comment "agora-fwlint: …"` on the rule itself
//   pf        `# agora-fwlint: …` before the line or at the end of it
//   windows   `<!-- agora-fwlint: … -->` before the element (XML); `; …` or
//             `# …` before the value or rule string (.reg, rule-string files)
//
// A directive on a line of its own applies to the next line that is neither
// blank nor a comment (so several directives can stack); one at the end of a
// line applies to that line. Where a statement continues over lines that end
// with `\` (pf, .reg), the directive covers all of them.
#include <algorithm>
#include <optional>

#include "fwlint/suppress/suppressions.h"
#include "frontends/common/input_check.h"
#include "frontends/common/line_reader.h"
#include "frontends/common/text_decoder.h"
#include "suppress/directive_parser.h"

namespace fwlint {
namespace {

using suppress::column_of;
using suppress::parse_directive;

enum class Syntax { Asa, Iptables, Pf, Xml, WindowsText, None };

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

/// A comment found on a line: bytes [begin, end) of the line are its text.
struct Comment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool trailing = false;  ///< after a statement on the same line
  bool escapes = false;   ///< iptables quoted string
};

/// What a line is for the purpose of placing directives.
struct LineKind {
  bool statement = false;           ///< a directive before it lands here
  std::vector<Comment> directives;  ///< comments that start with the marker
  /// A comment that starts with the marker but cannot hold a directive
  /// (an XML comment that does not end on its line).
  std::optional<std::string> problem;
};

class Scanner {
 public:
  explicit Scanner(Syntax syntax) : syntax_(syntax) {}

  void feed(std::uint32_t number, std::string_view line) {
    std::string_view body = trim_left(line);
    bool has_marker = line.find("agora-fwlint") != std::string_view::npos;
    bool continues = continued_;
    continued_ = false;
    if (body.empty() && !in_xml_comment_) return;
    // Nothing to place and nothing to find: only the state the next line
    // needs is kept.
    if (!has_marker && pending_.empty() && open_.empty()) {
      if (syntax_ == Syntax::Xml) in_xml_comment_ = xml_comment_open_after(line, in_xml_comment_);
      if (!continues) statement_start_ = number;
      continued_ = ends_with_backslash(line);
      return;
    }
    LineKind kind = classify(line, body, has_marker);
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
    for (const Comment& c : kind.directives) directive(number, line, c);
    if (kind.statement) {
      continued_ = ends_with_backslash(line);
      if (!continued_) open_.clear();
    }
  }

  SuppressionScan take() { return std::move(scan_); }

 private:
  bool ends_with_backslash(std::string_view line) const {
    if (syntax_ != Syntax::Pf && syntax_ != Syntax::WindowsText) return false;
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    return !line.empty() && line.back() == '\\';
  }

  LineKind classify(std::string_view line, std::string_view body, bool has_marker) {
    LineKind kind;
    std::size_t at = static_cast<std::size_t>(body.data() - line.data());
    auto comment_line = [&](std::size_t text_begin, std::size_t text_end) {
      if (has_marker) add_if_directive(kind, line, text_begin, text_end, false, false);
    };
    switch (syntax_) {
      case Syntax::Asa:
        if (body.front() == '!' || body.front() == ':') {
          comment_line(at + 1, line.size());
        } else if (std::size_t remark = asa_remark(body); remark != std::string_view::npos) {
          comment_line(at + remark, line.size());
        } else {
          kind.statement = true;
          if (has_marker)
            if (std::size_t bang = asa_trailing_bang(body); bang != std::string_view::npos)
              add_if_directive(kind, line, at + bang + 1, line.size(), true, false);
        }
        break;
      case Syntax::Iptables:
        if (body.front() == '#') {
          comment_line(at + 1, line.size());
        } else {
          kind.statement = true;
          if (has_marker) iptables_comments(kind, line, at);
        }
        break;
      case Syntax::Pf:
        if (body.front() == '#') {
          comment_line(at + 1, line.size());
        } else {
          kind.statement = true;
          if (has_marker)
            if (std::size_t hash = pf_trailing_hash(line, at); hash != std::string_view::npos)
              add_if_directive(kind, line, hash + 1, line.size(), true, false);
        }
        break;
      case Syntax::WindowsText:
        if (body.front() == ';' || body.front() == '#')
          comment_line(at + 1, line.size());
        else
          kind.statement = true;
        break;
      case Syntax::Xml:
        xml_line(kind, line, at, has_marker);
        // A comment on the line of an element applies to that element.
        if (kind.statement)
          for (Comment& c : kind.directives) c.trailing = true;
        break;
      case Syntax::None: break;
    }
    return kind;
  }

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

  /// Offset in `body` of the remark text of `access-list NAME [line N]
  /// remark TEXT` (also `ipv6 access-list`), or npos. An ASA line never
  /// holds a CR (it ends a line there), so nth_word's blanks are this file's.
  static std::size_t asa_remark(std::string_view body) {
    std::size_t k = 0;
    if (nth_word(body, 0) == "ipv6") ++k;
    if (nth_word(body, k) != "access-list" || nth_word(body, k + 1).empty()) return std::string_view::npos;
    k += 2;
    if (nth_word(body, k) == "line") k += 2;
    std::string_view remark = nth_word(body, k);
    if (remark != "remark") return std::string_view::npos;
    return static_cast<std::size_t>(remark.data() + remark.size() - body.data());
  }

  /// Offset in `body` of a trailing " !" comment, as the ASA frontend reads
  /// them (not in remarks or descriptions), or npos.
  static std::size_t asa_trailing_bang(std::string_view body) {
    if (body.starts_with("description") || body.find(" description ") != std::string_view::npos)
      return std::string_view::npos;
    for (std::size_t i = 1; i < body.size(); ++i)
      if (body[i] == '!' && is_blank(body[i - 1])) return i;
    return std::string_view::npos;
  }

  /// Byte offset of the `#` that starts a comment after a pf statement
  /// (outside double quotes), or npos.
  static std::size_t pf_trailing_hash(std::string_view line, std::size_t from) {
    bool quoted = false;
    for (std::size_t i = from; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      else if (line[i] == '#' && !quoted) return i;
    }
    return std::string_view::npos;
  }

  /// `--comment TEXT` arguments of an iptables rule: TEXT is a word or a
  /// double-quoted string with `\"` and `\\` escapes, as iptables-save writes.
  void iptables_comments(LineKind& kind, std::string_view line, std::size_t from) {
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
        add_if_directive(kind, line, text, std::min(i, line.size()), true, true);
        if (i < line.size()) ++i;
      } else {
        std::size_t text = i;
        while (i < line.size() && !is_blank(line[i])) ++i;
        add_if_directive(kind, line, text, i, true, false);
      }
    }
  }

  void xml_line(LineKind& kind, std::string_view line, std::size_t at, bool has_marker) {
    std::size_t pos = at;
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
      if (has_marker && trim_left(line.substr(text, text_end - text)).starts_with(kSuppressionMarker)) {
        if (close == std::string_view::npos)
          kind.problem = "an agora-fwlint comment must end ('-->') on the line it starts on";
        else
          add_if_directive(kind, line, text, text_end, kind.statement, false);
      }
      if (close == std::string_view::npos) {
        in_xml_comment_ = true;
        return;
      }
      pos = close + 3;
    }
  }

  /// Records the comment [begin, end) of `line` when its text starts with
  /// the marker.
  static void add_if_directive(LineKind& kind, std::string_view line, std::size_t begin, std::size_t end,
                               bool trailing, bool escapes) {
    while (begin < end && is_blank(line[begin])) ++begin;
    if (line.substr(begin, std::min(end, line.size()) - std::min(begin, end)).starts_with(kSuppressionMarker))
      kind.directives.push_back({begin, end, trailing, escapes});
  }

  void directive(std::uint32_t number, std::string_view line, const Comment& c) {
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

  Syntax syntax_;
  SuppressionScan scan_;
  std::vector<std::size_t> pending_;  ///< directives waiting for their line
  std::vector<std::size_t> open_;     ///< directives covering the current statement
  std::uint32_t statement_start_ = 0;
  bool continued_ = false;            ///< the previous line ended with `\`
  bool in_xml_comment_ = false;
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
  // Only text can hold comments; UTF-16 is read as its frontend reads it.
  std::string transcoded;
  std::string_view text = content;
  if (dialect == "windows") {
    if (content.starts_with("PReg") || content.starts_with("regf")) return {};  // registry.pol, hive
    if (content.find("agora-fwlint") == std::string_view::npos && content.find('\0') == std::string_view::npos)
      return {};
    DecodedText decoded = decode_text(content);
    transcoded = std::move(decoded.utf8);
    text = transcoded;
  } else {
    InputCheck check = check_input(content);
    if (check.kind == InputKind::Binary || check.kind == InputKind::Empty) return {};
    text = content.substr(check.text_start);
    if (check.kind == InputKind::Utf16) {
      transcoded = utf16_to_utf8(text, check.big_endian);
      text = transcoded;
    }
  }
  // Fast exit: most inputs have no directive at all.
  if (text.find("agora-fwlint") == std::string_view::npos) return {};

  Syntax syntax = Syntax::None;
  if (dialect == "asa") syntax = Syntax::Asa;
  else if (dialect == "iptables") syntax = Syntax::Iptables;
  else if (dialect == "pf") syntax = Syntax::Pf;
  else if (dialect == "windows") syntax = trim_left(text).starts_with("<") ? Syntax::Xml : Syntax::WindowsText;
  if (syntax == Syntax::None) return {};

  Scanner scanner(syntax);
  bool lone_cr = syntax != Syntax::Pf && syntax != Syntax::Xml;
  for_each_line(text, lone_cr, [&](std::uint32_t number, std::string_view line) { scanner.feed(number, line); });
  return scanner.take();
}

}  // namespace fwlint
