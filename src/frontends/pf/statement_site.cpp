// SPDX-License-Identifier: Apache-2.0
#include "frontends/pf/statement_site.h"

#include <algorithm>

namespace fwlint::pf {

std::string unquote(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
  std::string out;
  out.reserve(text.size() - 2);
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

std::string StatementSite::value(antlr4::tree::TerminalNode* node) const { return unquote(text(node)); }

std::string StatementSite::value(antlr4::ParserRuleContext* ctx) const { return unquote(text(ctx)); }

SourceLocation StatementSite::location() const {
  return file_.location(statement_.start.line, statement_.start.column);
}

SourceLocation StatementSite::location(std::size_t offset, std::size_t length) const {
  const std::vector<Origin>& origins = statement_.origins;
  if (origins.empty()) return location();
  if (offset >= origins.size()) {
    // The end of the statement: just after its last character.
    const Origin& last = origins.back();
    std::uint32_t column = last.from_macro ? last.column : last.column + 1;
    return file_.location(last.line, column, column);
  }
  const Origin& first = origins[offset];
  std::uint32_t end_column = 0;
  std::size_t last_index = std::min(origins.size(), offset + std::max<std::size_t>(length, 1)) - 1;
  const Origin& last = origins[last_index];
  if (!first.from_macro && !last.from_macro && last.line == first.line && last.column >= first.column)
    end_column = last.column;
  else if (first.from_macro)
    end_column = first.column;  // the `$name` that produced it
  return file_.location(first.line, first.column, end_column);
}

SourceLocation StatementSite::location(antlr4::Token* token) const {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return location(statement_.text.size(), 0);
  return location(token->getStartIndex(), token->getStopIndex() - token->getStartIndex() + 1);
}

SourceLocation StatementSite::location(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr || ctx->getStart() == nullptr) return location();
  std::string_view piece = text(ctx);
  return location(ctx->getStart()->getStartIndex(), piece.size());
}

SourceLocation StatementSite::location(const Origin& origin) const {
  return file_.location(origin.line, origin.column, origin.from_macro ? origin.column : 0);
}

void StatementSite::report(const char* id, Severity severity, SourceLocation where,
                           const std::string& message) const {
  diags_.push_back(Diagnostic{id, severity, std::move(where), message});
}

}  // namespace fwlint::pf
