// SPDX-License-Identifier: Apache-2.0
#include "frontends/asa/statement_parser.h"

#include "frontends/common/expected_tokens.h"
#include "frontends/common/token_text.h"

#include <string>

namespace fwlint::asa {

using grammar::asa::AsaLexer;
using grammar::asa::AsaParser;

namespace {

/// How a token type reads in "expected …" messages.
std::string describe_token(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of line";
    case AsaLexer::WORD: return "a name";
    case AsaLexer::INT: return "a number";
    case AsaLexer::IPV4: return "an IPv4 address";
    case AsaLexer::IPV6_ADDRESS: return "an IPv6 address";
    case AsaLexer::IPV6_PREFIX: return "an IPv6 prefix";
    default: return vocabulary.getDisplayName(type);
  }
}

}  // namespace

/// Keeps the first syntax error of a parse with a readable message.
class StatementParser::ErrorCollector : public antlr4::BaseErrorListener {
 public:
  explicit ErrorCollector(StatementParser& owner) : owner_(owner) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, std::size_t,
                   std::size_t, const std::string&, std::exception_ptr) override {
    if (owner_.error_) return;
    SyntaxError err;
    if (offending == nullptr || offending->getType() == antlr4::Token::EOF) {
      err.column = static_cast<std::uint32_t>(owner_.line_.size() + 1);
      err.end_column = err.column;
      err.message = "unexpected end of line";
    } else {
      err.column = owner_.column(offending);
      err.end_column = owner_.end_column(offending);
      err.message = "unexpected '" + std::string(owner_.text(offending)) + "'";
    }
    err.message += expected_tokens_suffix(recognizer, [recognizer](std::size_t type) {
      return describe_token(recognizer->getVocabulary(), type);
    });
    owner_.error_ = std::move(err);
  }

 private:
  StatementParser& owner_;
};

StatementParser::StatementParser()
    : lexer_(std::make_unique<AsaLexer>(&input_)),
      tokens_(std::make_unique<antlr4::CommonTokenStream>(lexer_.get())),
      parser_(std::make_unique<AsaParser>(tokens_.get())),
      collector_(std::make_unique<ErrorCollector>(*this)),
      bail_(std::make_shared<antlr4::BailErrorStrategy>()),
      recover_(std::make_shared<antlr4::DefaultErrorStrategy>()) {
  // The lexer cannot fail (WORD takes any non-blank run) but must not print.
  lexer_->removeErrorListeners();
  parser_->removeErrorListeners();
}

StatementParser::~StatementParser() = default;

void StatementParser::start(std::string_view line) {
  line_ = line;
  error_.reset();
  input_.load_bytes(line);
  lexer_->setInputStream(&input_);
  tokens_->setTokenSource(lexer_.get());
  parser_->setTokenStream(tokens_.get());
  // Free the previous line's tree: contexts live in the parser's tracker
  // until reset, which would otherwise grow with the file.
  parser_->getTreeTracker().reset();
  parser_->removeErrorListeners();
  parser_->setErrorHandler(bail_);
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
}

void StatementParser::restart_with_ll() {
  parser_->reset();
  parser_->getTreeTracker().reset();
  parser_->setErrorHandler(recover_);
  parser_->addErrorListener(collector_.get());
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
}

std::string_view StatementParser::text(antlr4::Token* token) const { return token_text(line_, token); }

std::string_view StatementParser::text(antlr4::tree::TerminalNode* node) const {
  return node ? text(node->getSymbol()) : std::string_view{};
}

std::string_view StatementParser::text(antlr4::ParserRuleContext* ctx) const {
  return context_text(line_, ctx);
}

std::uint32_t StatementParser::column(antlr4::Token* token) const {
  if (token == nullptr || token->getType() == antlr4::Token::EOF)
    return static_cast<std::uint32_t>(line_.size() + 1);
  return static_cast<std::uint32_t>(token->getStartIndex() + 1);
}

std::uint32_t StatementParser::column(antlr4::ParserRuleContext* ctx) const {
  return ctx ? column(ctx->getStart()) : 1;
}

std::uint32_t StatementParser::end_column(antlr4::Token* token) const {
  if (token == nullptr || token->getType() == antlr4::Token::EOF)
    return static_cast<std::uint32_t>(line_.size() + 1);
  return static_cast<std::uint32_t>(token->getStopIndex() + 1);
}

std::uint32_t StatementParser::end_column(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr) return 0;
  antlr4::Token* stop = ctx->getStop();
  if (stop && stop->getType() == antlr4::Token::EOF) {
    // A rule ending in EOF: its last real token is the one before.
    return static_cast<std::uint32_t>(line_.size());
  }
  return end_column(stop);
}

}  // namespace fwlint::asa
