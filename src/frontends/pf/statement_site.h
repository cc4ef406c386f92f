// SPDX-License-Identifier: Apache-2.0
/// \file
/// The statement being extracted, seen from the extractors: the text of any
/// piece of its parse tree, where that piece came from in the file, and the
/// diagnostics to report into.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "frontends/pf/source_file.h"
#include "frontends/pf/statement_parser.h"
#include "frontends/pf/statement_scanner.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::pf {

class StatementSite {
 public:
  StatementSite(const SourceFile& file, const Statement& statement, const StatementParser& parser,
                Diagnostics& diags)
      : file_(file), statement_(statement), parser_(parser), diags_(diags) {}

  const SourceFile& file() const { return file_; }
  const Statement& statement() const { return statement_; }

  std::string_view text(antlr4::Token* token) const { return parser_.text(token); }
  std::string_view text(antlr4::tree::TerminalNode* node) const { return parser_.text(node); }
  std::string_view text(antlr4::ParserRuleContext* ctx) const { return parser_.text(ctx); }
  /// A word or quoted string as a value: quotes removed, escapes undone.
  std::string value(antlr4::tree::TerminalNode* node) const;
  std::string value(antlr4::ParserRuleContext* ctx) const;

  /// The whole statement (its first line, from its first character).
  SourceLocation location() const;
  /// Bytes [offset, offset + length) of the statement text.
  SourceLocation location(std::size_t offset, std::size_t length) const;
  SourceLocation location(antlr4::Token* token) const;
  SourceLocation location(antlr4::ParserRuleContext* ctx) const;
  SourceLocation location(const Origin& origin) const;

  void report(const char* id, Severity severity, SourceLocation where, const std::string& message) const;

 private:
  const SourceFile& file_;
  const Statement& statement_;
  const StatementParser& parser_;
  Diagnostics& diags_;
};

/// Removes the quotes of a "…" token and undoes its \" and \\ escapes;
/// other text is returned as is.
std::string unquote(std::string_view text);

}  // namespace fwlint::pf
