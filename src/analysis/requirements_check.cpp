// SPDX-License-Identifier: Apache-2.0
#include "fwlint/analysis/requirements_check.h"

#include "fwlint/analysis/check.h"
#include "fwlint/model/ports.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace fwlint {

const char* check_verdict_name(CheckVerdict v) {
  switch (v) {
    case CheckVerdict::Pass: return "pass";
    case CheckVerdict::Fail: return "fail";
    case CheckVerdict::Unknown: return "unknown";
    case CheckVerdict::ProxyRequired: return "proxy-required";
  }
  return "unknown";
}

CheckVerdict summarize(const std::vector<Flow>& flows) {
  bool unknown = false;
  for (const auto& f : flows) {
    if (f.verdict == Verdict::Blocked) return CheckVerdict::Fail;
    if (f.verdict == Verdict::Unknown) unknown = true;
  }
  return unknown ? CheckVerdict::Unknown : CheckVerdict::Pass;
}

namespace {

const char* transport_name(Transport t) { return t == Transport::Tcp ? "tcp" : "udp"; }

std::string join(const std::vector<std::string>& items, std::size_t max_items = 4) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > max_items) out += " and " + std::to_string(items.size() - max_items) + " more";
  return out;
}

IpSet family_part(const IpSet& s, Family f) {
  return f == Family::V4 ? IpSet{s.v4, {}} : IpSet{{}, s.v6};
}

/// A piece of the requirement space with its verdict for the whole
/// exchange: requests and, where the path filters them, replies.
struct CheckedPiece {
  Piece piece;
  bool by_replies = false;  ///< the replies decided the verdict
};

constexpr std::string_view kReplyPrefix = "replies: ";

void add_reply_deciders(std::vector<Decider>& to, const std::vector<Decider>& from) {
  for (Decider d : from) {
    d.description = std::string(kReplyPrefix) + d.description;
    to.push_back(std::move(d));
  }
}

/// Follows every request piece that may pass with its replies. A request
/// that is allowed needs its replies accepted; a request that may be
/// allowed whose replies are certainly dropped cannot work either way,
/// unless its replies could ride on state that the uncertain rule keeps.
std::vector<CheckedPiece> check_replies(const Policy& policy, const Path& path,
                                        std::vector<Piece> requests, const EvalContext& ctx) {
  std::vector<CheckedPiece> out;
  bool replies_may_ride_state = std::any_of(path.reply_stages.begin(), path.reply_stages.end(),
                                            [](const Stage& s) { return s.state_from >= 0; });
  for (auto& request : requests) {
    if (request.verdict == Verdict::Blocked || path.reply_stages.empty()) {
      out.push_back(CheckedPiece{std::move(request), false});
      continue;
    }
    for (auto& reply : evaluate_replies(policy, path, request.cube, ctx, request.stateful_stages)) {
      CheckedPiece c;
      c.piece.cube = reply.cube;
      c.piece.cube.states = request.cube.states;
      if (reply.verdict == Verdict::Blocked && request.verdict == Verdict::Unknown &&
          replies_may_ride_state) {
        c.piece.verdict = Verdict::Unknown;
        c.piece.decided_by = request.decided_by;
        add_reply_deciders(c.piece.decided_by, reply.decided_by);
      } else if (reply.verdict == Verdict::Blocked) {
        c.piece.verdict = Verdict::Blocked;
        c.by_replies = true;
        c.piece.decided_by = std::move(reply.decided_by);
      } else if (reply.verdict == Verdict::Unknown) {
        c.piece.verdict = Verdict::Unknown;
        c.by_replies = request.verdict == Verdict::Allowed;
        if (!c.by_replies) c.piece.decided_by = request.decided_by;
        add_reply_deciders(c.piece.decided_by, reply.decided_by);
      } else {
        c.piece.verdict = request.verdict;
        c.piece.decided_by = request.decided_by;
        if (request.verdict == Verdict::Allowed) add_reply_deciders(c.piece.decided_by, reply.decided_by);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

/// Groups evaluated pieces into flows: pieces with the same verdict and
/// deciding lines are merged whenever they differ in one dimension only
/// (sources, source ports, domains or ports), so splits caused by unrelated
/// rules vanish. Unknown pieces group by their first reason alone and list
/// every line that contributed doubt: the user has one thing to look at.
/// Allowed pieces group by the lines that allowed their requests.
std::vector<Flow> group_flows(Transport transport, const std::vector<CheckedPiece>& pieces,
                              const EvalContext& ctx, const IpSet& all_sources) {
  struct Part {
    PortSet source_ports;
    IpSet sources;
    AtomSet atoms;
    PortSet ports;
  };
  struct Group {
    std::vector<Decider> deciders;
    std::vector<Part> parts;
  };
  auto decider_key = [](const Decider& d) { return std::to_string(d.location.line) + ":" + d.description; };
  using Key = std::tuple<Verdict, bool, std::vector<std::string>>;
  std::map<Key, Group> groups;
  for (const auto& checked : pieces) {
    const Piece& p = checked.piece;
    std::vector<std::string> deciders;
    for (const auto& d : p.decided_by) {
      // An allowed piece is told apart by the lines that allowed its
      // requests; the lines that let its replies back are only listed.
      if (p.verdict == Verdict::Allowed && d.description.starts_with(kReplyPrefix)) continue;
      deciders.push_back(decider_key(d));
      if (p.verdict == Verdict::Unknown) break;
    }
    Group& g = groups[Key{p.verdict, checked.by_replies, std::move(deciders)}];
    for (const auto& d : p.decided_by)
      if (std::find(g.deciders.begin(), g.deciders.end(), d) == g.deciders.end()) g.deciders.push_back(d);
    g.parts.push_back(Part{p.cube.src_ports, p.cube.src, p.cube.dst_atoms, p.cube.dst_ports});
  }
  // Merging passes are cubic in the worst case; beyond this many parts per group the
  // flows are reported as evaluated.
  constexpr std::size_t kMergeLimit = 300;
  std::vector<Flow> flows;
  for (auto& [key, group] : groups) {
    auto& parts = group.parts;
    for (bool merged = parts.size() <= kMergeLimit; merged;) {
      merged = false;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
          Part& a = parts[i];
          const Part& b = parts[j];
          bool same_sport = a.source_ports == b.source_ports, same_src = a.sources == b.sources,
               same_atoms = a.atoms == b.atoms, same_ports = a.ports == b.ports;
          if (same_sport && same_src && same_atoms) a.ports.add(b.ports);
          else if (same_sport && same_src && same_ports) a.atoms.add(b.atoms);
          else if (same_sport && same_atoms && same_ports) a.sources.add(b.sources);
          else if (same_src && same_atoms && same_ports) a.source_ports.add(b.source_ports);
          else continue;
          parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(j));
          merged = true;
          --j;
        }
      }
    }
    for (const auto& part : parts) {
      Flow f;
      f.transport = transport;
      f.ports = part.ports;
      for (const auto& iv : part.atoms.intervals())
        for (std::uint32_t a = iv.lo; a <= iv.hi; ++a) f.domains.push_back(ctx.domains[a].text());
      f.sources = part.sources;
      f.source_ports = part.source_ports;
      f.all_sources = part.sources == all_sources;
      f.verdict = std::get<0>(key);
      f.by_replies = std::get<1>(key);
      f.decided_by = group.deciders;
      flows.push_back(std::move(f));
    }
  }
  return flows;
}

/// Where a finding about `flow` is reported: its first located decider.
SourceLocation finding_location(const Flow& flow) {
  for (const auto& d : flow.decided_by)
    if (d.location.known()) return d.location;
  return {};
}

/// Findings start with what they are about: the SDK, and the path when the
/// device has several (the same line can decide on each of them).
void add_findings(CheckResult& check, bool several_paths) {
  const std::string subject = several_paths ? check.sdk + ", " + check.path : check.sdk;
  for (const auto& flow : check.flows) {
    if (flow.verdict == Verdict::Allowed) continue;
    Finding f;
    f.sdk = check.sdk;
    f.path = check.path;
    f.where = finding_location(flow);
    std::string what = std::string(transport_name(flow.transport)) + " " + format_ports(flow.ports);
    std::string to = flow.domains.empty() ? "" : " to " + join(flow.domains);
    std::string from = flow.all_sources ? "" : " from " + format_ipset(flow.sources);
    if (!flow.source_ports.is_all()) from += " source port " + format_ports(flow.source_ports);
    if (flow.verdict == Verdict::Unknown) {
      f.id = finding_id::kResultUnknown;
      f.severity = Severity::Warning;
      std::string why;
      for (const auto& d : flow.decided_by)
        if (d.location.known() && why.empty()) why = d.description;
      f.message = subject + ": cannot decide whether " +
                  (flow.by_replies ? "replies of " + what + to + from + " are accepted"
                                   : what + to + from + " is allowed") +
                  (why.empty() ? "" : " (" + why + ")");
      check.findings.push_back(std::move(f));
      continue;
    }
    std::string by = f.where.known() ? " by line " + std::to_string(f.where.line) : "";
    if (flow.by_replies) {
      f.id = finding_id::kReplyBlocked;
      f.severity = Severity::Error;
      f.message = subject + ": replies of " + what + to + from + " are dropped" + by +
                  "; the connection cannot be set up (accept ESTABLISHED packets)";
      check.findings.push_back(std::move(f));
      continue;
    }
    // Blocked: a domain problem when the same ports are allowed to another
    // required domain of this check, a port problem otherwise.
    bool ports_open_elsewhere = false;
    for (const auto& other : check.flows)
      if (other.verdict == Verdict::Allowed && other.transport == flow.transport &&
          other.ports.intersects(flow.ports) && !other.sources.intersect(flow.sources).empty() &&
          other.source_ports.intersects(flow.source_ports))
        ports_open_elsewhere = true;
    f.severity = Severity::Error;
    if (ports_open_elsewhere && !flow.domains.empty()) {
      f.id = finding_id::kDomainNotCovered;
      f.message = subject + ": required domain " + join(flow.domains) + " is not covered on " +
                  what + from + "; it is blocked" + by;
    } else {
      f.id = finding_id::kPortBlocked;
      f.message = subject + ": required " + what + to + from + " is blocked" + by;
    }
    check.findings.push_back(std::move(f));
  }
}

CheckResult check_one(const Policy& policy, const Path& path, const SdkRequirements& sdk,
                      const CheckOptions& options, Family family) {
  CheckResult r;
  r.sdk = sdk.id;
  r.sdk_title = sdk.title;
  r.pack = options.pack ? options.pack->id() : "";
  r.path = path.name;
  r.family = family;
  auto version = options.sdk_version ? options.sdk_version : sdk.latest_version;
  r.sdk_version = version ? version->text() : "";
  SdkFlows need = flows_for(sdk, version);

  IpSet sources = family_part(options.sources ? *options.sources : path.default_sources, family);
  r.sources = options.sources ? format_ipset(sources)
                              : format_ipset(sources) +
                                    (path.sources_description.empty() ? "" : " (" + path.sources_description + ")");

  EvalContext ctx;
  ctx.family = family;
  ctx.domains = need.domains;
  for (const auto& d : ctx.domains) {
    auto it = options.resolutions.find(d.text());
    ctx.resolutions.push_back(it == options.resolutions.end() ? IpSet{} : family_part(it->second, family));
  }
  for (Transport t : {Transport::Tcp, Transport::Udp}) {
    PortSet ports;
    for (const auto& row : need.ports)
      if (row.transport == t) ports.add(row.ports);
    if (ports.empty()) continue;
    Cube space;
    space.protocols = ProtocolSet::single(static_cast<std::uint8_t>(t));
    space.src_ports = PortSet::all();
    space.dst_ports = ports;
    space.src = sources;
    if (ctx.domains.empty())
      space.dst_addresses = family_part(public_addresses(), family);
    else
      space.dst_atoms = AtomSet::range(0, static_cast<std::uint32_t>(ctx.domains.size() - 1));
    space.states = kStateNew;
    auto pieces = check_replies(policy, path, evaluate_path(policy, path, space, ctx), ctx);
    auto flows = group_flows(t, pieces, ctx, sources);
    r.flows.insert(r.flows.end(), flows.begin(), flows.end());
  }
  r.verdict = summarize(r.flows);
  add_findings(r, policy.paths.size() > 1);
  return r;
}

/// A check that evaluates nothing: only one finding explains why.
CheckResult finding_only(const SdkRequirements& sdk, const CheckOptions& options,
                         CheckVerdict verdict, const char* id, Severity severity,
                         std::string message) {
  CheckResult r;
  r.sdk = sdk.id;
  r.sdk_title = sdk.title;
  r.pack = options.pack ? options.pack->id() : "";
  r.path = "-";
  r.verdict = verdict;
  Finding f;
  f.id = id;
  f.severity = severity;
  f.sdk = sdk.id;
  f.path = r.path;
  f.message = sdk.id + ": " + std::move(message);
  r.findings.push_back(std::move(f));
  return r;
}

}  // namespace

std::vector<CheckResult> run_requirement_checks(const Policy& policy, const CheckOptions& options) {
  std::vector<CheckResult> results;
  std::vector<const SdkRequirements*> sdks = options.sdks;
  if (sdks.empty() && options.pack)
    for (const auto& s : options.pack->sdks) sdks.push_back(&s);
  std::vector<Family> families{Family::V4};
  if (options.ipv6) families.push_back(Family::V6);
  for (const SdkRequirements* sdk : sdks) {
    if (sdk->cloud_proxy_only) {
      results.push_back(finding_only(
          *sdk, options, CheckVerdict::ProxyRequired, finding_id::kNeedsCloudProxy, Severity::Note,
          sdk->title + " cannot be allow-listed by ports and domains; the pack's source recommends "
                       "the cloud proxy service instead (nothing to check in this config)"));
      continue;
    }
    if (policy.paths.empty()) {
      results.push_back(finding_only(*sdk, options, CheckVerdict::Unknown, finding_id::kResultUnknown,
                                     Severity::Warning,
                                     "no path through the device could be determined, nothing was checked"));
      continue;
    }
    std::size_t checked = 0;
    for (const Path& path : policy.paths) {
      for (Family family : families) {
        // A family without client addresses (an ip6tables dump checked for
        // IPv4) has nothing to evaluate; an empty check would read as PASS.
        const IpSet& sources = options.sources ? *options.sources : path.default_sources;
        if (family_part(sources, family).empty()) continue;
        results.push_back(check_one(policy, path, *sdk, options, family));
        ++checked;
      }
    }
    if (checked == 0)
      results.push_back(finding_only(*sdk, options, CheckVerdict::Unknown, finding_id::kResultUnknown,
                                     Severity::Warning,
                                     "no client addresses of the checked address families; nothing was "
                                     "checked (use --ipv6 for an IPv6 policy, or --source)"));
  }
  return results;
}

namespace {

/// Connectivity requirements of the selected packs and SDKs (FWL001–FWL004).
class RequirementsCheck : public Check {
 public:
  std::string name() const override { return "requirements"; }
  std::string description() const override {
    return "required ports and domains of the selected SDKs are reachable";
  }
  std::vector<CheckResult> run(const Policy& policy, const CheckOptions& options) const override {
    return run_requirement_checks(policy, options);
  }
};

CheckRegistration<RequirementsCheck> registration;

}  // namespace

volatile int kRequirementsCheckAnchor = 0;

}  // namespace fwlint
