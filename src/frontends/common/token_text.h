// SPDX-License-Identifier: Apache-2.0
/// \file
/// The source text behind ANTLR tokens and contexts, cut from the statement
/// the parser read (token indexes are byte offsets: see ByteInputStream).
#pragma once

#include <string_view>

namespace antlr4 {
class Token;
class ParserRuleContext;
}  // namespace antlr4

namespace fwlint {

/// The text of `token` in `source`; empty for EOF, null or out-of-range tokens.
std::string_view token_text(std::string_view source, antlr4::Token* token);

/// The text of a context's tokens in `source`; a context ending in EOF
/// runs to the end of the source.
std::string_view context_text(std::string_view source, antlr4::ParserRuleContext* ctx);

}  // namespace fwlint
