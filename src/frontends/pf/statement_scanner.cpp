// SPDX-License-Identifier: Apache-2.0
// The character-level rules follow pfctl's lexer (parse.y lgetc/yylex):
// - outside quotes `\` + line break is dropped (continuation) and `\` + any
//   other character stands for that character;
// - inside quotes a line break is dropped, `\` + the quote is the quote and
//   `\` + line break is dropped; macros and comments are not seen there;
// - `#` starts a comment anywhere outside quotes, up to the line break;
// - `$name` is a macro only at the start of a word, and its value is read
//   again as input (unlike pfctl, `$other` inside a value is expanded too,
//   with cycles reported instead of followed).
#include "frontends/pf/statement_scanner.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

/// Characters that end a word in pfctl (besides blanks and quotes).
bool is_punctuation(char c) { return c != '\0' && std::strchr("{}()<>!=,/", c) != nullptr; }

bool is_blank(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_macro_name_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_word_char(char c) { return c != ' ' && c != '"' && !is_punctuation(c); }

/// Words after which a `{` opens a list, never an anchor block.
bool introduces_list(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "from", "to", "on", "proto", "port", "!", "user", "group", "icmp-type", "icmp6-type", "os", "="};
  return std::find(kWords.begin(), kWords.end(), token) != kWords.end();
}

/// First words of the statements that can follow a list left open.
bool is_statement_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "pass",       "block",      "match",        "anchor",       "table",
      "set",        "include",    "load",         "antispoof",    "scrub",
      "altq",       "nat",        "rdr",          "binat",        "queue",
      "nat-anchor", "rdr-anchor", "binat-anchor", "scrub-anchor", "dummynet-anchor"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::string_view first_word(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return text.substr(0, end);
}

/// The last token of `text`: a word, one punctuation character, or `"` for
/// a quoted string.
std::string_view last_token(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return {};
  char last = text.back();
  if (is_punctuation(last) || last == '"') return text.substr(text.size() - 1);
  std::size_t start = text.size();
  while (start > 0 && is_word_char(text[start - 1])) --start;
  return text.substr(start);
}

}  // namespace

// --- character source ----------------------------------------------------

void StatementScanner::drop_finished_expansions() {
  while (!expansions_.empty() && expansions_.back().next >= expansions_.back().value->size())
    expansions_.pop_back();
}

void StatementScanner::skip_continuations() {
  std::string_view text = file_.text();
  while (pos_ < text.size() && text[pos_] == '\\') {
    std::size_t after = pos_ + 1;
    if (after < text.size() && text[after] == '\r') ++after;
    if (after >= text.size() || text[after] != '\n') return;
    pos_ = after + 1;
    ++line_;
    line_begin_ = pos_;
  }
}

StatementScanner::Char StatementScanner::get_from_file(bool in_quotes) {
  std::string_view text = file_.text();
  if (!in_quotes) skip_continuations();
  Origin origin{line_, static_cast<std::uint32_t>(pos_ - line_begin_ + 1), false};
  if (pos_ >= text.size()) return Char{kEnd, origin};
  char c = text[pos_++];
  if (c == '\n') {
    ++line_;
    line_begin_ = pos_;
  } else if (c == '\\' && !in_quotes && pos_ < text.size() && text[pos_] != '\n') {
    // Outside quotes pfctl drops the backslash and keeps what follows.
    c = text[pos_++];
  }
  return Char{static_cast<unsigned char>(c), origin};
}

StatementScanner::Char StatementScanner::get(bool in_quotes) {
  drop_finished_expansions();
  if (expansions_.empty()) return get_from_file(in_quotes);
  Expansion& e = expansions_.back();
  Origin origin = e.use;
  origin.from_macro = true;
  return Char{static_cast<unsigned char>((*e.value)[e.next++]), origin};
}

int StatementScanner::peek(bool in_quotes) {
  drop_finished_expansions();
  if (!expansions_.empty())
    return static_cast<unsigned char>((*expansions_.back().value)[expansions_.back().next]);
  std::string_view text = file_.text();
  if (!in_quotes) skip_continuations();
  if (pos_ >= text.size()) return kEnd;
  if (!in_quotes && text[pos_] == '\\' && pos_ + 1 < text.size() && text[pos_ + 1] != '\n')
    return static_cast<unsigned char>(text[pos_ + 1]);
  return static_cast<unsigned char>(text[pos_]);
}

// --- statements ------------------------------------------------------------

bool StatementScanner::next(Statement& st) {
  st = Statement{};
  braces_.clear();
  expansion_count_ = 0;
  overflow_ = false;
  in_word_ = false;
  if (pending_close_) {
    pending_close_ = false;
    st.closes_block = true;
    st.start = pending_close_origin_;
    return true;
  }
  auto finish = [&st] {
    if (!st.text.empty() && st.text.back() == ' ') {
      st.text.pop_back();
      st.origins.pop_back();
    }
    return true;
  };
  for (;;) {
    Char ch = get(false);
    if (ch.c == kEnd) {
      if (!braces_.empty())
        problem(st, finding_id::kUnrecognizedLine, braces_.front(), "'{' is never closed");
      if (st.text.empty() && st.problems.empty()) return false;
      return finish();
    }
    char c = static_cast<char>(ch.c);
    if (c == '\n') {
      if (braces_.empty()) {
        if (!st.text.empty() || !st.problems.empty()) return finish();
        continue;
      }
      // Lists may span lines, but a line that starts a new statement means
      // the list was left open: end it here instead of swallowing the rest.
      if (!ch.origin.from_macro && next_line_starts_statement()) {
        problem(st, finding_id::kUnrecognizedLine, braces_.front(),
                "'{' is not closed before the next statement");
        return finish();
      }
      emit_blank(ch.origin, st);
      continue;
    }
    if (is_blank(ch.c)) {
      emit_blank(ch.origin, st);
      continue;
    }
    switch (c) {
      case '#': skip_comment(); break;
      case '"':
      case '\'':
        if (in_word_)
          emit(c, ch.origin, st);
        else if (read_quoted(c, ch.origin, st))
          return finish();
        break;
      case '$':
        if (in_word_)
          emit(c, ch.origin, st);
        else
          expand_macro(ch.origin, st);
        break;
      case '{':
        if (braces_.empty() && opens_anchor_block(st)) {
          st.opens_block = true;
          return finish();
        }
        if (braces_.size() >= limits_.nesting) {
          problem(st, finding_id::kUnrecognizedLine, ch.origin,
                  "lists nested more than " + std::to_string(limits_.nesting) +
                      " deep (--limit nesting)");
          resume_after_line(ch.origin.line);
          return finish();
        }
        braces_.push_back(ch.origin);
        emit(c, ch.origin, st);
        break;
      case '}':
        if (!braces_.empty()) {
          braces_.pop_back();
          emit(c, ch.origin, st);
        } else if (st.text.empty() && st.problems.empty()) {
          st.closes_block = true;
          st.start = ch.origin;
          return true;
        } else {
          pending_close_ = true;
          pending_close_origin_ = ch.origin;
          return finish();
        }
        break;
      default: emit(c, ch.origin, st);
    }
  }
}

void StatementScanner::skip_comment() {
  for (int c = peek(false); c != kEnd && c != '\n'; c = peek(false)) get(false);
}

bool StatementScanner::read_quoted(char quote, Origin origin, Statement& st) {
  emit('"', origin, st);
  auto append = [&](char c, Origin at) {
    if (c == '"' || c == '\\') emit('\\', at, st);
    emit(c, at, st);
  };
  for (std::size_t length = 0;; ++length) {
    if (length > kMaxQuotedString) {
      problem(st, finding_id::kUnrecognizedLine, origin,
              "quoted string longer than " + std::to_string(kMaxQuotedString / 1024) +
                  " KB (is its closing quote missing?)");
      resume_after_line(origin.line);
      return true;
    }
    Char ch = get(true);
    if (ch.c == kEnd) {
      problem(st, finding_id::kUnrecognizedLine, origin, "quoted string is never closed");
      resume_after_line(origin.line);
      return true;
    }
    if (ch.c == '\n') continue;
    if (ch.c == quote) {
      emit('"', ch.origin, st);
      in_word_ = false;
      return false;
    }
    if (ch.c == '\\') {
      int next = peek(true);
      if (next == quote) {
        append(static_cast<char>(get(true).c), ch.origin);
        continue;
      }
      if (next == '\n') {
        get(true);
        continue;
      }
    }
    append(static_cast<char>(ch.c), ch.origin);
  }
}

void StatementScanner::expand_macro(Origin origin, Statement& st) {
  // The `$` was just read: if it came from a macro value, that macro is on
  // top of the stack, and its chain is what led to this reference (read it
  // now: reading the name may finish that value and drop it).
  std::vector<std::string> chain;
  if (origin.from_macro && !expansions_.empty()) chain = expansions_.back().chain;
  std::string name;
  while (is_macro_name_char(peek(false)) && name.size() < 256) name += static_cast<char>(get(false).c);
  if (name.empty()) {
    emit('$', origin, st);
    return;
  }
  if (overflow_) return;
  if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
    std::string path;
    for (auto it = std::find(chain.begin(), chain.end(), name); it != chain.end(); ++it) path += *it + " -> ";
    problem(st, finding_id::kReferenceCycle, origin,
            "macro '" + name + "' refers to itself (" + path + name + "); it is not expanded");
    return;
  }
  if (chain.size() >= limits_.nesting) {
    problem(st, finding_id::kUnrecognizedLine, origin,
            "macros nested more than " + std::to_string(limits_.nesting) + " deep at '$" + name +
                "' (--limit nesting)");
    return;
  }
  if (++expansion_count_ > kMaxExpansionsPerStatement) {
    if (expansion_count_ == kMaxExpansionsPerStatement + 1)
      problem(st, finding_id::kUnrecognizedLine, origin, "too many macro expansions in one statement");
    return;
  }
  MacroTable::Value value = macros_.find(name);
  if (!value) {
    problem(st, finding_id::kUndefinedReference, origin, "macro '" + name + "' is not defined");
    return;
  }
  // The value is read right away, so a macro used in the middle of a word
  // ("$if:network") joins the text around it, as in pfctl.
  in_word_ = false;
  chain.push_back(std::move(name));
  if (value->empty()) return;
  expansions_.push_back(Expansion{std::move(chain), std::move(value), 0, origin});
}

void StatementScanner::emit(char c, Origin origin, Statement& st) {
  if (overflow_) return;
  if (st.text.size() >= limits_.expansion_size) {
    overflow_ = true;
    problem(st, finding_id::kUnrecognizedLine, st.start,
            "statement longer than " + std::to_string(limits_.expansion_size) +
                " bytes after macro expansion (--limit expansion-size)");
    // What a runaway macro still had to say belongs to this statement; the
    // file's own text is still scanned (not kept) to find where it ends.
    expansions_.clear();
    return;
  }
  if (st.text.empty()) st.start = origin;
  st.text += c;
  st.origins.push_back(origin);
  in_word_ = is_word_char(c) && c != '"';
}

void StatementScanner::emit_blank(Origin origin, Statement& st) {
  in_word_ = false;
  if (st.text.empty() || st.text.back() == ' ') return;
  emit(' ', origin, st);
  in_word_ = false;
}

bool StatementScanner::opens_anchor_block(const Statement& st) const {
  return first_word(st.text) == "anchor" && !introduces_list(last_token(st.text));
}

bool StatementScanner::next_line_starts_statement() const {
  std::string_view text = file_.text();
  std::size_t i = pos_;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::size_t start = i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '-')) ++i;
  if (i == start) return false;
  if (i < text.size() && !is_blank(text[i]) && text[i] != '\n') return false;
  return is_statement_keyword(text.substr(start, i - start));
}

void StatementScanner::resume_after_line(std::uint32_t line) {
  pos_ = file_.line_start(line + 1);
  line_ = line + 1;
  line_begin_ = pos_;
  expansions_.clear();
  braces_.clear();
}

void StatementScanner::problem(Statement& st, const char* id, Origin where, std::string message) {
  if (st.text.empty() && st.problems.empty()) st.start = where;
  st.problems.push_back(ScanProblem{id, where, std::move(message)});
}

}  // namespace fwlint::pf
