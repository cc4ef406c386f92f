// SPDX-License-Identifier: Apache-2.0
/// \file
/// Suggested lines before a deciding line (see fix_suggestion.h). The
/// dialect's frontend writes them (Frontend::permit_lines) from the deciding
/// line's text and a dialect-neutral request; this file pairs findings with
/// flows, names the clients and places the lines.

#include "fwlint/report/fix_suggestion.h"

#include <algorithm>

#include "fwlint/frontends/frontend.h"
#include "fwlint/model/ports.h"
#include "report/report_util.h"

namespace fwlint {
namespace {

/// More lines than this is not a suggestion anyone would paste.
constexpr std::size_t kMaxLines = 32;

std::string indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return std::string(line.substr(0, n));
}

/// The flow's sources (the clients, or the part of them the flow covers)
/// as CIDR blocks; empty when they are every address (the suggestion then
/// names none). Naming them keeps a rule on a global ACL or a forwarding
/// chain from opening the ports to everyone else.
std::vector<AddressBlock> source_blocks(const Flow& flow) {
  std::vector<AddressBlock> out;
  // Every address a client can have (the default of a check without
  // --source) is no restriction worth writing.
  const IpSet& clients = client_addresses();
  bool every_client = (!flow.sources.v4.empty() && flow.sources.v4.includes(clients.v4)) ||
                      (!flow.sources.v6.empty() && flow.sources.v6.includes(clients.v6));
  if (flow.sources.empty() || every_client) return out;
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
  const Frontend* frontend = FrontendRegistry::instance().find(dialect);
  if (!frontend) return std::nullopt;
  const std::string& text = decider.location.text;
  PermitRequest request{transport_name(flow.transport), flow.ports, source_blocks(flow)};
  std::vector<std::string> lines = frontend->permit_lines(text, request);
  if (lines.empty() || lines.size() > kMaxLines) return std::nullopt;

  FixSuggestion fix;
  fix.file = decider.location.file;
  fix.before_line = decider.location.line;
  std::string indent = indent_of(text);
  for (auto& l : lines) fix.lines.push_back(indent + l);
  fix.description = std::string("let ") + transport_name(flow.transport) + " " +
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
                         std::string(transport_name(flow.transport)) + " " + format_ports(flow.ports));
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
