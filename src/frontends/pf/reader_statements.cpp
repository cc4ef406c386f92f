// SPDX-License-Identifier: Apache-2.0
// One statement at a time: a statement the scanner or the parser could not
// read is reported, and when it may have been a rule it stays in its
// ruleset as an unreadable rule (dropping it could turn a block into a
// pass). Statements that do not decide what passes (queues, legacy scrub,
// antispoof, translation, most `set` options) are recorded as ignored.
#include <algorithm>
#include <array>

#include "frontends/pf/reader.h"
#include "frontends/pf/rule_reader.h"
#include "frontends/pf/table_reader.h"
#include "fwlint/analysis/findings.h"

namespace fwlint::pf {
namespace {

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size() && words.size() < 256;) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

/// First words of statements that never pass or block anything themselves.
bool is_non_filter_statement(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "set",        "table",      "altq",         "queue",        "scrub",           "antispoof", "load",
      "nat-anchor", "rdr-anchor", "binat-anchor", "scrub-anchor", "dummynet-anchor", "ether",     "no"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

/// First words of every statement pf.conf knows.
bool is_statement_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kFilter = {"pass",    "block", "match", "anchor",
                                                              "include", "nat",   "rdr",   "binat"};
  return is_non_filter_statement(word) || std::find(kFilter.begin(), kFilter.end(), word) != kFilter.end();
}

/// `name = …` or `name=…`: a macro definition.
bool is_macro_definition(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] != ' ' && text[i] != '=') ++i;
  while (i < text.size() && text[i] == ' ') ++i;
  return i > 0 && i < text.size() && text[i] == '=' && (i + 1 == text.size() || text[i + 1] != '=');
}

}  // namespace

void PfReader::handle(const SourceFile& file, const Statement& st, const Chain& chain) {
  StatementSite site(file, st, parser_, diags_);
  if (!st.readable()) {
    for (const ScanProblem& p : st.problems)
      site.report(p.id, Severity::Error, site.location(p.where), p.message);
    add_unreadable(site, st, st.problems.front().message);
    return;
  }
  PfParser::StatementContext* tree = parser_.parse(st.text);
  if (tree == nullptr) {
    std::vector<std::string_view> words = words_of(std::string_view(st.text).substr(0, 256));
    if (!words.empty() && !is_statement_keyword(words.front()) && !is_macro_definition(st.text)) {
      // Reported at its first word: "unexpected 'in'" would point past the typo.
      std::string first(words.front().substr(0, 40));
      site.report(finding_id::kUnrecognizedLine, Severity::Error, site.location(0, words.front().size()),
                  "'" + first + "' does not start a pf.conf statement");
      add_unreadable(site, st, "unknown statement '" + first + "'");
      return;
    }
    const SyntaxError& error = *parser_.error();
    site.report(finding_id::kUnrecognizedLine, Severity::Error, site.location(error.offset, error.length),
                "cannot read this statement: " + error.message);
    add_unreadable(site, st, "statement could not be read (" + error.message + ")");
    return;
  }
  ++summary_.understood;
  handle_parsed(tree, site, st, chain);
}

void PfReader::handle_parsed(PfParser::StatementContext* tree, const StatementSite& site, const Statement& st,
                             const Chain& chain) {
  if (auto* macro = dynamic_cast<PfParser::MacroStatementContext*>(tree)) {
    define_macro(macro, site);
  } else if (auto* inc = dynamic_cast<PfParser::IncludeStatementContext*>(tree)) {
    include(site.value(inc->text()), site, st, chain);
  } else if (auto* load = dynamic_cast<PfParser::LoadAnchorStatementContext*>(tree)) {
    queue_load(site.value(load->anchorName()), site.value(load->text()), site, chain);
  } else if (auto* table = dynamic_cast<PfParser::TableStatementContext*>(tree)) {
    add_table(table, site);
  } else if (auto* set = dynamic_cast<PfParser::SetStatementContext*>(tree)) {
    apply_set(set, site);
  } else if (auto* filter = dynamic_cast<PfParser::FilterStatementContext*>(tree)) {
    add_filter_rule(filter, site);
  } else if (auto* anchor = dynamic_cast<PfParser::AnchorStatementContext*>(tree)) {
    add_anchor_rule(anchor, site, st);
  } else if (auto* legacy = dynamic_cast<PfParser::LegacyTranslationStatementContext*>(tree)) {
    add_legacy_translation(legacy, site);
  } else if (dynamic_cast<PfParser::AntispoofStatementContext*>(tree)) {
    ignore("antispoof", site.location());
  } else if (dynamic_cast<PfParser::ScrubStatementContext*>(tree)) {
    ignore("scrub", site.location());
  } else {
    // altq, queue, nat-anchor and friends, ether: the first word says it.
    ignore(std::string(site.text(tree->getStart())), site.location());
  }
  if (st.opens_block && !dynamic_cast<PfParser::AnchorStatementContext*>(tree)) {
    // Only anchors have blocks; keep the block's rules somewhere anyway.
    site.report(finding_id::kUnrecognizedLine, Severity::Error, site.location(),
                "only an anchor can open a '{' block here");
    auto anchor = std::make_shared<PfAnchor>();
    anchor->name = "(block at line " + std::to_string(st.start.line) + ")";
    open_block(anchor, site.location());
  }
}

void PfReader::define_macro(PfParser::MacroStatementContext* ctx, const StatementSite& site) {
  // pfctl joins the words of the value with one space; quoted parts keep
  // their text (and any `$name` in it, expanded where the macro is used).
  std::string value;
  for (auto* token : ctx->valueToken()) {
    if (!value.empty()) value += ' ';
    value += site.value(token);
  }
  macros_.define(std::string(site.text(ctx->macroName())), std::move(value));
}

void PfReader::add_table(PfParser::TableStatementContext* ctx, const StatementSite& site) {
  PfTable table = read_table(ctx, site, loader_);
  for (const PfTable& other : config_.tables) {
    if (other.name != table.name) continue;
    site.report(finding_id::kDuplicateDefinition, Severity::Warning, site.location(),
                "table <" + table.name + "> is already defined at line " +
                    std::to_string(other.location.line) + "; this definition is ignored");
    return;
  }
  config_.tables.push_back(std::move(table));
}

void PfReader::apply_set(PfParser::SetStatementContext* ctx, const StatementSite& site) {
  PfParser::SetOptionContext* option = ctx->setOption();
  if (auto* skip = dynamic_cast<PfParser::SetSkipContext*>(option)) {
    for (auto* item : interface_items(skip->interfaceList())) {
      config_.skip_interfaces.push_back(site.value(item->interfaceName()));
      config_.skip_locations.push_back(site.location());
    }
    return;
  }
  if (auto* policy = dynamic_cast<PfParser::SetBlockPolicyContext*>(option))
    block_policy_ = std::string(site.text(policy->policy));
  ignore("set " + std::string(site.text(option->getStart())), site.location());
}

void PfReader::add_filter_rule(PfParser::FilterStatementContext* ctx, const StatementSite& site) {
  PfRule rule;
  rule.location = site.location();
  RuleReader reader(site);
  if (!reader.read_filter_rule(ctx->filterRule(), block_policy_, rule)) {
    rule.unreadable = true;
    rule.unmodeled_matches.push_back("a part of the rule could not be read");
  }
  add_rule(std::move(rule));
}

void PfReader::add_anchor_rule(PfParser::AnchorStatementContext* ctx, const StatementSite& site,
                               const Statement& st) {
  PfRule rule;
  rule.location = site.location();
  std::string name;
  RuleReader reader(site);
  if (!reader.read_anchor_rule(ctx->anchorRule(), rule, name)) {
    rule.unreadable = true;
    rule.unmodeled_matches.push_back("a part of the rule could not be read");
  }
  if (name.empty() && st.opens_block) name = "_" + std::to_string(++unnamed_anchors_);
  if (name.empty()) {
    site.report(finding_id::kUnrecognizedLine, Severity::Error, site.location(),
                "an anchor without a name needs a '{ … }' block");
    rule.unreadable = true;
    rule.unmodeled_matches.push_back("anchor without a name or rules");
    name = "(unnamed anchor at line " + std::to_string(st.start.line) + ")";
  }
  rule.anchor = anchor_at(anchor_path(name), site.location());
  add_rule(std::move(rule));
  if (st.opens_block) open_block(anchor_at(anchor_path(name), site.location()), site.location());
}

void PfReader::add_legacy_translation(PfParser::LegacyTranslationStatementContext* ctx,
                                      const StatementSite& site) {
  PfParser::LegacyTranslationContext* translation = ctx->legacyTranslation();
  std::string kind(site.text(translation->kind));
  ignore(translation->NO() ? "no " + kind : kind, site.location());
  if (translation->NO() || translation->PASS() == nullptr) return;
  PfRule rule;
  rule.location = site.location();
  RuleReader reader(site);
  if (!reader.read_legacy_pass(translation, rule)) {
    rule.unreadable = true;
    rule.unmodeled_matches.push_back("a part of the rule could not be read");
  }
  add_rule(std::move(rule));
}

void PfReader::add_rule(PfRule rule) { rulesets_.back().rules->push_back(std::move(rule)); }

void PfReader::add_unreadable(const StatementSite& site, const Statement& st, const std::string& reason) {
  std::vector<std::string_view> words = words_of(st.text);
  std::string_view first = words.empty() ? std::string_view{} : words.front();
  bool legacy = first == "nat" || first == "rdr" || first == "binat";
  bool opens_anchor = st.opens_block && first == "anchor";
  if (!opens_anchor && (is_non_filter_statement(first) || is_macro_definition(st.text) ||
                        (legacy && (words.size() < 2 || words[1] != "pass"))))
    return;
  PfRule rule;
  rule.unreadable = true;
  rule.location = site.location();
  rule.unmodeled_matches.push_back("unreadable: " + reason);
  // Best guesses from the words; whoever reads the rule treats it as
  // possibly passing or blocking anyway.
  rule.action = first == "pass" || legacy ? PfAction::Pass
                : first == "match"        ? PfAction::Match
                : first == "anchor"       ? PfAction::Anchor
                                          : PfAction::Block;
  for (std::string_view w : words) {
    if (w == "quick") rule.quick = true;
    if (rule.direction == PfDirection::Both && (w == "in" || w == "out"))
      rule.direction = w == "in" ? PfDirection::In : PfDirection::Out;
  }
  if (rule.action == PfAction::Anchor || st.opens_block) {
    auto anchor = std::make_shared<PfAnchor>();
    anchor->name = "(unreadable anchor at line " + std::to_string(st.start.line) + ")";
    anchor->loaded_at_runtime = !st.opens_block;
    anchor->location = site.location();
    rule.anchor = anchor;
    add_rule(std::move(rule));
    if (st.opens_block) open_block(anchor, site.location());
    return;
  }
  add_rule(std::move(rule));
}

void PfReader::ignore(std::string kind, const SourceLocation& where) {
  config_.ignored.emplace_back(std::move(kind), where);
}

PfConfig read_pf_config(const std::string& file_name, std::string_view content,
                        const PfReaderOptions& options, Diagnostics& diags, ReadSummary* summary) {
  PfReader reader(file_name, options, diags);
  PfConfig config = reader.read(content);
  if (summary) *summary = reader.summary();
  return config;
}

}  // namespace fwlint::pf
