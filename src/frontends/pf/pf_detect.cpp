// SPDX-License-Identifier: Apache-2.0
// Scores how much the start of a file looks like a pf.conf: filter rules
// in pf's word order, pf-only statements (`set skip on`, `table <…>`,
// `anchor "…"`, `antispoof`, `scrub in`) and macro definitions add up;
// markers of the other dialects (iptables-save, ASA, XML) subtract.
#include <algorithm>
#include <array>
#include <cctype>

#include "frontends/common/line_reader.h"
#include "frontends/pf/pf_frontend.h"

namespace fwlint::pf {
namespace {

bool is_rule_word(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "in",  "out",  "quick",  "log",        "on",   "inet",     "inet6",    "proto", "from",       "to",
      "all", "drop", "return", "return-rst", "keep", "modulate", "synproxy", "any",   "return-icmp"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

/// `name = "value"` or `name="value"`.
bool is_macro_line(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size() && (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '_')) ++i;
  if (i == 0) return false;
  std::string_view rest = body.substr(i);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (!rest.starts_with("=")) return false;
  rest.remove_prefix(1);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  return rest.starts_with("\"") || rest.starts_with("'") || rest.starts_with("{");
}

/// pass/block/match followed by a word pf puts there.
bool is_filter_rule(const SourceLine& line) {
  std::string_view w0 = line.first_word(), w1 = line.word(1);
  return (w0 == "pass" || w0 == "block" || w0 == "match") &&
         (w1.empty() || is_rule_word(w1) || w1.starts_with("return"));
}

/// Statements only pf has.
bool is_pf_only_statement(const SourceLine& line) {
  static constexpr std::array<std::string_view, 6> kSetOptions = {
      "set skip on",      "set block-policy", "set loginterface",
      "set state-policy", "set optimization", "set ruleset-optimization"};
  std::string_view b = line.body, w0 = line.first_word(), w1 = line.word(1);
  for (std::string_view option : kSetOptions)
    if (b.starts_with(option)) return true;
  return (w0 == "table" && w1.starts_with("<")) ||
         (w0 == "anchor" && (w1.starts_with("\"") || w1.starts_with("'"))) ||
         (w0 == "load" && w1 == "anchor") || (w0 == "include" && w1.starts_with("\"")) ||
         (w0 == "scrub" && (w1 == "in" || w1 == "on" || w1 == "all")) ||
         w0 == "antispoof" || w0 == "nat-anchor" || w0 == "rdr-anchor" || w0 == "altq";
}

/// Lines of iptables-save dumps, Cisco ASA/IOS configurations and XML.
bool is_other_dialect(const SourceLine& line) {
  std::string_view b = line.body, w0 = line.first_word();
  return b.starts_with("*filter") || b.starts_with("*nat") || b.starts_with("-A ") || b == "COMMIT" ||
         (b.starts_with(":") && b.find(" [") != std::string_view::npos) || b.starts_with("<") ||
         w0 == "access-list" || w0 == "access-group" || b.starts_with("ASA Version") || w0 == "nameif" ||
         w0 == "object-group" || w0 == "interface" || w0 == "hostname";
}

}  // namespace

int detect_pf(std::string_view head) {
  int rules = 0, pf_statements = 0, macros = 0, foreign = 0;
  LineReader reader(head.substr(0, 256 * 1024));
  SourceLine line;
  while (reader.next(line)) {
    if (line.body.empty() || line.body.front() == '#') continue;
    if (is_filter_rule(line))
      ++rules;
    else if (is_pf_only_statement(line))
      ++pf_statements;
    else if (is_macro_line(line.body))
      ++macros;
    if (is_other_dialect(line)) ++foreign;
  }
  int score = std::min(rules, 4) * 20 + std::min(pf_statements, 3) * 15 + std::min(macros, 2) * 5;
  // Macros alone are any shell-like file; pf needs a rule or a pf statement.
  if (rules == 0 && pf_statements == 0) score = std::min(score, 10);
  // A short ruleset is still unmistakable when nothing else is in the file.
  if (rules + pf_statements > 0 && foreign == 0) score = std::max(score, 40);
  score -= foreign * 30;
  return std::clamp(score, 0, 100);
}

int PfFrontend::detect(std::string_view head) const { return detect_pf(head); }

}  // namespace fwlint::pf
