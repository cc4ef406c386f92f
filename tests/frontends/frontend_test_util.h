// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers every frontend's tests use to look at a ParseResult's diagnostics.
#pragma once

#include <string>
#include <vector>

#include "fwlint/frontends/frontend.h"

namespace fwlint::test {

/// The diagnostics of `r` with finding id `id`, in input order.
inline std::vector<const Diagnostic*> diagnostics(const ParseResult& r, const std::string& id) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.id == id) out.push_back(&d);
  return out;
}

inline std::size_t count(const ParseResult& r, const std::string& id) { return diagnostics(r, id).size(); }

/// One line per diagnostic ("FWL101 12:3 message"), for assertion messages.
inline std::string dump_diagnostics(const ParseResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics)
    s += d.id + " " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.message + "\n";
  return s;
}

}  // namespace fwlint::test
