// SPDX-License-Identifier: Apache-2.0
/// \file
/// Suggested lines per dialect (see fix_suggestion.h). Each builder reads
/// only the deciding line's text: the ACL or chain it belongs to, its
/// direction and interfaces; everything else comes from the flow.

#include "fwlint/report/fix_suggestion.h"

#include <algorithm>

#include "fwlint/model/ports.h"
#include "report/report_util.h"

namespace fwlint {
namespace {

/// More lines than this is not a suggestion anyone would paste.
constexpr std::size_t kMaxLines = 32;
/// iptables multiport takes at most 15 ports, a range counting as two.
constexpr std::size_t kMultiportSlots = 15;

const char* transport_text(Transport t) { return t == Transport::Udp ? "udp" : "tcp"; }

std::vector<std::string> tokens_of(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.emplace_back(line.substr(start, i - start));
  }
  return out;
}

std::string indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return std::string(line.substr(0, n));
}

/// A source block as each dialect writes it.
struct Block {
  std::string address;  ///< "192.168.1.0", "2001:db8::"
  int prefix = 0;
  bool v6 = false;
  std::string cidr() const { return address + "/" + std::to_string(prefix); }
};

/// The flow's sources (the clients, or the part of them the flow covers)
/// as CIDR blocks; empty when they are every address (the suggestion then
/// names none). Naming them keeps a rule on a global ACL or a forwarding
/// chain from opening the ports to everyone else.
std::vector<Block> source_blocks(const Flow& flow) {
  std::vector<Block> out;
  if (flow.sources.empty() || flow.sources.v4.is_all() || flow.sources.v6.is_all()) return out;
  for (const auto& iv : flow.sources.v4.intervals()) {
    std::vector<std::pair<std::uint32_t, int>> blocks;
    report_detail::cidr_blocks<std::uint32_t>(iv.lo, iv.hi, 32, blocks);
    for (auto [start, len] : blocks) out.push_back({format_ipv4(start), len, false});
  }
  for (const auto& iv : flow.sources.v6.intervals()) {
    std::vector<std::pair<u128, int>> blocks;
    report_detail::cidr_blocks<u128>(iv.lo, iv.hi, 128, blocks);
    for (auto [start, len] : blocks) out.push_back({format_ipv6(start), len, true});
  }
  return out;
}

std::string ipv4_mask(int prefix) {
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return format_ipv4(mask);
}

// ---------------------------------------------------------------- Cisco ASA

/// `any`, `host A`, `A MASK` (IPv4) or `A/LEN` (IPv6).
std::string asa_address(const Block* b) {
  if (!b) return "any";
  if ((!b->v6 && b->prefix == 32) || (b->v6 && b->prefix == 128)) return "host " + b->address;
  return b->v6 ? b->cidr() : b->address + " " + ipv4_mask(b->prefix);
}

/// The ACL a deciding line belongs to: an `access-list NAME [line N]
/// extended deny ...` entry, or the `access-group NAME ...` line an ACL's
/// implicit deny is placed on (new entries of the ACL written before it are
/// appended to the ACL, so they come before the implicit deny).
std::optional<std::string> asa_acl(const std::vector<std::string>& t) {
  if (t.size() >= 2 && t[0] == "access-group") return t[1];
  if (t.size() < 4 || t[0] != "access-list") return std::nullopt;
  std::size_t i = 2;
  if (t[i] == "line" && t.size() >= 6) i += 2;
  if (t[i] != "extended" || i + 1 >= t.size() || t[i + 1] != "deny") return std::nullopt;
  return t[1];
}

std::vector<std::string> asa_lines(const std::string& acl, const Flow& flow) {
  std::vector<const Block*> sources;
  auto blocks = source_blocks(flow);
  for (const auto& b : blocks) sources.push_back(&b);
  if (sources.empty()) sources.push_back(nullptr);
  std::vector<std::string> lines;
  for (const Block* source : sources) {
    for (const auto& iv : flow.ports.intervals()) {
      std::string ports = iv.lo == iv.hi ? "eq " + std::to_string(iv.lo)
                                         : "range " + std::to_string(iv.lo) + " " + std::to_string(iv.hi);
      lines.push_back("access-list " + acl + " extended permit " + transport_text(flow.transport) +
                      " " + asa_address(source) + " any " + ports);
    }
  }
  return lines;
}

// ------------------------------------------------------------------ iptables

/// `-i IF` / `-o IF` of the deciding rule (with a preceding `!`): the new
/// rule applies where the deciding one does, not on other interfaces.
std::string iptables_interfaces(const std::vector<std::string>& t) {
  std::string out;
  for (std::size_t i = 2; i + 1 < t.size(); ++i) {
    const std::string& o = t[i];
    if (o != "-i" && o != "-o" && o != "--in-interface" && o != "--out-interface") continue;
    if (t[i - 1] == "!") out += " !";
    out += " " + o + " " + t[i + 1];
    ++i;
  }
  return out;
}

std::vector<std::string> iptables_port_lists(const PortSet& ports) {
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
    cur += std::to_string(iv.lo);
    if (iv.hi != iv.lo) cur += ":" + std::to_string(iv.hi);
    used += cost;
  }
  if (!cur.empty()) lists.push_back(cur);
  return lists;
}

std::vector<std::string> iptables_lines(const std::vector<std::string>& t, const Flow& flow) {
  std::string head = "-A " + t[1] + iptables_interfaces(t);
  std::vector<std::string> sources;
  for (const auto& b : source_blocks(flow)) sources.push_back(" -s " + b.cidr());
  if (sources.empty()) sources.emplace_back();
  std::string proto = std::string(" -p ") + transport_text(flow.transport);
  std::vector<std::string> lines;
  const auto& ivs = flow.ports.intervals();
  for (const auto& source : sources) {
    if (ivs.size() == 1) {
      std::string port = std::to_string(ivs[0].lo);
      if (ivs[0].hi != ivs[0].lo) port += ":" + std::to_string(ivs[0].hi);
      lines.push_back(head + source + proto + " --dport " + port + " -j ACCEPT");
      continue;
    }
    for (const auto& list : iptables_port_lists(flow.ports))
      lines.push_back(head + source + proto + " -m multiport --dports " + list + " -j ACCEPT");
  }
  return lines;
}

// ------------------------------------------------------------------------ pf

/// `{ a b c }` for several items, the item alone for one.
std::string pf_list(const std::vector<std::string>& items) {
  if (items.size() == 1) return items[0];
  std::string s = "{";
  for (const auto& i : items) s += " " + i;
  return s + " }";
}

/// The direction and `on` interface of a block rule, as written there: a
/// rule without a direction blocks both, so the pass must cover both too.
std::string pf_scope(const std::vector<std::string>& t) {
  static const char* const kStop[] = {"proto", "from", "to", "all", "inet", "inet6"};
  std::string direction, on;
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (std::find(std::begin(kStop), std::end(kStop), t[i]) != std::end(kStop)) break;
    if ((t[i] == "in" || t[i] == "out") && direction.empty()) {
      direction = " " + t[i];
    } else if (t[i] == "on" && i + 1 < t.size()) {
      on = " on";
      std::size_t j = i + 1;
      if (t[j] == "!" && j + 1 < t.size()) on += " " + t[j++];
      if (t[j].front() == '{') {
        while (j < t.size()) {
          on += " " + t[j];
          if (t[j].back() == '}') break;
          ++j;
        }
      } else {
        on += " " + t[j];
      }
      i = j;
    }
  }
  return direction + " quick" + on;
}

std::vector<std::string> pf_lines(const std::vector<std::string>& t, const Flow& flow) {
  std::string line = "pass" + pf_scope(t) + " proto " + transport_text(flow.transport);
  std::vector<std::string> sources;
  for (const auto& b : source_blocks(flow)) sources.push_back(b.cidr());
  if (!sources.empty()) line += " from " + pf_list(sources);
  std::vector<std::string> ports;
  for (const auto& iv : flow.ports.intervals())
    ports.push_back(iv.lo == iv.hi ? std::to_string(iv.lo)
                                   : std::to_string(iv.lo) + ":" + std::to_string(iv.hi));
  return {line + " to any port " + pf_list(ports)};
}

// ------------------------------------------------------------------- pairing

SourceLocation first_location(const Flow& flow) {
  for (const auto& d : flow.decided_by)
    if (d.location.known()) return d.location;
  return {};
}

/// Whether `finding` can be the one made for `flow` (requirements_check:
/// one finding per flow that is not allowed, at its first located decider).
bool finding_fits(const Finding& finding, const Flow& flow) {
  const std::string& id = finding.id;
  bool blocked = flow.verdict == Verdict::Blocked;
  if (id == finding_id::kPortBlocked || id == finding_id::kDomainNotCovered) {
    if (!blocked || flow.by_replies) return false;
  } else if (id == finding_id::kReplyBlocked) {
    if (!blocked || !flow.by_replies) return false;
  } else if (id == finding_id::kResultUnknown) {
    if (flow.verdict != Verdict::Unknown) return false;
  } else {
    return false;
  }
  return first_location(flow) == finding.where;
}

/// Whether `message` contains `what` as a whole phrase ("tcp 443" in
/// "tcp 443 to", not in "tcp 443, 8443").
bool names(const std::string& message, const std::string& what) {
  for (auto at = message.find(what); at != std::string::npos; at = message.find(what, at + 1)) {
    std::size_t end = at + what.size();
    if (end == message.size() || message[end] == ' ') return true;
  }
  return false;
}

}  // namespace

std::optional<FixSuggestion> suggest_fix(std::string_view dialect, const Decider& decider,
                                         const Flow& flow) {
  if (flow.verdict != Verdict::Blocked || flow.by_replies || flow.ports.empty() ||
      !decider.location.known())
    return std::nullopt;
  const std::string& text = decider.location.text;
  std::vector<std::string> t = tokens_of(text);
  if (t.empty()) return std::nullopt;

  std::vector<std::string> lines;
  if (dialect == "asa") {
    auto acl = asa_acl(t);
    if (!acl) return std::nullopt;
    lines = asa_lines(*acl, flow);
  } else if (dialect == "iptables") {
    // A chain policy (`:OUTPUT DROP`) has no line before which a rule of
    // that chain could go; only `-A CHAIN` rules get a suggestion.
    if (t.size() < 3 || t[0] != "-A") return std::nullopt;
    lines = iptables_lines(t, flow);
  } else if (dialect == "pf") {
    if (t[0] != "block") return std::nullopt;
    lines = pf_lines(t, flow);
  } else {
    return std::nullopt;
  }
  if (lines.empty() || lines.size() > kMaxLines) return std::nullopt;

  FixSuggestion fix;
  fix.file = decider.location.file;
  fix.before_line = decider.location.line;
  std::string indent = indent_of(text);
  for (auto& l : lines) fix.lines.push_back(indent + l);
  fix.description = std::string("let ") + transport_text(flow.transport) + " " +
                    format_ports(flow.ports) + " through before line " +
                    std::to_string(fix.before_line) + " (to any destination: a rule cannot name "
                    "the required domains)";
  return fix;
}

std::vector<const Flow*> flows_of_findings(const CheckResult& check) {
  std::vector<const Flow*> out;
  std::size_t next = 0;
  for (const auto& finding : check.findings) {
    const Flow* chosen = nullptr;
    std::size_t chosen_at = 0;
    for (std::size_t j = next; j < check.flows.size(); ++j) {
      const Flow& flow = check.flows[j];
      if (!finding_fits(finding, flow)) continue;
      // Several flows can be decided on one line (tcp and udp): the message
      // names the transport and ports of its own.
      bool named = names(finding.message,
                         std::string(transport_text(flow.transport)) + " " + format_ports(flow.ports));
      if (!chosen || named) {
        chosen = &flow;
        chosen_at = j;
      }
      if (named) break;
    }
    if (chosen) next = chosen_at + 1;
    out.push_back(chosen);
  }
  return out;
}

std::vector<std::optional<FixSuggestion>> suggest_fixes(std::string_view dialect,
                                                        const CheckResult& check) {
  std::vector<std::optional<FixSuggestion>> out(check.findings.size());
  if (dialect != "asa" && dialect != "iptables" && dialect != "pf") return out;
  auto flows = flows_of_findings(check);
  for (std::size_t i = 0; i < check.findings.size(); ++i) {
    const Finding& f = check.findings[i];
    if (!flows[i] || (f.id != finding_id::kPortBlocked && f.id != finding_id::kDomainNotCovered))
      continue;
    for (const auto& d : flows[i]->decided_by) {
      if (d.location != f.where) continue;
      out[i] = suggest_fix(dialect, d, *flows[i]);
      break;
    }
  }
  return out;
}

}  // namespace fwlint
