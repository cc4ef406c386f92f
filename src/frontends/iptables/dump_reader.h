// SPDX-License-Identifier: Apache-2.0
/// \file
/// Line-level reader of an iptables-save dump: `*table`, `:CHAIN POLICY`,
/// `-A`/`-I` rules (options read by rule_options), `COMMIT`, comments.
/// Builds the chains in the order iptables-restore would.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "frontends/common/line_reader.h"
#include "frontends/iptables/dump_model.h"
#include "frontends/iptables/line_tokenizer.h"
#include "fwlint/model/diagnostic.h"

namespace fwlint::iptables {

/// iptables-restore has a handful of tables; a dump naming more is not one,
/// and each table costs memory, so reading stops there.
inline constexpr std::size_t kMaxTables = 64;

class DumpReader {
 public:
  DumpReader(Diagnostics& diags, std::size_t max_line_length)
      : diags_(diags), max_line_length_(max_line_length) {}

  /// Reads one line. False when the rest of the input must be ignored.
  bool feed(const SourceLine& line);
  /// Call after the last line (`last` locates end-of-input problems).
  void finish(const SourceLine& last);

  const Dump& dump() const { return dump_; }
  /// Hands over what was read; the reader is done.
  Dump take() { return std::move(dump_); }

 private:
  /// `-I CHAIN N`: the rule number N as written.
  struct RuleNumber {
    std::optional<unsigned> value;  ///< nullopt: too large to be one
    std::uint32_t column = 1;
    std::string text;
  };

  void start_table(const SourceLine& line, std::string name);
  void declare_chain(const SourceLine& line, const std::vector<Word>& words);
  void commit(const SourceLine& line);
  /// A rule line; `broken` says why it could not be read completely (its
  /// words are then only a prefix of the line).
  void add_rule(const SourceLine& line, std::vector<Word> words, std::optional<std::string> broken);
  void add_unparsed_rule(const SourceLine& line);
  Chain& chain_for_rule(const SourceLine& line, const Word& name);
  void place(const SourceLine& line, Chain& chain, PendingRule rule, bool insert,
             const std::optional<RuleNumber>& number);

  Table* current();
  void report(const char* id, Severity severity, SourceLocation where, std::string message);

  Diagnostics& diags_;
  std::size_t max_line_length_;
  LineTokenizer tokenizer_;
  Dump dump_;
  /// Index in dump_.tables of the table being read (until its COMMIT).
  std::optional<std::size_t> current_;
};

}  // namespace fwlint::iptables
