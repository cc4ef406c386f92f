// SPDX-License-Identifier: Apache-2.0
// Suggested rule for a blocked flow: `pass [in|out] quick [on IF] proto P
// [from SRC] to any port { 80 443 5000:5010 }`, before a block rule; with
// quick it wins over everything after it.
#include <algorithm>

#include "frontends/common/line_reader.h"
#include "frontends/pf/pf_frontend.h"

namespace fwlint::pf {
namespace {

/// `{ a b c }` for several items, the item alone for one.
std::string list_of(const std::vector<std::string>& items) {
  if (items.size() == 1) return items[0];
  std::string s = "{";
  for (const auto& i : items) s += " " + i;
  return s + " }";
}

/// The direction and `on` interface of a block rule, as written there: a
/// rule without a direction blocks both, so the pass must cover both too.
std::string scope_of(const std::vector<std::string_view>& t) {
  static constexpr std::string_view kStop[] = {"proto", "from", "to", "all", "inet", "inet6"};
  std::string direction, on;
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (std::find(std::begin(kStop), std::end(kStop), t[i]) != std::end(kStop)) break;
    if ((t[i] == "in" || t[i] == "out") && direction.empty()) {
      direction = " " + std::string(t[i]);
    } else if (t[i] == "on" && i + 1 < t.size()) {
      on = " on";
      std::size_t j = i + 1;
      if (t[j] == "!" && j + 1 < t.size()) on += " " + std::string(t[j++]);
      if (t[j].front() == '{') {
        while (j < t.size()) {
          on += " " + std::string(t[j]);
          if (t[j].back() == '}') break;
          ++j;
        }
      } else {
        on += " " + std::string(t[j]);
      }
      i = j;
    }
  }
  return direction + " quick" + on;
}

}  // namespace

std::vector<std::string> PfFrontend::permit_lines(std::string_view deciding_line,
                                                  const PermitRequest& request) const {
  std::vector<std::string_view> t = words_of(deciding_line);
  if (t.empty() || t[0] != "block") return {};
  std::string line = "pass" + scope_of(t) + " proto " + request.protocol;
  std::vector<std::string> sources;
  for (const auto& b : request.sources) sources.push_back(b.cidr());
  if (!sources.empty()) line += " from " + list_of(sources);
  std::vector<std::string> ports;
  for (const auto& iv : request.ports.intervals())
    ports.push_back(iv.lo == iv.hi ? std::to_string(iv.lo)
                                   : std::to_string(iv.lo) + ":" + std::to_string(iv.hi));
  return {line + " to any port " + list_of(ports)};
}

}  // namespace fwlint::pf
