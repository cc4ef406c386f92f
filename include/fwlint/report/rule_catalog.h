// SPDX-License-Identifier: Apache-2.0
/// \file
/// The catalogue of finding ids: one entry per id in finding_id (findings.h),
/// with everything SARIF `tool.driver.rules`, `--list-rules` and `--explain`
/// show. It is the single source of the rule documentation: docs/rules/<ID>.md
/// is rule_doc_file(rule) verbatim, which a test enforces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fwlint/model/diagnostic.h"

namespace fwlint {

/// Home page of the project (SARIF `informationUri`).
inline constexpr std::string_view kProjectUrl = "https://github.com/agora-fwlint/agora-fwlint";
/// Where the per-rule pages live; a rule's page is kRuleDocsBaseUrl + id + ".md".
inline constexpr std::string_view kRuleDocsBaseUrl =
    "https://github.com/agora-fwlint/agora-fwlint/blob/main/docs/rules/";

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
  // The example of the doc page.
  std::string example_failing;  ///< a config (Cisco ASA where it applies)
  std::string example_result;   ///< what agora-fwlint says about it
  std::string example_fixed;
  std::string example_failing_label{};  ///< empty = "Failing configuration (Cisco ASA):"
  std::string example_fixed_label{};    ///< empty = "Fixed configuration:"
  std::string notes;                  ///< notes and suppression
  /// Command-line options the example is checked with; tests run both
  /// configurations with them (the failing one must report the id, the
  /// fixed one must not). Empty = the example is not a checkable config.
  std::vector<std::string> example_args{};
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

/// The rule's documentation page (Markdown), as `--explain ID` prints it.
std::string rule_markdown(const RuleInfo& rule);

/// The exact content of docs/rules/<ID>.md: a generated-file notice plus
/// rule_markdown(rule).
std::string rule_doc_file(const RuleInfo& rule);

}  // namespace fwlint
