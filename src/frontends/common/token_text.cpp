// SPDX-License-Identifier: Apache-2.0
#include "frontends/common/token_text.h"

#include <antlr4-runtime.h>

namespace fwlint {

std::string_view token_text(std::string_view source, antlr4::Token* token) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return {};
  std::size_t start = token->getStartIndex(), stop = token->getStopIndex();
  if (start > stop || stop >= source.size()) return {};
  return source.substr(start, stop - start + 1);
}

std::string_view context_text(std::string_view source, antlr4::ParserRuleContext* ctx) {
  if (ctx == nullptr || ctx->getStart() == nullptr || ctx->getStop() == nullptr) return {};
  std::size_t start = ctx->getStart()->getStartIndex();
  if (ctx->getStop()->getType() == antlr4::Token::EOF)
    return start < source.size() ? source.substr(start) : std::string_view{};
  std::size_t stop = ctx->getStop()->getStopIndex();
  if (start > stop || stop >= source.size()) return {};
  return source.substr(start, stop - start + 1);
}

}  // namespace fwlint
