// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/rule_string_reader.h"

#include <algorithm>

#include "frontends/common/line_reader.h"
#include "frontends/windows/reg_file_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::windows {
namespace {

constexpr std::size_t npos = std::string_view::npos;

/// Problems reported per rule string; past it, one note says more were left out.
constexpr std::size_t kMaxReportedProblems = 8;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// `1*3DIGIT "." 1*3DIGIT`, the MS-GPFAS VERSION after its "v".
bool is_version_number(std::string_view s) {
  auto digits = [](std::string_view d) {
    return !d.empty() && d.size() <= 3 && std::all_of(d.begin(), d.end(), is_digit);
  };
  std::size_t dot = s.find('.');
  return dot != npos && digits(s.substr(0, dot)) && digits(s.substr(dot + 1));
}

/// "v" or "V" and a digit: a token its writer meant as a version, even
/// when it is not a valid one ("v2", "V2.30", "v2.30a").
bool looks_like_version(std::string_view s) {
  return s.size() >= 2 && (s[0] == 'v' || s[0] == 'V') && is_digit(s[1]);
}

/// A token in a message: quoted, and shortened so a hostile token cannot
/// make a hostile message.
std::string quoted(std::string_view token) {
  constexpr std::size_t kMaxShown = 48;
  if (token.size() <= kMaxShown) return "'" + std::string(token) + "'";
  return "'" + std::string(token.substr(0, kMaxShown)) + "...'";
}

/// Splits one rule string; offsets are into the text as given, so columns
/// stay right after blanks are trimmed.
class RuleStringReader {
 public:
  RuleStringReader(std::string_view text, const SourceLocation& where, const TextColumns& columns,
                   Diagnostics& diags, std::size_t max_length)
      : text_(text), where_(where), columns_(columns), diags_(diags), max_length_(max_length) {}

  WfRule read() {
    rule_.location = where_;
    std::size_t begin = 0, end = text_.size();
    while (begin < end && is_blank(text_[begin])) ++begin;
    while (end > begin && is_blank(text_[end - 1])) --end;
    if (begin == end) {
      report(Severity::Error, 0, 0, "empty rule string", "empty rule string");
      return std::move(rule_);
    }
    if (end - begin > max_length_) {
      report(Severity::Error, begin, begin + 1,
             "rule string of " + std::to_string(end - begin) + " bytes is longer than the " +
                 std::to_string(max_length_) + " that are read (--limit rule-string-length)",
             "rule string too long");
      return std::move(rule_);
    }
    // Every field ends with '|', the last one included (MS-GPFAS FIELD).
    // Windows' reaction to a missing final '|' is unknown; the fields are
    // all there, so they are read and the string is only warned about.
    std::size_t fields_end = end;
    if (text_[end - 1] == '|') {
      --fields_end;
    } else {
      report(Severity::Warning, end - 1, end, "rule string does not end with '|'", "");
    }
    bool first = true;
    for (std::size_t start = begin; start <= fields_end;) {
      std::size_t bar = std::min(text_.find('|', start), fields_end);
      read_token(start, bar, first);
      first = false;
      start = bar + 1;
    }
    return std::move(rule_);
  }

 private:
  /// The location of text_[begin, end) (end > begin), or of the whole
  /// rule when the range is empty.
  SourceLocation at(std::size_t begin, std::size_t end) const {
    SourceLocation loc = where_;
    if (end > begin) {
      loc.column = columns_.start_column(begin);
      loc.end_column = columns_.end_column(end - 1);
    }
    return loc;
  }

  /// A field's location: its columns on the rule's line, without a copy of
  /// the line's text (the rule's location has it; see WfField). A rule
  /// string of a million-rule file would otherwise be copied once per token.
  SourceLocation field_at(std::size_t begin, std::size_t end) const {
    SourceLocation loc;  // built without the text: clear() would keep its buffer
    loc.line = where_.line;
    loc.column = where_.column;
    loc.end_column = where_.end_column;
    loc.file = where_.file;
    if (end > begin) {
      loc.column = columns_.start_column(begin);
      loc.end_column = columns_.end_column(end - 1);
    }
    return loc;
  }

  /// Records a problem; a non-empty `reason` also marks the rule
  /// unreadable (the first reason is kept: it is the one to fix first).
  void report(Severity severity, std::size_t begin, std::size_t end, std::string message,
              std::string_view reason) {
    if (!reason.empty() && rule_.unreadable.empty()) rule_.unreadable = std::string(reason);
    // A string of a million '|' says what is wrong with it in a few
    // messages, not a million.
    if (reported_ < kMaxReportedProblems) {
      diags_.push_back(
          Diagnostic{finding_id::kUnrecognizedLine, severity, at(begin, end), std::move(message)});
    } else if (reported_ == kMaxReportedProblems) {
      diags_.push_back(Diagnostic{finding_id::kUnrecognizedLine, Severity::Note, where_,
                                  "further problems of this rule string are not reported"});
    }
    ++reported_;
  }

  void read_token(std::size_t begin, std::size_t end, bool first) {
    while (begin < end && is_blank(text_[begin])) ++begin;
    while (end > begin && is_blank(text_[end - 1])) --end;
    std::string_view token = text_.substr(begin, end - begin);
    if (token.empty() && first) {
      report(Severity::Error, begin, end, "rule string does not start with a version such as 'v2.30'",
             "no version");
      return;
    }
    if (token.empty()) {
      // `||` adds nothing to the rule; it is a typo, not a lost condition.
      // Shown at the two '|' (the token is empty, so begin > 0).
      report(Severity::Warning, begin - 1, std::min(begin + 1, text_.size()), "empty field between two '|'",
             "");
      return;
    }
    std::size_t equals = token.find('=');
    if (first) {
      if (equals == npos && looks_like_version(token)) {
        if (is_version_number(token.substr(1)) && token[0] == 'v') {
          rule_.version = std::string(token.substr(1));
        } else {
          report(Severity::Error, begin, end,
                 quoted(token) + " is not a rule string version (expected 'v' major.minor, such as 'v2.30')",
                 "bad version " + quoted(token));
        }
        return;
      }
      if (equals == npos) {
        // `BlockCortana|Action=Block|…`: a name where the version belongs.
        report(Severity::Error, begin, end,
               "rule string does not start with a version such as 'v2.30' (" + quoted(token) + " is not one)",
               "no version");
        return;
      }
      report(Severity::Error, begin, end, "rule string does not start with a version such as 'v2.30'",
             "no version");
    }
    if (equals == npos) {
      report(Severity::Error, begin, end, "field " + quoted(token) + " has no '=' (expected Key=Value)",
             "field " + quoted(token) + " without '='");
      return;
    }
    std::size_t key_end = equals, value_begin = equals + 1;
    while (key_end > 0 && is_blank(token[key_end - 1])) --key_end;
    while (value_begin < token.size() && is_blank(token[value_begin])) ++value_begin;
    if (key_end == 0) {
      report(Severity::Error, begin, end, "field " + quoted(token) + " has no key before '='",
             "field without a key");
      return;
    }
    rule_.fields.push_back(WfField{std::string(token.substr(0, key_end)),
                                   std::string(token.substr(value_begin)), field_at(begin, end)});
  }

  std::string_view text_;
  const SourceLocation& where_;
  const TextColumns& columns_;
  Diagnostics& diags_;
  std::size_t max_length_;
  WfRule rule_;
  std::size_t reported_ = 0;
};

// --- the "rule strings" file ------------------------------------------------

SourceLocation line_location(const SourceLine& line, std::size_t begin, std::size_t end) {
  auto column = static_cast<std::uint32_t>(line.body_column() + begin);
  auto last = end > begin ? static_cast<std::uint32_t>(column + (end - begin) - 1) : column;
  return location_of(line, column, last);
}

void report_line(const SourceLine& line, std::size_t begin, std::size_t end, Severity severity,
                 std::string message, Diagnostics& diags) {
  diags.push_back(Diagnostic{finding_id::kUnrecognizedLine, severity, line_location(line, begin, end),
                             std::move(message)});
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// Reads the rule in line.body[begin, end) and adds it with `id`.
void add_rule(const SourceLine& line, std::size_t begin, std::size_t end, std::string id, WfInput& input,
              Diagnostics& diags, std::size_t max_length) {
  SourceLocation where = line_location(line, begin, end);
  WfRule rule = read_rule_string(line.body.substr(begin, end - begin), where, diags, max_length);
  rule.id = std::move(id);
  rule.location = location_of(line);  // the rule is the whole line, its id included
  input.rules.push_back(std::move(rule));
}

/// `"ID"="v2.30|…|"`, a value line copied from a .reg export.
void read_quoted_line(const SourceLine& line, WfInput& input, Diagnostics& diags,
                      std::size_t max_length) {
  std::string_view body = line.body;
  const std::string expected = "expected \"ID\"=\"v2.30|...|\"";
  QuotedRegString id = read_quoted_reg_string(body);
  if (!id.closed()) {
    report_line(line, 0, body.size(), Severity::Error, "rule id has no closing '\"'; " + expected, diags);
    return;
  }
  std::size_t pos = id.length;
  while (pos < body.size() && is_blank(body[pos])) ++pos;
  if (pos == body.size() || body[pos] != '=') {
    report_line(line, 0, body.size(), Severity::Error, "no '=' after the rule id; " + expected, diags);
    return;
  }
  ++pos;
  while (pos < body.size() && is_blank(body[pos])) ++pos;
  if (pos == body.size() || body[pos] != '"') {
    report_line(line, 0, body.size(), Severity::Error, "the rule after the id is not quoted; " + expected,
                diags);
    return;
  }
  QuotedRegString value = read_quoted_reg_string(body.substr(pos));
  if (!value.closed() || pos + value.length != body.size()) {
    report_line(line, pos, body.size(), Severity::Error,
                value.closed() ? "text after the quoted rule" : "the rule has no closing '\"'", diags);
    return;
  }
  TextColumns columns;
  columns.first = static_cast<std::uint32_t>(line.body_column() + pos + 1);
  columns.escaped = std::move(value.escaped);
  if (value.odd_escape != npos)
    report_line(line, pos + value.odd_escape, pos + value.odd_escape + 2, Severity::Warning,
                "'" + std::string(body.substr(pos + value.odd_escape, 2)) +
                    "' is not a .reg escape (write '\\\\' for a backslash); it is kept as written",
                diags);
  SourceLocation where = line_location(line, pos + 1, pos + value.length - 1);
  where.column = columns.first;
  WfRule rule = read_rule_string(value.text, where, columns, diags, max_length);
  rule.id = std::move(id.text);
  rule.location = location_of(line);
  input.rules.push_back(std::move(rule));
}

void read_line(const SourceLine& line, WfInput& input, Diagnostics& diags, std::size_t max_length) {
  std::string_view body = line.body;
  if (body.front() == '"') return read_quoted_line(line, input, diags, max_length);
  if (looks_like_version(body)) return add_rule(line, 0, body.size(), "", input, diags, max_length);

  std::size_t bar = body.find('|'), tab = body.find('\t'), equals = body.find('=');
  auto before_bar = [&](std::size_t i) { return i != npos && (bar == npos || i < bar); };
  if (before_bar(tab)) {  // ID<TAB>v2.30|…|
    std::string_view id = trimmed(body.substr(0, tab));
    std::size_t start = tab + 1;
    while (start < body.size() && is_blank(body[start])) ++start;
    if (!id.empty() && start < body.size())
      return add_rule(line, start, body.size(), std::string(id), input, diags, max_length);
  } else if (before_bar(equals)) {  // ID=v2.30|…| (but not a versionless `Action=Allow|…`)
    std::string_view id = trimmed(body.substr(0, equals));
    std::size_t start = equals + 1;
    while (start < body.size() && is_blank(body[start])) ++start;
    if (!id.empty() && looks_like_version(body.substr(start)))
      return add_rule(line, start, body.size(), std::string(id), input, diags, max_length);
  }
  // `BlockCortana|Action=Block|…` or `Action=Allow|Dir=Out|`: a rule string
  // whose version is missing. It is kept (as unreadable) rather than
  // dropped: it may be a block rule.
  if (bar != npos && equals != npos) return add_rule(line, 0, body.size(), "", input, diags, max_length);
  report_line(line, 0, body.size(), Severity::Error,
              "not a rule string (expected 'v2.30|Key=Value|...|', optionally after 'ID=' or 'ID<TAB>')",
              diags);
}

}  // namespace

std::uint32_t TextColumns::start_column(std::size_t offset) const {
  auto before = std::lower_bound(escaped.begin(), escaped.end(), offset) - escaped.begin();
  return static_cast<std::uint32_t>(first + offset + static_cast<std::size_t>(before));
}

std::uint32_t TextColumns::end_column(std::size_t offset) const {
  auto up_to = std::upper_bound(escaped.begin(), escaped.end(), offset) - escaped.begin();
  return static_cast<std::uint32_t>(first + offset + static_cast<std::size_t>(up_to));
}

WfRule read_rule_string(std::string_view text, const SourceLocation& where, Diagnostics& diags,
                        std::size_t max_length) {
  TextColumns columns;
  columns.first = where.column;
  return read_rule_string(text, where, columns, diags, max_length);
}

WfRule read_rule_string(std::string_view text, const SourceLocation& where, const TextColumns& columns,
                        Diagnostics& diags, std::size_t max_length) {
  return RuleStringReader(text, where, columns, diags, max_length).read();
}

WfInput read_rule_string_file(std::string_view utf8_text, Diagnostics& diags, std::size_t max_length) {
  WfInput input;
  input.form = "rule strings";
  if (utf8_text.substr(0, 3) == "\xEF\xBB\xBF") utf8_text.remove_prefix(3);
  LineReader reader(utf8_text);
  SourceLine line;
  while (reader.next(line)) {
    if (line.body.empty() || line.body.front() == '#' || line.body.front() == ';') continue;
    read_line(line, input, diags, max_length);
  }
  return input;
}

}  // namespace fwlint::windows
