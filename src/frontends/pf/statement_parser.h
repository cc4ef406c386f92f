// SPDX-License-Identifier: Apache-2.0
/// \file
/// Runs the generated pf parser on one statement at a time, reusing a single
/// lexer, token stream and parser for the whole configuration: SLL
/// prediction first (fast, enough for nearly every statement), full LL only
/// when SLL fails, and the first syntax error kept with its byte offset in
/// the statement instead of being printed.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "PfLexer.h"
#include "PfParser.h"
#include "antlr4-runtime.h"
#include "frontends/common/byte_input_stream.h"

namespace fwlint::pf {

using grammar::pf::PfLexer;
using grammar::pf::PfParser;

struct SyntaxError {
  std::size_t offset = 0;  ///< byte offset in the statement text
  std::size_t length = 0;  ///< bytes of the offending token (0 at the end)
  std::string message;     ///< "unexpected 'foo'"
};

class StatementParser {
 public:
  StatementParser();
  ~StatementParser();
  StatementParser(const StatementParser&) = delete;
  StatementParser& operator=(const StatementParser&) = delete;

  /// Parses `text` with the entry rule `statement`. Returns the tree, valid
  /// until the next call, or nullptr with `error()` set.
  PfParser::StatementContext* parse(std::string_view text);
  const std::optional<SyntaxError>& error() const { return error_; }

  /// Text of a token or of a context's tokens, taken from the statement.
  std::string_view text(antlr4::Token* token) const;
  std::string_view text(antlr4::tree::TerminalNode* node) const;
  std::string_view text(antlr4::ParserRuleContext* ctx) const;

 private:
  class ErrorCollector;

  std::string_view text_;
  std::unique_ptr<ByteInputStream> input_;
  std::unique_ptr<PfLexer> lexer_;
  std::unique_ptr<antlr4::CommonTokenStream> tokens_;
  std::unique_ptr<PfParser> parser_;
  std::unique_ptr<ErrorCollector> collector_;
  std::shared_ptr<antlr4::ANTLRErrorStrategy> bail_;
  std::shared_ptr<antlr4::ANTLRErrorStrategy> recover_;
  std::optional<SyntaxError> error_;
};

}  // namespace fwlint::pf
