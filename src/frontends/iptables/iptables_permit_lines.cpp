// SPDX-License-Identifier: Apache-2.0
// Suggested rules for a blocked flow: `-A CHAIN [-i/-o IF] [-s SRC] -p P
// --dport N -j ACCEPT`, with multiport for several ports (at most 15 a
// line, a range counting as two), before an `-A CHAIN` rule. A chain policy
// (`:OUTPUT DROP`) has no line before which a rule of the chain could go,
// so it gets none.
#include "frontends/common/line_reader.h"
#include "frontends/iptables/iptables_frontend.h"

namespace fwlint::iptables {
namespace {

constexpr std::size_t kMultiportSlots = 15;

/// `-i IF` / `-o IF` of the deciding rule (with a preceding `!`): the new
/// rule applies where the deciding one does, not on other interfaces.
std::string interfaces_of(const std::vector<std::string_view>& t) {
  std::string out;
  for (std::size_t i = 2; i + 1 < t.size(); ++i) {
    std::string_view o = t[i];
    if (o != "-i" && o != "-o" && o != "--in-interface" && o != "--out-interface") continue;
    if (t[i - 1] == "!") out += " !";
    out += " " + std::string(o) + " " + std::string(t[i + 1]);
    ++i;
  }
  return out;
}

std::string port_text(const Interval<std::uint16_t>& iv) {
  std::string s = std::to_string(iv.lo);
  if (iv.hi != iv.lo) s += ":" + std::to_string(iv.hi);
  return s;
}

std::vector<std::string> multiport_lists(const PortSet& ports) {
  std::vector<std::string> lists;
  std::string cur;
  std::size_t used = 0;
  for (const auto& iv : ports.intervals()) {
    std::size_t cost = iv.lo == iv.hi ? 1 : 2;
    if (used + cost > kMultiportSlots) {
      lists.push_back(cur);
      cur.clear();
      used = 0;
    }
    if (!cur.empty()) cur += ',';
    cur += port_text(iv);
    used += cost;
  }
  if (!cur.empty()) lists.push_back(cur);
  return lists;
}

}  // namespace

std::vector<std::string> IptablesFrontend::permit_lines(std::string_view deciding_line,
                                                        const PermitRequest& request) const {
  std::vector<std::string_view> t = words_of(deciding_line);
  if (t.size() < 3 || t[0] != "-A") return {};
  std::string head = "-A " + std::string(t[1]) + interfaces_of(t);
  std::vector<std::string> sources;
  for (const auto& b : request.sources) sources.push_back(" -s " + b.cidr());
  if (sources.empty()) sources.emplace_back();
  std::string proto = " -p " + request.protocol;
  const auto& ivs = request.ports.intervals();
  std::vector<std::string> lines;
  for (const auto& source : sources) {
    if (ivs.size() == 1) {
      lines.push_back(head + source + proto + " --dport " + port_text(ivs[0]) + " -j ACCEPT");
      continue;
    }
    for (const auto& list : multiport_lists(request.ports))
      lines.push_back(head + source + proto + " -m multiport --dports " + list + " -j ACCEPT");
  }
  return lines;
}

}  // namespace fwlint::iptables
