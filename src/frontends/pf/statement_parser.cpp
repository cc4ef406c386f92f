// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/statement_parser.h"

#include "frontends/common/expected_tokens.h"
#include "frontends/common/token_text.h"

#include <vector>

namespace fwlint::pf {

namespace {

/// How a token type reads in "expected …" messages.
std::string describe_token(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of statement";
    case PfLexer::WORD: return "a word";
    case PfLexer::NUMBER: return "a number";
    case PfLexer::QUOTED: return "a quoted string";
    default: return vocabulary.getDisplayName(type);
  }
}

}  // namespace

/// Keeps the first syntax error of a parse with a readable message.
class StatementParser::ErrorCollector : public antlr4::BaseErrorListener {
 public:
  explicit ErrorCollector(StatementParser& owner) : owner_(owner) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, std::size_t, std::size_t,
                   const std::string&, std::exception_ptr) override {
    if (owner_.error_) return;
    SyntaxError err;
    if (offending == nullptr || offending->getType() == antlr4::Token::EOF) {
      err.offset = owner_.text_.size();
      err.message = "unexpected end of statement";
    } else {
      err.offset = offending->getStartIndex();
      err.length = owner_.text(offending).size();
      std::string shown(owner_.text(offending).substr(0, 40));
      err.message = "unexpected '" + shown + "'";
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
    : input_(std::make_unique<ByteInputStream>()),
      lexer_(std::make_unique<PfLexer>(input_.get())),
      tokens_(std::make_unique<antlr4::CommonTokenStream>(lexer_.get())),
      parser_(std::make_unique<PfParser>(tokens_.get())),
      collector_(std::make_unique<ErrorCollector>(*this)),
      bail_(std::make_shared<antlr4::BailErrorStrategy>()),
      recover_(std::make_shared<antlr4::DefaultErrorStrategy>()) {
  // The lexer cannot fail (WORD takes any other run) but must not print.
  lexer_->removeErrorListeners();
  parser_->removeErrorListeners();
}

StatementParser::~StatementParser() = default;

PfParser::StatementContext* StatementParser::parse(std::string_view text) {
  text_ = text;
  error_.reset();
  input_->load_bytes(text);
  lexer_->setInputStream(input_.get());
  tokens_->setTokenSource(lexer_.get());
  parser_->setTokenStream(tokens_.get());
  // Free the previous statement's tree: contexts live in the parser's
  // tracker until reset, which would otherwise grow with the file.
  parser_->getTreeTracker().reset();
  parser_->removeErrorListeners();
  parser_->setErrorHandler(bail_);
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  try {
    return parser_->statement();
  } catch (const antlr4::ParseCancellationException&) {
  }
  parser_->reset();
  parser_->getTreeTracker().reset();
  parser_->setErrorHandler(recover_);
  parser_->addErrorListener(collector_.get());
  parser_->getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  try {
    PfParser::StatementContext* tree = parser_->statement();
    return error_ ? nullptr : tree;
  } catch (const std::exception&) {
    if (!error_) error_ = SyntaxError{0, 0, "statement could not be parsed"};
    return nullptr;
  }
}

std::string_view StatementParser::text(antlr4::Token* token) const { return token_text(text_, token); }

std::string_view StatementParser::text(antlr4::tree::TerminalNode* node) const {
  return node ? text(node->getSymbol()) : std::string_view{};
}

std::string_view StatementParser::text(antlr4::ParserRuleContext* ctx) const {
  return context_text(text_, ctx);
}

}  // namespace fwlint::pf
