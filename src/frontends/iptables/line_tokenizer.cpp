// SPDX-License-Identifier: Apache-2.0
// One dump line → words, through the generated grammar (SLL first, LL on a
// syntax error), reusing one lexer and parser for the whole dump.
#include "frontends/iptables/line_tokenizer.h"

#include <memory>

#include "IptablesLexer.h"
#include "IptablesParser.h"
#include "antlr4-runtime.h"
#include "frontends/common/byte_input_stream.h"
#include "frontends/common/token_text.h"

namespace fwlint::iptables {

namespace g = fwlint::grammar::iptables;

namespace {

class FirstErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t /*line*/, size_t column,
                   const std::string& msg, std::exception_ptr) override {
    // ANTLR quotes the rest of the line in its message: keep it short.
    if (error) return;
    std::string shortened = msg.size() > 120 ? msg.substr(0, 117) + "..." : msg;
    error = std::make_pair(static_cast<std::uint32_t>(column + 1), std::move(shortened));
  }
  std::optional<std::pair<std::uint32_t, std::string>> error;
};

std::string unquote(const std::string& text) {
  std::string out;
  if (text.size() < 2) return out;
  out.reserve(text.size());
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size()) ++i;
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

struct LineTokenizer::Impl {
  // Bytes, not UTF-8: ANTLRInputStream throws on a line that is not valid
  // UTF-8 (the whole run ended there), and a bad byte in a comment must not
  // cost the rule.
  ByteInputStream input;
  g::IptablesLexer lexer{&input};
  antlr4::CommonTokenStream tokens{&lexer};
  g::IptablesParser parser{&tokens};
  FirstErrorListener listener;

  Impl() {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    lexer.addErrorListener(&listener);
    parser.addErrorListener(&listener);
  }
};

LineTokenizer::LineTokenizer() : impl_(new Impl) {}
LineTokenizer::~LineTokenizer() { delete impl_; }

TokenizedLine LineTokenizer::tokenize(std::string_view line) {
  Impl& s = *impl_;
  TokenizedLine out;
  s.listener.error.reset();
  s.input.load_bytes(line);
  s.lexer.setInputStream(&s.input);
  s.tokens.setTokenSource(&s.lexer);
  s.parser.setTokenStream(&s.tokens);
  s.parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  g::IptablesParser::LineContext* tree = nullptr;
  try {
    tree = s.parser.line();
  } catch (...) {
    tree = nullptr;
  }
  if (tree == nullptr || s.parser.getNumberOfSyntaxErrors() > 0) {
    s.tokens.seek(0);
    s.parser.reset();
    s.parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    try {
      tree = s.parser.line();
    } catch (...) {
      tree = nullptr;
    }
  }
  out.error = s.listener.error;
  if (tree == nullptr) return out;
  for (auto* w : tree->word()) {
    antlr4::Token* t = w->getStart();
    Word word;
    word.column = static_cast<std::uint32_t>(t->getCharPositionInLine() + 1);
    std::string text(token_text(line, t));
    if (t->getType() == g::IptablesLexer::QUOTED) {
      word.quoted = true;
      word.text = unquote(text);
    } else {
      word.text = std::move(text);
    }
    out.words.push_back(std::move(word));
  }
  return out;
}

}  // namespace fwlint::iptables
