// SPDX-License-Identifier: Apache-2.0
/// \file
/// The rule catalogue: the registry of the entries in src/report/rules/ and
/// the rendering of their documentation pages. docs/rules/<ID>.md is
/// rule_doc_file() of the entry with the real output of its examples,
/// checked by tests/report/rule_examples_test.cpp (which rewrites the pages
/// when run with FWLINT_UPDATE_DOCS=1). Edit the entries, never the pages.
///
/// Prose fields are single paragraphs (wrapped only in the sources); the
/// examples are verbatim blocks.

#include "fwlint/report/rule_catalog.h"

#include <cctype>
#include <cstring>

#include "fwlint/util/strings.h"
#include "report/rules/rule_entries.h"

namespace fwlint {

// Generated at build time: file name -> content of every docs/rules/*.md.
extern const std::vector<std::pair<std::string_view, std::string_view>> fwlint_rule_page_files;

namespace {

std::vector<RuleInfo> make_rules() {
  using namespace rule_entries;
  // The order is SARIF's ruleIndex: append new ids, never reorder.
  return {
      fwl001_required_port_blocked(),
      fwl002_required_domain_not_covered(),
      fwl003_sdk_needs_cloud_proxy(),
      fwl004_result_unknown(),
      fwl005_return_traffic_blocked(),
      fwl101_unrecognized_line(),
      fwl102_undefined_reference(),
      fwl103_duplicate_definition(),
      fwl104_reference_cycle(),
      fwl105_unsupported_construct(),
      fwl106_unreadable_input(),
      fwl107_invalid_pack(),
      fwl108_partial_policy(),
      fwl109_firewall_disabled(),
      fwl110_invalid_config(),
      fwl111_invalid_suppression(),
      fwl112_unused_suppression(),
  };
}

std::string severity_label(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

}  // namespace

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = make_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view id_or_slug) {
  for (const auto& r : all_rules())
    if (iequals(r.id, id_or_slug) || iequals(r.name, id_or_slug)) return &r;
  return nullptr;
}

int rule_index(std::string_view id) {
  const auto& rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string rule_help_uri(const RuleInfo& rule) {
  return std::string(kRuleDocsBaseUrl) + std::string(rule.id) + ".md";
}

std::string example_format_title(const RuleExample& example) {
  const std::string& f = example.format;
  if (f == "asa") return "Cisco ASA";
  if (f == "iptables") return "iptables-save";
  if (f == "pf") return "pf.conf";
  if (f == "windows") return "Windows Firewall";
  if (f == "pack") return "Requirement pack";
  if (f == "config") return "Configuration file";
  return "Input";
}

std::string example_file_name(const RuleExample& example) {
  if (!example.file.empty()) return example.file;
  const std::string& f = example.format;
  if (f == "asa") return "running-config.cfg";
  if (f == "iptables") return "rules.v4";
  if (f == "pf") return "pf.conf";
  if (f == "windows")
    return example.failing.starts_with("Windows Registry Editor") ? "policy.reg" : "gpreport.xml";
  if (f == "pack") return "pack.yaml";
  if (f == "config") return ".agora-fwlint.yaml";
  return {};
}

std::vector<std::string> example_command(const RuleExample& example, bool fixed) {
  if (example.format.empty() || example.args.empty()) return {};
  std::vector<std::string> command =
      fixed && !example.fixed_args.empty() ? example.fixed_args : example.args;
  // A configuration file is found by agora-fwlint itself, next to the input.
  if (example.format == "config") return command;
  std::string file = example_file_name(example);
  bool named = false;
  for (const auto& a : command) named = named || a == file;
  if (!named) command.push_back(file);
  return command;
}

namespace {

/// A shell-safe rendering of one argument (the commands are shown for
/// copying into a terminal).
std::string shell_word(const std::string& arg) {
  bool plain = !arg.empty();
  for (char c : arg)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || std::strchr("@%+=:,./-_", c));
  return plain ? arg : "'" + arg + "'";
}

void add_command(std::string& md, const std::vector<std::string>& command, const std::string* output) {
  md += "```console\n$ agora-fwlint";
  for (const auto& a : command) md += " " + shell_word(a);
  md += "\n";
  if (output) md += *output;
  if (!md.ends_with("\n")) md += "\n";
  md += "```\n\n";
}

void add_example(std::string& md, const RuleExample& ex, const ExampleOutput* output) {
  std::string file = example_file_name(ex);
  md += "### " + example_format_title(ex) + "\n\n";
  if (!ex.failing_label.empty())
    md += ex.failing_label;
  else if (!file.empty())
    md += "Failing configuration (`" + file + "`):";
  else
    md += "Failing input:";
  md += "\n\n```\n" + ex.failing + "\n```\n\n";
  for (const auto& [name, content] : ex.other_files)
    md += "Checked with `" + name + "` next to it:\n\n```\n" + content + "\n```\n\n";
  std::vector<std::string> command = example_command(ex);
  if (!command.empty()) add_command(md, command, output ? &output->failing : nullptr);
  md += ex.result + "\n\n";
  md += ex.fixed_label.empty() ? "Fixed configuration:" : ex.fixed_label;
  md += "\n\n```\n" + ex.fixed + "\n```\n\n";
  if (!ex.fixed_args.empty() && !command.empty())
    add_command(md, example_command(ex, true), output ? &output->fixed : nullptr);
}

}  // namespace

std::string rule_markdown(const RuleInfo& rule, const ExampleOutputs& outputs) {
  std::string md = "# " + rule.id + ": " + rule.name + "\n\n" + rule.short_description +
                   "\n\nDefault severity: **" + severity_label(rule.default_severity) +
                   "**. Tags:";
  for (std::size_t i = 0; i < rule.tags.size(); ++i)
    md += (i ? ", `" : " `") + rule.tags[i] + "`";
  md += ".\n\n## What it means\n\n" + rule.full_description;
  md += "\n\n## Why it matters\n\n" + rule.rationale;
  md += "\n\n## How to fix\n\n" + rule.help;
  md += "\n\n## Examples\n\n";
  for (std::size_t i = 0; i < rule.examples.size(); ++i)
    add_example(md, rule.examples[i], i < outputs.size() ? &outputs[i] : nullptr);
  md += "## Notes\n\n" + rule.notes + "\n";
  return md;
}

std::string rule_help_markdown(const RuleInfo& rule) {
  return "**" + rule.id + ": " + rule.name + "** — " + rule.short_description +
         "\n\n## What it means\n\n" + rule.full_description +
         "\n\n## Why it matters\n\n" + rule.rationale +
         "\n\n## How to fix\n\n" + rule.help +
         "\n\n## Notes\n\n" + rule.notes +
         "\n\nA failing and a fixed example in each dialect: [" + rule.id + "](" +
         rule_help_uri(rule) + ").\n";
}

namespace {
constexpr std::string_view kGeneratedNotice =
    "<!-- Generated from src/report/rules/; edit the entry, then run\n"
    "     FWLINT_UPDATE_DOCS=1 fwlint_tests --gtest_filter='RuleExamples.*' -->\n";
}  // namespace

std::string rule_doc_file(const RuleInfo& rule, const ExampleOutputs& outputs) {
  return std::string(kGeneratedNotice) + rule_markdown(rule, outputs);
}

std::string rule_explanation(const RuleInfo& rule) {
  std::string name = rule.id + ".md";
  for (const auto& [file, content] : fwlint_rule_page_files)
    if (file == name) {
      std::string_view page = content;
      if (page.starts_with(kGeneratedNotice)) page.remove_prefix(kGeneratedNotice.size());
      return std::string(page);
    }
  return rule_markdown(rule);
}

}  // namespace fwlint
