// SPDX-License-Identifier: Apache-2.0
/// \file
/// Collects the frontend's diagnostics, counting every one but keeping a
/// bounded number per id, so a million bad lines cannot flood the output.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "fwlint/model/diagnostic.h"

namespace fwlint::asa {

class DiagnosticSink {
 public:
  /// Diagnostics kept per id; later ones are only counted and summarized.
  static constexpr std::size_t kKeepPerId = 10000;

  void report(const char* id, Severity severity, SourceLocation where, std::string message);
  /// How many diagnostics with `id` were reported (kept or not).
  std::size_t count(const std::string& id) const;
  /// The kept diagnostics in report order, plus one summary per id that
  /// overflowed.
  Diagnostics take();

 private:
  Diagnostics kept_;
  std::map<std::string, std::size_t> counts_;
};

}  // namespace fwlint::asa
