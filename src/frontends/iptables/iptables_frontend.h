// SPDX-License-Identifier: Apache-2.0
/// \file
/// The iptables-save / ip6tables-save frontend ("iptables").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/frontends/frontend.h"

namespace fwlint::iptables {

class IptablesFrontend : public Frontend {
 public:
  std::string name() const override { return "iptables"; }
  std::string description() const override { return "iptables-save / ip6tables-save dump"; }
  int detect(std::string_view head) const override;
  ParseResult parse(const std::string& file_name, std::string_view content,
                    const PathOptions& options) const override;
};

/// Confidence 0–100 that `head` is an iptables-save dump.
int detect_iptables(std::string_view head);

/// One word of a dump line, as the ANTLR lexer split it.
struct Word {
  std::string text;     ///< unquoted and unescaped for QUOTED tokens
  std::uint32_t column = 1;  ///< 1-based
  bool quoted = false;
};

struct TokenizedLine {
  std::vector<Word> words;
  /// Set when the lexer or parser met something it could not read (an
  /// unterminated quote…): the 1-based column and a message.
  std::optional<std::pair<std::uint32_t, std::string>> error;
};

/// Splits one line into words with the generated IptablesLexer/IptablesParser
/// (one lexer/parser reused for every line of a dump).
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

/// Port names the dump may use (/etc/services subset); nullopt when unknown.
std::optional<std::uint16_t> service_port(std::string_view name);

}  // namespace fwlint::iptables
