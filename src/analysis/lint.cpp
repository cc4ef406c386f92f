// SPDX-License-Identifier: Apache-2.0
#include "fwlint/analysis/lint.h"

#include <algorithm>

#include "fwlint/analysis/check.h"
#include "fwlint/suppress/suppressions.h"

namespace fwlint {

// Keeps each check's object file (and so its registration) in the link.
extern volatile int kRequirementsCheckAnchor;
[[maybe_unused]] static int requirements_check_anchor = kRequirementsCheckAnchor;

namespace {

/// Enough of the file to recognize any dialect by its first statements.
constexpr std::size_t kDetectBytes = 64 * 1024;

Diagnostic unreadable(std::string message) {
  Diagnostic d;
  d.id = finding_id::kUnreadableInput;
  d.severity = Severity::Error;
  d.where.line = 1;
  d.message = std::move(message);
  return d;
}

/// Nothing but blanks, after a byte order mark if there is one. After a
/// UTF-16 mark NUL bytes (the other halves of UTF-16 blanks) are blank too,
/// so a UTF-16 file with a mark and no text (FF FE) is empty as well.
bool blank(std::string_view content) {
  std::string_view blanks = " \t\r\n";
  if (content.starts_with("\xEF\xBB\xBF")) {
    content.remove_prefix(3);
  } else if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
    content.remove_prefix(2);
    blanks = std::string_view(" \t\r\n\0", 5);
  }
  return content.find_first_not_of(blanks) == std::string_view::npos;
}

/// `severity` and `ignore` of the configuration: another severity, or gone.
void apply_severities(FileResult& result,
                      const std::map<std::string, std::optional<Severity>>& severities) {
  if (severities.empty()) return;
  // Returns whether the item is dropped.
  auto apply = [&](auto& item) {
    auto it = severities.find(item.id);
    if (it == severities.end()) return false;
    if (!it->second) return true;
    item.severity = *it->second;
    return false;
  };
  std::erase_if(result.diagnostics, apply);
  for (auto& check : result.checks) std::erase_if(check.findings, apply);
}

/// Keeps the first `limit` diagnostics of each id (suppressed ones counted
/// apart); the others of an id become one diagnostic, placed where the
/// first of them was, that says how many were left out. A file with a
/// million unrecognized lines gives a report of bounded size.
void aggregate_repeated(Diagnostics& diagnostics, std::size_t limit) {
  struct Left {
    std::size_t at = 0;  ///< index of the summary in `kept`
    std::size_t count = 0;
  };
  std::map<std::pair<std::string, bool>, std::size_t> shown;
  std::map<std::pair<std::string, bool>, Left> left_out;
  Diagnostics kept;
  for (auto& d : diagnostics) {
    auto key = std::make_pair(d.id, d.suppression.has_value());
    if (++shown[key] <= limit) {
      kept.push_back(std::move(d));
      continue;
    }
    auto [it, first] = left_out.try_emplace(key);
    if (first) {
      it->second.at = kept.size();
      kept.push_back(std::move(d));
    } else if (d.severity > kept[it->second.at].severity) {
      kept[it->second.at].severity = d.severity;
    }
    ++it->second.count;
  }
  for (const auto& [key, left] : left_out) {
    Diagnostic& summary = kept[left.at];
    summary.message = std::to_string(left.count) + " more " + key.first +
                      " diagnostics of this file are left out, from this line on (--limit "
                      "repeated-diagnostics=N shows more)";
  }
  diagnostics = std::move(kept);
}

/// Everything but the severities of the configuration.
FileResult lint(const std::string& file_name, std::string_view content, const LintOptions& options) {
  FileResult result;
  result.path = file_name;
  const auto& registry = FrontendRegistry::instance();
  const Frontend* frontend = nullptr;
  if (!options.dialect.empty()) {
    frontend = registry.find(options.dialect);
    if (!frontend) {
      result.status = ParseStatus::Failed;
      result.diagnostics.push_back(unreadable("unknown dialect '" + options.dialect + "'"));
      return result;
    }
  } else {
    frontend = detect_frontend(content.substr(0, kDetectBytes));
    if (!frontend) {
      result.status = ParseStatus::Failed;
      std::string known;
      for (const Frontend* f : registry.all()) known += (known.empty() ? "" : ", ") + f->name();
      result.diagnostics.push_back(unreadable(
          blank(content) ? "the file is empty"
                         : "cannot recognize the input format (known: " + known + "; use --dialect)"));
      return result;
    }
  }
  result.format = frontend->name();
  ParseResult parsed = frontend->parse(file_name, content, options.paths);
  result.status = parsed.status;
  result.diagnostics = std::move(parsed.diagnostics);
  if (parsed.status == ParseStatus::Failed) return result;
  for (const Check* check : CheckRegistry::instance().all()) {
    auto checks = check->run(parsed.policy, options.checks);
    result.checks.insert(result.checks.end(), checks.begin(), checks.end());
  }
  if (options.inline_suppressions) {
    // Ids the configuration turns off are gone before comments are matched,
    // so a comment for one of them is reported as unused.
    std::map<std::string, std::optional<Severity>> off;
    for (const auto& [id, severity] : options.severities)
      if (!severity) off.emplace(id, std::nullopt);
    apply_severities(result, off);
    apply_suppressions(result, scan_suppressions(content, result.format));
  }
  return result;
}

}  // namespace

FileResult lint_content(const std::string& file_name, std::string_view content,
                        const LintOptions& options) {
  FileResult result = lint(file_name, content, options);
  apply_severities(result, options.severities);
  aggregate_repeated(result.diagnostics, options.paths.limits.repeated_diagnostics);
  return result;
}

}  // namespace fwlint
