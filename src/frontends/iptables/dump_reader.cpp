// SPDX-License-Identifier: Apache-2.0
// The dump's line structure. A line the reader cannot read is reported and,
// when it is a rule, kept in its chain as an unknown rule: dropping it could
// turn a DROP into an ACCEPT.
#include "frontends/iptables/dump_reader.h"

#include <climits>

#include "frontends/iptables/rule_options.h"
#include "frontends/iptables/source_text.h"
#include "frontends/iptables/value_parsers.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::iptables {
namespace {

bool is_append(std::string_view verb) { return verb == "-A" || verb == "--append"; }
bool is_insert(std::string_view verb) { return verb == "-I" || verb == "--insert"; }
bool is_rule_verb(std::string_view verb) { return is_append(verb) || is_insert(verb); }

/// "[packets:bytes]", which `iptables-save -c` writes before each rule.
bool is_counters(const Word& word) {
  return !word.quoted && word.text.size() > 1 && word.text.front() == '[';
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

/// The first `count` blank-separated words of `text` with their columns.
/// The scan is bounded: it only serves lines too long to tokenize.
std::vector<Word> leading_words(std::string_view text, std::size_t count) {
  std::vector<Word> out;
  std::size_t limit = std::min<std::size_t>(text.size(), 4096);
  std::size_t at = 0;
  while (out.size() < count) {
    while (at < limit && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (at >= limit) break;
    std::size_t start = at;
    while (at < limit && text[at] != ' ' && text[at] != '\t') ++at;
    out.push_back(
        Word{std::string(text.substr(start, at - start)), static_cast<std::uint32_t>(start + 1), false});
  }
  return out;
}

}  // namespace

bool DumpReader::feed(const SourceLine& line) {
  std::string_view body = trim(line.text);
  if (body.empty()) return true;
  if (body.front() == '#') {
    if (body.find("ip6tables-save") != std::string_view::npos) dump_.ipv6_header = true;
    return true;
  }
  if (body.front() == '*' && dump_.tables.size() >= kMaxTables) {
    report(finding_id::kUnsupportedConstruct, Severity::Error, location(line),
           "more than " + std::to_string(kMaxTables) + " tables; the rest of the input is ignored");
    return false;
  }
  if (line.longer_than(max_line_length_)) {
    report(finding_id::kUnrecognizedLine, Severity::Error, location(line),
           "line is longer than " + std::to_string(max_line_length_) +
               " bytes and was not parsed (--limit line-length)");
    add_unparsed_rule(line);
    return true;
  }
  TokenizedLine tokenized = tokenizer_.tokenize(line.text);
  std::vector<Word>& words = tokenized.words;
  if (words.size() > 1 && is_counters(words[0]) && is_rule_verb(words[1].text)) words.erase(words.begin());
  if (tokenized.error) {
    report(finding_id::kUnrecognizedLine, Severity::Error, location(line, tokenized.error->first),
           "cannot read line: " + tokenized.error->second);
    if (!words.empty() && is_rule_verb(words[0].text))
      add_rule(line, std::move(words), "line could not be read completely");
    return true;
  }
  if (words.empty()) return true;
  const std::string& first = words[0].text;
  if (first[0] == '*') {
    start_table(line, first.substr(1));
  } else if (first[0] == ':') {
    declare_chain(line, words);
  } else if (first == "COMMIT") {
    commit(line);
  } else if (is_rule_verb(first)) {
    add_rule(line, std::move(words), std::nullopt);
  } else {
    report(finding_id::kUnrecognizedLine, Severity::Warning, location(line, words[0].column),
           "not an iptables-save line: '" + first.substr(0, 40) + "'");
  }
  return true;
}

void DumpReader::finish(const SourceLine& last) {
  if (Table* table = current(); table != nullptr && !table->committed)
    report(finding_id::kUnrecognizedLine, Severity::Warning, location(last),
           "table " + table->name + " has no COMMIT; its rules are checked as read");
}

void DumpReader::start_table(const SourceLine& line, std::string name) {
  if (Table* open = current(); open != nullptr && !open->committed)
    report(finding_id::kUnrecognizedLine, Severity::Warning, location(line),
           "table " + open->name + " has no COMMIT before *" + name);
  Table table;
  table.name = std::move(name);
  table.location = location(line);
  dump_.tables.push_back(std::move(table));
  current_ = dump_.tables.size() - 1;
  ++dump_.recognized_lines;
}

void DumpReader::declare_chain(const SourceLine& line, const std::vector<Word>& words) {
  Table* table = current();
  if (table == nullptr) {
    report(finding_id::kUnrecognizedLine, Severity::Error, location(line),
           "chain declared before any *table line");
    return;
  }
  std::string name = words[0].text.substr(1);
  if (name.empty() || words.size() < 2) {
    report(finding_id::kUnrecognizedLine, Severity::Warning, location(line), "malformed chain declaration");
    return;
  }
  if (table->find(name) != nullptr) {
    report(finding_id::kDuplicateDefinition, Severity::Warning, location(line),
           "chain " + name + " declared twice");
    return;
  }
  Chain chain;
  chain.name = name;
  chain.location = location(line);
  const std::string& policy = words[1].text;
  if (policy != "-") {
    chain.builtin = true;
    if (policy == "ACCEPT")
      chain.policy = ActionKind::Allow;
    else if (policy == "DROP")
      chain.policy = ActionKind::Block;
    else
      report(finding_id::kUnrecognizedLine, Severity::Warning, location(line, words[1].column),
             "unknown chain policy '" + policy + "'");
  }
  table->add(std::move(chain));
  ++dump_.recognized_lines;
}

void DumpReader::commit(const SourceLine& line) {
  Table* table = current();
  if (table == nullptr)
    report(finding_id::kUnrecognizedLine, Severity::Warning, location(line), "COMMIT outside a table");
  else
    table->committed = true;
  current_.reset();
}

void DumpReader::add_rule(const SourceLine& line, std::vector<Word> words,
                          std::optional<std::string> broken) {
  if (current() == nullptr) {
    report(finding_id::kUnrecognizedLine, Severity::Error, location(line),
           "rule before any *table line; it is ignored");
    return;
  }
  if (words.size() < 2) {
    report(finding_id::kUnrecognizedLine, Severity::Error, location(line),
           words[0].text + " without a chain");
    return;
  }
  ++dump_.recognized_lines;
  bool insert = is_insert(words[0].text);
  Chain& chain = chain_for_rule(line, words[1]);
  std::size_t first_option = 2;
  std::optional<RuleNumber> number;
  if (insert && words.size() > 2 && !words[2].quoted && all_digits(words[2].text)) {
    number = RuleNumber{parse_number(words[2].text, INT_MAX), words[2].column, words[2].text};
    ++first_option;
  }
  PendingRule rule;
  rule.location = location(line);
  read_rule_options(line, std::move(words), first_option, rule, diags_);
  if (broken) {
    rule.unknown_reasons.insert(rule.unknown_reasons.begin(), std::move(*broken));
    rule.any_outcome = true;
  }
  dump_.names_ipv6_address = dump_.names_ipv6_address || rule.names_ipv6_address;
  place(line, chain, std::move(rule), insert, number);
}

void DumpReader::add_unparsed_rule(const SourceLine& line) {
  // The rule is still there: keep its place, as a rule that may do anything.
  std::vector<Word> words = leading_words(line.text, 4);
  if (!words.empty() && is_counters(words[0])) words.erase(words.begin());
  if (words.size() < 2 || !is_rule_verb(words[0].text) || current() == nullptr) return;
  bool numbered = is_insert(words[0].text) && words.size() > 2 && all_digits(words[2].text);
  words.resize(numbered ? 3 : 2);
  add_rule(line, std::move(words), "rule line too long to parse");
}

Chain& DumpReader::chain_for_rule(const SourceLine& line, const Word& name) {
  Table& table = *current();
  if (Chain* chain = table.find(name.text)) return *chain;
  report(finding_id::kUndefinedReference, Severity::Warning, location(line, name.column),
         "chain " + name.text + " is not declared in table " + table.name);
  Chain chain;
  chain.name = name.text;
  chain.builtin = table.name == "filter" && is_builtin_filter_chain(chain.name);
  chain.location = location(line);
  return table.add(std::move(chain));
}

void DumpReader::place(const SourceLine& line, Chain& chain, PendingRule rule, bool insert,
                       const std::optional<RuleNumber>& number) {
  // iptables-restore applies the lines in order: `-I CHAIN N` puts the rule
  // before the N-th rule of the chain as built so far, N = length + 1
  // appends, and any other N makes it refuse the line.
  std::size_t length = chain.rules.size();
  std::size_t at = insert ? 0 : length;
  if (number) {
    if (number->value && *number->value >= 1 && *number->value <= length + 1) {
      at = *number->value - 1;
    } else {
      std::uint32_t end = number->column + static_cast<std::uint32_t>(number->text.size()) - 1;
      std::string shown = number->text.substr(0, 20);
      std::string rules = std::to_string(length) + (length == 1 ? " rule" : " rules");
      report(finding_id::kUnrecognizedLine, Severity::Error, location(line, number->column, end),
             "rule number " + shown + " is not a position in chain " + chain.name + " (it has " + rules +
                 "): iptables-restore refuses this line; the rule is checked at the end of the chain, "
                 "as unknown");
      rule.unknown_reasons.push_back("-I " + chain.name + " " + shown +
                                     ": no such position, iptables-restore refuses the line");
      at = length;
    }
  }
  chain.rules.insert(chain.rules.begin() + static_cast<std::ptrdiff_t>(at), std::move(rule));
}

Table* DumpReader::current() { return current_ ? &dump_.tables[*current_] : nullptr; }

void DumpReader::report(const char* id, Severity severity, SourceLocation where, std::string message) {
  diags_.push_back(Diagnostic{id, severity, std::move(where), std::move(message)});
}

}  // namespace fwlint::iptables
