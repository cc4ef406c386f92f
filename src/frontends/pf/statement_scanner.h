// SPDX-License-Identifier: Apache-2.0
/// \file
/// The lexical layer of pf.conf, done the way pfctl's lexer does it: `\`
/// line continuations, `#` comments outside quotes, '…' and "…" strings
/// (which may span lines; their line breaks are dropped), `$macro`
/// expansion at the start of a word (the value is read again as input, so
/// a macro may hold a list, a port range or half a rule), and the cut into
/// statements: a statement ends at a line break, except inside `{ … }`
/// lists; the `{` of an `anchor "x" … {` block ends its statement, and a `}`
/// outside any list closes the block.
///
/// The output is one statement at a time, as text for the generated parser
/// (quoted strings normalized to "…" with \" and \\ escapes, blanks folded
/// to one space) and the origin of each byte in the file. Every bound is
/// enforced here: string and statement length, macro nesting and count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/frontends/input_limits.h"
#include "frontends/pf/macro_table.h"
#include "frontends/pf/source_file.h"

namespace fwlint::pf {

/// Where a character of a statement comes from: its line and column in the
/// file, or for text a macro produced, the `$name` that produced it.
struct Origin {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool from_macro = false;
};

/// A problem found while scanning; the statement it belongs to cannot be
/// read as written.
struct ScanProblem {
  const char* id = nullptr;  ///< finding id (FWL101, FWL102, FWL104)
  Origin where;
  std::string message;
};

struct Statement {
  std::string text;             ///< expanded and normalized statement text
  std::vector<Origin> origins;  ///< one per byte of `text`
  Origin start;                 ///< first character of the statement
  bool opens_block = false;     ///< ended by the `{` of an anchor block
  bool closes_block = false;    ///< a `}` closing an anchor block (no text)
  std::vector<ScanProblem> problems;

  bool readable() const { return problems.empty(); }
};

/// Longest quoted string (pfctl's own limit is 8 KB).
inline constexpr std::size_t kMaxQuotedString = 64 * 1024;
/// Macro expansions in one statement: empty macros add no bytes, so the
/// expansion-size limit alone would not bound them.
inline constexpr std::size_t kMaxExpansionsPerStatement = 100000;

class StatementScanner {
 public:
  /// Lists inside lists (the parser recurses once per level) and macros
  /// inside macros are bounded by the nesting limit, a statement after
  /// macro expansion by expansion-size.
  StatementScanner(const SourceFile& file, const MacroTable& macros, const InputLimits& limits)
      : file_(file), macros_(macros), limits_(limits) {}

  /// Fills `out` with the next statement; false at the end of the file.
  bool next(Statement& out);

 private:
  static constexpr int kEnd = -1;

  struct Expansion {
    /// The macros whose values led here, outermost first, this one last.
    std::vector<std::string> chain;
    MacroTable::Value value;
    std::size_t next = 0;
    Origin use;  ///< the `$name` (for nested macros, the outermost one)
  };

  struct Char {
    int c = kEnd;
    Origin origin;
  };

  // Character source: the file (continuations joined) under a stack of
  // macro values being read.
  Char get(bool in_quotes);
  int peek(bool in_quotes);
  void drop_finished_expansions();
  void skip_continuations();
  Char get_from_file(bool in_quotes);

  // Pieces of a statement.
  void skip_comment();
  /// Reads a quoted string; true when it ran away and the statement ended.
  bool read_quoted(char quote, Origin origin, Statement& st);
  void expand_macro(Origin origin, Statement& st);
  void emit(char c, Origin origin, Statement& st);
  void emit_blank(Origin origin, Statement& st);
  bool opens_anchor_block(const Statement& st) const;
  bool next_line_starts_statement() const;
  /// After a runaway string: go on at the line after `line`, outside any
  /// macro, so the rest of the file is still read.
  void resume_after_line(std::uint32_t line);
  void problem(Statement& st, const char* id, Origin where, std::string message);

  const SourceFile& file_;
  const MacroTable& macros_;
  const InputLimits& limits_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_begin_ = 0;
  std::vector<Expansion> expansions_;
  std::size_t expansion_count_ = 0;
  bool overflow_ = false;
  // A `}` met at the end of a statement: returned as its own statement next.
  bool pending_close_ = false;
  Origin pending_close_origin_;
  // Open list braces of the current statement.
  std::vector<Origin> braces_;
  // The last character emitted belongs to a word (a `$` or a quote there
  // is an ordinary character, as in pfctl).
  bool in_word_ = false;
};

}  // namespace fwlint::pf
