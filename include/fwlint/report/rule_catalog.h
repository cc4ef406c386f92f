// SPDX-License-Identifier: Apache-2.0
/// \file
/// The catalogue of finding ids: one entry per id in finding_id (findings.h),
/// with everything SARIF `tool.driver.rules`, `--list-rules` and `--explain`
/// show. It is the single source of the rule documentation: docs/rules/<ID>.md
/// is rule_doc_file() of the entry and the real output of its examples,
/// which a test enforces; the build compiles the pages in for `--explain`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fwlint/model/diagnostic.h"

namespace fwlint {

/// Home page of the project (SARIF `informationUri`).
inline constexpr std::string_view kProjectUrl = "https://github.com/agora-fwlint/agora-fwlint";
/// Where the per-rule pages live; a rule's page is kRuleDocsBaseUrl + id + ".md".
inline constexpr std::string_view kRuleDocsBaseUrl =
    "https://github.com/agora-fwlint/agora-fwlint/blob/main/docs/rules/";

/// One worked example of a rule in one input format: a configuration that
/// triggers the rule and the same configuration fixed. Tests run both
/// through the CLI; the rule page shows what the failing one prints.
struct RuleExample {
  /// Input format: "asa", "iptables", "pf", "windows", "pack" (a requirement
  /// pack), "config" (.agora-fwlint.yaml), or "" for an example that is a
  /// transcript rather than a file (not run by the tests).
  std::string format;
  std::string failing;
  std::string result;  ///< what the failing output means, in prose
  std::string fixed;
  /// Options of the example's command line. The example's file name is
  /// appended unless the options name it already or it is a configuration
  /// file (which agora-fwlint finds by itself).
  std::vector<std::string> args{};
  /// Options for the fixed configuration, when the fix is also in the
  /// command line (FWL003: check the cloud proxy); empty = `args`.
  std::vector<std::string> fixed_args{};
  /// Name of the example file; empty = the format's usual name
  /// (example_file_name()).
  std::string file{};
  /// Files written next to the example before it runs, as {name, content}:
  /// the firewall configuration a pack or a config file is used with.
  std::vector<std::pair<std::string, std::string>> other_files{};
  std::string failing_label{};  ///< empty = "Failing configuration (`FILE`):"
  std::string fixed_label{};    ///< empty = "Fixed configuration:"
};

struct RuleInfo {
  std::string id;    ///< "FWL001"
  std::string name;  ///< slug: "required-port-blocked"
  Severity default_severity = Severity::Warning;
  std::string short_description;  ///< one sentence
  std::string full_description;   ///< one paragraph: what it means
  std::string rationale;          ///< why it matters
  std::string help;               ///< how to fix
  std::vector<std::string> tags;
  std::string precision;  ///< SARIF precision: very-high | high | medium | low
  std::string notes;      ///< notes and suppression
  /// One example per input format the rule applies to, in the order
  /// asa, iptables, pf, windows (then pack, config).
  std::vector<RuleExample> examples;
};

/// Every rule, in a stable order (SARIF ruleIndex is the position here).
const std::vector<RuleInfo>& all_rules();

/// By id or slug, case-insensitively ("FWL001", "fwl001",
/// "required-port-blocked"); nullptr when unknown.
const RuleInfo* find_rule(std::string_view id_or_slug);

/// Position of `id` in all_rules(), or -1.
int rule_index(std::string_view id);

/// Absolute URL of the rule's documentation page.
std::string rule_help_uri(const RuleInfo& rule);

/// Heading of an example's format on the rule page ("Cisco ASA").
std::string example_format_title(const RuleExample& example);

/// The file the example is written to: RuleExample::file, or the format's
/// usual name ("running-config.cfg", "rules.v4", "pf.conf", ...).
std::string example_file_name(const RuleExample& example);

/// The example's arguments after `agora-fwlint`, ending with its file name
/// unless the options name it; empty for an example that is not run.
/// `fixed`: the command for the fixed configuration.
std::vector<std::string> example_command(const RuleExample& example, bool fixed = false);

/// What agora-fwlint prints for an example: its failing configuration, and
/// its fixed one when that is checked with other options (fixed_args).
struct ExampleOutput {
  std::string failing;
  std::string fixed;
};
/// One per example, in the order of RuleInfo::examples.
using ExampleOutputs = std::vector<ExampleOutput>;

/// The rule's documentation page (Markdown). With `outputs`, each example
/// shows its command and what it printed; without, the command alone.
std::string rule_markdown(const RuleInfo& rule, const ExampleOutputs& outputs = {});

/// The help of a SARIF rule (Markdown): what the rule means, why it matters,
/// how to fix it and its notes, with a link to the page for the examples.
/// Kept short because every SARIF log carries it for every rule.
std::string rule_help_markdown(const RuleInfo& rule);

/// The exact content of docs/rules/<ID>.md: a generated-file notice plus
/// rule_markdown(rule, outputs).
std::string rule_doc_file(const RuleInfo& rule, const ExampleOutputs& outputs);

/// The page `--explain ID` prints: docs/rules/<ID>.md as compiled into the
/// binary, without its notice, or rule_markdown(rule) when the build has
/// no page for the rule.
std::string rule_explanation(const RuleInfo& rule);

}  // namespace fwlint
