// SPDX-License-Identifier: Apache-2.0
#include "suppress/directive_parser.h"

#include <algorithm>

#include "fwlint/report/rule_catalog.h"

namespace fwlint::suppress {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

/// Ids a comment cannot suppress: they are about the suppressions and the
/// configuration themselves, or reported before any input is read.
bool suppressible(std::string_view id) {
  return id != finding_id::kInvalidConfig && id != finding_id::kInvalidSuppression &&
         id != finding_id::kUnusedSuppression && id != finding_id::kInvalidPack;
}

/// A short quote of user text for a message.
std::string shown(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::string out(s.substr(0, kMax));
  if (s.size() > kMax) out += "...";
  return out;
}

class Parser {
 public:
  Parser(std::string_view line, std::size_t begin, std::size_t end, bool escapes)
      : line_(line), pos_(begin + kSuppressionMarker.size()), end_(end), escapes_(escapes) {}

  ParsedDirective run() {
    skip_blanks();
    std::size_t keyword_at = pos_;
    std::string_view keyword = word();
    if (keyword == "ignore") {
      out_.directive.whole_file = false;
    } else if (keyword == "ignore-file") {
      out_.directive.whole_file = true;
    } else {
      if (keyword.empty())
        return fail("agora-fwlint comment without a directive (expected 'ignore ID -- REASON')",
                    keyword_at, std::max(keyword_at + 1, pos_));
      return fail("unknown agora-fwlint directive '" + shown(keyword) +
                      "' (expected 'ignore' or 'ignore-file')",
                  keyword_at, pos_);
    }
    std::string directive(keyword);
    for (bool more = true; more;) {
      skip_blanks();
      std::size_t id_at = pos_;
      std::string_view token = id_token();
      if (token.empty() || token == "-" || token == "--") {
        if (out_.directive.ids.empty())
          return fail("'" + directive + "' needs the ids of the findings to suppress, e.g. '" + directive +
                          " FWL001 -- REASON'",
                      id_at, std::max(id_at + 1, pos_));
        return fail("expected a finding id after ','", id_at, std::max(id_at + 1, pos_));
      }
      const RuleInfo* rule = find_rule(token);
      if (!rule) return fail("unknown finding id '" + shown(token) + "' (see agora-fwlint --list-rules)", id_at, pos_);
      if (!suppressible(rule->id))
        return fail(rule->id + " cannot be suppressed by a comment (use 'ignore' or 'severity' in "
                               ".agora-fwlint.yaml)",
                    id_at, pos_);
      auto& ids = out_.directive.ids;
      if (std::none_of(ids.begin(), ids.end(), [&](const auto& i) { return i.id == rule->id; }))
        ids.push_back({rule->id, column_of(line_, id_at), column_of(line_, pos_ - 1), false});
      skip_blanks();
      more = pos_ < end_ && line_[pos_] == ',';
      if (more) ++pos_;
    }
    std::size_t separator_at = pos_;
    std::string_view separator = word();
    if (separator != "--" && separator != "-") {
      if (separator.empty())
        return fail("suppression without a reason: write '-- REASON' after the ids", separator_at,
                    separator_at + 1);
      return fail("expected ',' or '-- REASON' after the ids, found '" + shown(separator) + "'",
                  separator_at, pos_);
    }
    skip_blanks();
    std::string reason = unescaped(line_.substr(pos_, end_ - pos_));
    while (!reason.empty() && is_blank(reason.back())) reason.pop_back();
    if (reason.empty())
      return fail("suppression without a reason: write the reason after '" + std::string(separator) + "'",
                  separator_at, separator_at + separator.size());
    out_.directive.reason = std::move(reason);
    out_.valid = true;
    return std::move(out_);
  }

 private:
  void skip_blanks() {
    while (pos_ < end_ && is_blank(line_[pos_])) ++pos_;
  }
  /// Up to the next blank.
  std::string_view word() {
    std::size_t start = pos_;
    while (pos_ < end_ && !is_blank(line_[pos_])) ++pos_;
    return line_.substr(start, pos_ - start);
  }
  /// Up to the next blank or comma.
  std::string_view id_token() {
    std::size_t start = pos_;
    while (pos_ < end_ && !is_blank(line_[pos_]) && line_[pos_] != ',') ++pos_;
    return line_.substr(start, pos_ - start);
  }
  std::string unescaped(std::string_view s) const {
    if (!escapes_) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) ++i;
      out += s[i];
    }
    return out;
  }
  ParsedDirective fail(std::string message, std::size_t from, std::size_t to) {
    ParsedDirective p;
    p.error = std::move(message);
    p.error_offset = std::min(from, line_.size());
    p.error_end = std::min(std::max(to, from), line_.size());
    return p;
  }

  std::string_view line_;
  std::size_t pos_;
  std::size_t end_;
  bool escapes_;
  ParsedDirective out_;
};

}  // namespace

std::uint32_t column_of(std::string_view line, std::size_t offset) {
  offset = std::min(offset, line.size());
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

ParsedDirective parse_directive(std::string_view line, std::size_t begin, std::size_t end,
                                bool escapes) {
  return Parser(line, begin, std::min(end, line.size()), escapes).run();
}

}  // namespace fwlint::suppress
