// SPDX-License-Identifier: Apache-2.0
// Matching the directives of a file against its findings: a finding is
// suppressed by an `ignore` directive that names its id and covers its line
// in the input itself, or by an `ignore-file` directive that names its id.
#include <unordered_map>

#include "fwlint/suppress/suppressions.h"

namespace fwlint {
namespace {

class Matcher {
 public:
  explicit Matcher(std::vector<SuppressionDirective>& directives) : directives_(directives) {
    for (std::size_t i = 0; i < directives_.size(); ++i) {
      const SuppressionDirective& d = directives_[i];
      if (d.whole_file) {
        whole_file_.push_back(i);
      } else if (d.first_line != 0) {
        for (std::uint32_t line = d.first_line; line <= d.last_line; ++line) by_line_[line].push_back(i);
      }
    }
  }

  /// The suppression for a finding `id` at `where`, marking what matched.
  std::optional<Suppression> match(const std::string& id, const SourceLocation& where) {
    // Lines of included files (where.file set) are not the input's lines.
    if (where.known() && where.file.empty()) {
      if (auto it = by_line_.find(where.line); it != by_line_.end())
        for (std::size_t i : it->second)
          if (auto s = use(i, id)) return s;
    }
    for (std::size_t i : whole_file_)
      if (auto s = use(i, id)) return s;
    return std::nullopt;
  }

 private:
  std::optional<Suppression> use(std::size_t index, const std::string& id) {
    SuppressionDirective& d = directives_[index];
    for (auto& entry : d.ids)
      if (entry.id == id) {
        entry.used = true;
        return Suppression{d.reason, d.where, d.whole_file};
      }
    return std::nullopt;
  }

  std::vector<SuppressionDirective>& directives_;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_line_;
  std::vector<std::size_t> whole_file_;
};

std::string unused_message(const SuppressionDirective& d, const std::string& id) {
  if (d.whole_file) return "unused suppression: the file has no " + id + " finding to ignore";
  if (d.first_line == 0) return "unused suppression: no line follows it, so it cannot ignore " + id;
  std::string lines = d.first_line == d.last_line
                          ? "line " + std::to_string(d.first_line)
                          : "lines " + std::to_string(d.first_line) + "-" + std::to_string(d.last_line);
  return "unused suppression: no " + id + " finding on " + lines;
}

}  // namespace

void apply_suppressions(FileResult& result, SuppressionScan scan) {
  if (!scan.directives.empty()) {
    Matcher matcher(scan.directives);
    for (auto& d : result.diagnostics)
      if (!d.suppression) d.suppression = matcher.match(d.id, d.where);
    for (auto& check : result.checks)
      for (auto& f : check.findings)
        if (!f.suppression) f.suppression = matcher.match(f.id, f.where);
  }
  for (auto& problem : scan.problems) result.diagnostics.push_back(std::move(problem));
  for (const SuppressionDirective& d : scan.directives)
    for (const auto& entry : d.ids) {
      if (entry.used) continue;
      Diagnostic unused;
      unused.id = finding_id::kUnusedSuppression;
      unused.severity = Severity::Warning;
      unused.where = d.where;
      unused.where.column = entry.column;
      unused.where.end_column = entry.end_column;
      unused.message = unused_message(d, entry.id);
      result.diagnostics.push_back(std::move(unused));
    }
}

}  // namespace fwlint
