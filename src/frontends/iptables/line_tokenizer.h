// SPDX-License-Identifier: Apache-2.0
/// \file
/// Splits one dump line into words with the generated IptablesLexer /
/// IptablesParser, so quoting and escapes follow one grammar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fwlint::iptables {

/// One word of a dump line, as the ANTLR lexer split it.
struct Word {
  std::string text;          ///< unquoted and unescaped for QUOTED tokens
  std::uint32_t column = 1;  ///< 1-based
  bool quoted = false;
};

struct TokenizedLine {
  std::vector<Word> words;
  /// Set when the lexer or parser met something it could not read (an
  /// unterminated quote…): the 1-based column and a message.
  std::optional<std::pair<std::uint32_t, std::string>> error;
};

/// One lexer/parser reused for every line of a dump.
class LineTokenizer {
 public:
  LineTokenizer();
  ~LineTokenizer();
  LineTokenizer(const LineTokenizer&) = delete;
  LineTokenizer& operator=(const LineTokenizer&) = delete;
  TokenizedLine tokenize(std::string_view line);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace fwlint::iptables
