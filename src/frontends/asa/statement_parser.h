// SPDX-License-Identifier: Apache-2.0
/// \file
/// Runs the generated ASA parser on one line at a time, reusing a single
/// lexer, token stream and parser for the whole file: SLL prediction first
/// (fast, enough for nearly every line), full LL only when SLL fails, and
/// the first syntax error collected with its 1-based column instead of
/// being printed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "AsaLexer.h"
#include "AsaParser.h"
#include "antlr4-runtime.h"
#include "frontends/common/byte_input_stream.h"

namespace fwlint::asa {

struct SyntaxError {
  std::uint32_t column = 1;      ///< 1-based
  std::uint32_t end_column = 0;  ///< 1-based inclusive; 0 = end of line
  std::string message;           ///< "unexpected 'foo'"
};

class StatementParser {
 public:
  using Parser = grammar::asa::AsaParser;

  StatementParser();
  ~StatementParser();
  StatementParser(const StatementParser&) = delete;
  StatementParser& operator=(const StatementParser&) = delete;

  /// Parses `line` (the whole physical line, indentation included, so
  /// columns match the file) with the entry rule `rule`. Returns the tree,
  /// valid until the next call, or nullptr with `error()` set.
  template <typename Context>
  Context* parse(std::string_view line, Context* (Parser::*rule)()) {
    start(line);
    try {
      Context* tree = (parser_.get()->*rule)();
      return tree;
    } catch (const antlr4::ParseCancellationException&) {
    }
    restart_with_ll();
    try {
      Context* tree = (parser_.get()->*rule)();
      return error_ ? nullptr : tree;
    } catch (const std::exception&) {
      if (!error_) error_ = SyntaxError{1, 0, "line could not be parsed"};
      return nullptr;
    }
  }

  const std::optional<SyntaxError>& error() const { return error_; }

  /// Text of a token or of a context's tokens, taken from the line bytes.
  std::string_view text(antlr4::Token* token) const;
  std::string_view text(antlr4::tree::TerminalNode* node) const;
  std::string_view text(antlr4::ParserRuleContext* ctx) const;
  /// 1-based columns of a token / context in the line.
  std::uint32_t column(antlr4::Token* token) const;
  std::uint32_t column(antlr4::ParserRuleContext* ctx) const;
  std::uint32_t end_column(antlr4::Token* token) const;
  std::uint32_t end_column(antlr4::ParserRuleContext* ctx) const;

 private:
  class ErrorCollector;
  void start(std::string_view line);
  void restart_with_ll();

  std::string_view line_;
  ByteInputStream input_;
  std::unique_ptr<grammar::asa::AsaLexer> lexer_;
  std::unique_ptr<antlr4::CommonTokenStream> tokens_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<ErrorCollector> collector_;
  std::shared_ptr<antlr4::ANTLRErrorStrategy> bail_;
  std::shared_ptr<antlr4::ANTLRErrorStrategy> recover_;
  std::optional<SyntaxError> error_;
};

}  // namespace fwlint::asa
