// SPDX-License-Identifier: Apache-2.0
#include "frontends/asa/diagnostic_sink.h"

#include <utility>

namespace fwlint::asa {

void DiagnosticSink::report(const char* id, Severity severity, SourceLocation where,
                            std::string message) {
  std::size_t n = ++counts_[id];
  if (n > kKeepPerId) return;
  kept_.push_back(Diagnostic{id, severity, std::move(where), std::move(message)});
}

std::size_t DiagnosticSink::count(const std::string& id) const {
  auto it = counts_.find(id);
  return it == counts_.end() ? 0 : it->second;
}

Diagnostics DiagnosticSink::take() {
  for (const auto& [id, n] : counts_) {
    if (n <= kKeepPerId) continue;
    Diagnostic d;
    d.id = id;
    d.severity = Severity::Note;
    d.where.line = 0;
    d.message = std::to_string(n - kKeepPerId) + " more " + id + " diagnostics were not listed";
    kept_.push_back(std::move(d));
  }
  return std::move(kept_);
}

}  // namespace fwlint::asa
