// SPDX-License-Identifier: Apache-2.0
#include "fwlint/analysis/requirements_check.h"

#include "fwlint/analysis/check.h"
#include "fwlint/model/ports.h"
#include "fwlint/util/strings.h"

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
/// Decider of a blocked flow of an SDK without published ports whose
/// domains other ports reach (see settle_unpublished_ports).
constexpr std::string_view kSomePortsOpen = "no published ports; other ports to these domains are allowed";

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
                              const EvalContext& ctx, const IpSet& all_sources,
                              bool track_destinations) {
  struct Part {
    PortSet source_ports;
    IpSet sources;
    AtomSet atoms;
    PortSet ports;
    IpSet destinations;  ///< only when the requirement names addresses
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
    g.parts.push_back(Part{p.cube.src_ports, p.cube.src, p.cube.dst_atoms, p.cube.dst_ports,
                           track_destinations ? p.cube.dst_addresses : IpSet{}});
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
               same_atoms = a.atoms == b.atoms, same_ports = a.ports == b.ports,
               same_dst = a.destinations == b.destinations;
          if (same_sport && same_src && same_atoms && same_dst) a.ports.add(b.ports);
          else if (same_sport && same_src && same_ports && same_dst) a.atoms.add(b.atoms);
          else if (same_sport && same_atoms && same_ports && same_dst) a.sources.add(b.sources);
          else if (same_src && same_atoms && same_ports && same_dst) a.source_ports.add(b.source_ports);
          else if (same_sport && same_src && same_atoms && same_ports) a.destinations.add(b.destinations);
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
      f.destinations = part.destinations;
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

/// How findings of one check name what they are about.
struct Subject {
  std::string text;             ///< "rtc-web", "agora@2020-09 rtc-web, inside -> outside"
  bool ports_unpublished = false;  ///< the SDK's source lists no ports
};

/// Findings start with what they are about: the SDK, and the path when the
/// device has several (the same line can decide on each of them).
void add_findings(CheckResult& check, const Subject& about) {
  const std::string& subject = about.text;
  for (const auto& flow : check.flows) {
    if (flow.verdict == Verdict::Allowed) continue;
    Finding f;
    f.sdk = check.sdk;
    f.path = check.path;
    f.where = finding_location(flow);
    std::string what = std::string(transport_name(flow.transport)) + " " + format_ports(flow.ports);
    if (!flow.feature.empty()) what += " for " + flow.feature;
    std::string to = !flow.domains.empty()         ? " to " + join(flow.domains)
                     : !flow.destinations.empty() ? " to " + format_ipset(flow.destinations)
                                                   : "";
    std::string from = flow.all_sources ? "" : " from " + format_ipset(flow.sources);
    if (!flow.source_ports.is_all()) from += " source port " + format_ports(flow.source_ports);
    std::string by = f.where.known() ? " by line " + std::to_string(f.where.line) : "";
    if (flow.verdict == Verdict::Unknown && about.ports_unpublished && !flow.by_replies &&
        !flow.decided_by.empty() && flow.decided_by.front().description == kSomePortsOpen) {
      // Blocked here, but other ports to the same domains pass and the
      // source does not say which ports the SDK uses.
      f.id = finding_id::kResultUnknown;
      f.severity = Severity::Warning;
      f.message = subject + ": " + what + to + from + " is blocked" + by +
                  " while other ports to it are allowed; the source lists no ports for this SDK, "
                  "so whether it needs these cannot be decided";
      check.findings.push_back(std::move(f));
      continue;
    }
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
    if (flow.by_replies) {
      f.id = finding_id::kReplyBlocked;
      f.severity = Severity::Error;
      f.message = subject + ": replies of " + what + to + from + " are dropped" + by +
                  "; without its replies the connection cannot be set up";
      check.findings.push_back(std::move(f));
      continue;
    }
    f.severity = Severity::Error;
    if (about.ports_unpublished && !flow.domains.empty()) {
      f.id = finding_id::kDomainNotCovered;
      f.message = subject + ": required domain " + join(flow.domains) + " is blocked on every " +
                  transport_name(flow.transport) + " port" + from + by +
                  " (the source lists no ports for this SDK)";
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

/// Requirement space evaluated in one go: one feature's flows towards one
/// set of domains, or towards listed addresses (cloud proxy), or towards any
/// public destination.
struct Target {
  Transport transport = Transport::Tcp;
  PortSet ports;
  IpSet addresses;  ///< empty = the unit's domains, or any public destination
};
struct Unit {
  std::string feature;
  std::vector<DomainName> domains;
  std::vector<Target> targets;
  bool addressed = false;  ///< targets name their destination addresses
};

std::vector<Flow> evaluate_unit(const Policy& policy, const Path& path, const Unit& unit,
                                const CheckOptions& options, Family family, const IpSet& sources) {
  EvalContext ctx;
  ctx.family = family;
  ctx.domains = unit.domains;
  for (const auto& d : ctx.domains) {
    auto it = options.resolutions.find(d.text());
    ctx.resolutions.push_back(it == options.resolutions.end() ? IpSet{} : family_part(it->second, family));
  }
  std::vector<Flow> flows;
  for (Transport t : {Transport::Tcp, Transport::Udp}) {
    // Every target of a transport is grouped together, so that rows cut
    // apart only by the source's layout (one row per region) merge again.
    std::vector<CheckedPiece> pieces;
    for (const Target& target : unit.targets) {
      if (target.transport != t || target.ports.empty()) continue;
      Cube space;
      space.protocols = ProtocolSet::single(static_cast<std::uint8_t>(t));
      space.src_ports = PortSet::all();
      space.dst_ports = target.ports;
      space.src = sources;
      if (!target.addresses.empty()) {
        space.dst_addresses = family_part(target.addresses, family);
        if (space.dst_addresses.empty()) continue;  // the list has no address of this family
      } else if (ctx.domains.empty()) {
        space.dst_addresses = family_part(public_addresses(), family);
      } else {
        space.dst_atoms = AtomSet::range(0, static_cast<std::uint32_t>(ctx.domains.size() - 1));
      }
      space.states = kStateNew;
      auto checked = check_replies(policy, path, evaluate_path(policy, path, space, ctx), ctx);
      pieces.insert(pieces.end(), std::make_move_iterator(checked.begin()),
                    std::make_move_iterator(checked.end()));
    }
    if (pieces.empty()) continue;
    for (auto& flow : group_flows(t, pieces, ctx, sources, unit.addressed)) {
      flow.feature = unit.feature;
      flows.push_back(std::move(flow));
    }
  }
  return flows;
}

/// For an SDK whose source names domains but no ports: a domain that some
/// port reaches may be all the SDK needs, so its blocked ports are unknown;
/// a domain blocked on every port stays blocked.
void settle_unpublished_ports(std::vector<Flow>& flows) {
  std::vector<std::string> reachable;
  for (const auto& f : flows)
    if (f.verdict != Verdict::Blocked)
      for (const auto& d : f.domains) append_unique(reachable, d);
  std::vector<Flow> out;
  for (auto& f : flows) {
    if (f.verdict != Verdict::Blocked || f.by_replies) {
      out.push_back(std::move(f));
      continue;
    }
    Flow open_elsewhere = f;
    open_elsewhere.domains.clear();
    std::vector<std::string> blocked_everywhere;
    for (const auto& d : f.domains)
      (std::find(reachable.begin(), reachable.end(), d) != reachable.end() ? open_elsewhere.domains
                                                                            : blocked_everywhere)
          .push_back(d);
    if (!open_elsewhere.domains.empty()) {
      open_elsewhere.verdict = Verdict::Unknown;
      open_elsewhere.decided_by.insert(open_elsewhere.decided_by.begin(),
                                       Decider{{}, std::string(kSomePortsOpen)});
      out.push_back(std::move(open_elsewhere));
    }
    if (!blocked_everywhere.empty()) {
      f.domains = std::move(blocked_everywhere);
      out.push_back(std::move(f));
    }
  }
  flows = std::move(out);
}

/// The flows one check evaluates: the SDK's allow-list (core and each
/// feature not left out), or one cloud-proxy mode.
std::vector<Unit> allow_list_units(const SdkRequirements& sdk, const std::optional<SdkVersion>& version,
                                   const CheckOptions& options, std::vector<std::string>& features) {
  std::vector<Unit> units;
  for (auto& group : flow_groups(sdk, version, options.without)) {
    Unit unit;
    unit.feature = group.feature;
    unit.domains = std::move(group.domains);
    if (!unit.feature.empty()) features.push_back(unit.feature);
    if (sdk.ports_unpublished) {
      for (Transport t : {Transport::Tcp, Transport::Udp})
        unit.targets.push_back({t, PortSet::range(1, 65535), {}});
    }
    for (const auto& row : group.ports) unit.targets.push_back({row.transport, row.ports, {}});
    units.push_back(std::move(unit));
  }
  return units;
}

std::vector<Unit> proxy_units(const ProxyMode& mode, const CheckOptions& options,
                              std::vector<std::string>& features) {
  std::vector<Unit> units;
  // Flows to listed addresses report them; flows to any destination (DNS)
  // go into a unit of their own so that they do not list the whole Internet.
  auto unit_of = [&](const std::string& feature, bool addressed) -> Unit& {
    for (auto& u : units)
      if (u.feature == feature && u.addressed == addressed) return u;
    units.push_back(Unit{feature, {}, {}, addressed});
    append_unique(features, feature);
    return units.back();
  };
  auto wanted = [](const std::vector<std::string>& list, const std::string& item) {
    return list.empty() || std::find(list.begin(), list.end(), item) != list.end();
  };
  for (const auto& flow : mode.flows) {
    if (!flow.feature.empty() &&
        std::find(options.without.begin(), options.without.end(), flow.feature) != options.without.end())
      continue;
    if (!flow.region.empty() && !wanted(options.proxy_regions, flow.region)) continue;
    Unit& unit = unit_of(flow.feature, !flow.addresses.empty());
    // Rows that differ only in their addresses (one per region and service)
    // are one requirement space: evaluated once, the policy is walked once.
    for (Transport t : flow.transports) {
      auto same = std::find_if(unit.targets.begin(), unit.targets.end(), [&](const Target& other) {
        return other.transport == t && other.ports == flow.ports;
      });
      if (same != unit.targets.end())
        same->addresses.add(flow.addresses);
      else
        unit.targets.push_back({t, flow.ports, flow.addresses});
    }
  }
  return units;
}

CheckResult check_one(const Policy& policy, const Path& path, const RequirementPack& pack,
                      const SdkRequirements& sdk, const ProxyMode* mode, const CheckOptions& options,
                      Family family, bool several_packs) {
  CheckResult r;
  r.sdk = sdk.id;
  r.sdk_title = sdk.title;
  r.pack = pack.id();
  r.path = path.name;
  r.family = family;
  auto version = options.sdk_version ? options.sdk_version : sdk.latest_version;
  r.sdk_version = version ? version->text() : "";
  if (mode) r.proxy_mode = mode->id;
  for (const auto& f : mode ? sdk.proxy_features() : sdk.features())
    if (std::find(options.without.begin(), options.without.end(), f) != options.without.end())
      r.features_left_out.push_back(f);
  std::vector<Unit> units = mode ? proxy_units(*mode, options, r.features)
                                 : allow_list_units(sdk, version, options, r.features);

  IpSet sources = family_part(options.sources ? *options.sources : path.default_sources, family);
  r.sources = options.sources ? format_ipset(sources)
                              : format_ipset(sources) +
                                    (path.sources_description.empty() ? "" : " (" + path.sources_description + ")");
  for (const Unit& unit : units) {
    auto flows = evaluate_unit(policy, path, unit, options, family, sources);
    r.flows.insert(r.flows.end(), flows.begin(), flows.end());
  }
  if (sdk.ports_unpublished && !mode) settle_unpublished_ports(r.flows);
  r.verdict = summarize(r.flows);
  Subject about;
  about.text = (several_packs ? pack.id() + " " : "") + sdk.id +
               (mode ? " (cloud proxy " + mode->id + ")" : "") +
               (policy.paths.size() > 1 ? ", " + path.name : "");
  about.ports_unpublished = sdk.ports_unpublished && !mode;
  add_findings(r, about);
  return r;
}

/// A check that evaluates nothing: only one finding explains why.
CheckResult finding_only(const RequirementPack& pack, const SdkRequirements& sdk, CheckVerdict verdict,
                         const char* id, Severity severity, std::string message, bool several_packs) {
  CheckResult r;
  r.sdk = sdk.id;
  r.sdk_title = sdk.title;
  r.pack = pack.id();
  r.path = "-";
  r.verdict = verdict;
  Finding f;
  f.id = id;
  f.severity = severity;
  f.sdk = sdk.id;
  f.path = r.path;
  f.message = (several_packs ? pack.id() + " " : "") + sdk.id + ": " + std::move(message);
  r.findings.push_back(std::move(f));
  return r;
}

/// The cloud-proxy modes of `sdk` that this run checks.
std::vector<const ProxyMode*> selected_modes(const SdkRequirements& sdk, const CheckOptions& options) {
  std::vector<const ProxyMode*> modes;
  if (!sdk.cloud_proxy) return modes;
  for (const auto& m : sdk.cloud_proxy->modes)
    if (options.proxy_modes.empty() ||
        std::find(options.proxy_modes.begin(), options.proxy_modes.end(), m.id) != options.proxy_modes.end())
      modes.push_back(&m);
  return modes;
}

std::string mode_list(const CloudProxy& proxy) {
  std::string out;
  for (const auto& m : proxy.modes) out += (out.empty() ? "" : ", ") + m.id;
  return out;
}

}  // namespace

std::vector<CheckResult> run_requirement_checks(const Policy& policy, const CheckOptions& options) {
  std::vector<CheckResult> results;
  std::vector<PackSelection> selections = options.packs;
  if (selections.empty() && options.pack) selections.push_back({options.pack, options.sdks});
  const bool several_packs = selections.size() > 1;
  std::vector<Family> families{Family::V4};
  if (options.ipv6) families.push_back(Family::V6);
  for (const PackSelection& selection : selections) {
    const RequirementPack& pack = *selection.pack;
    std::vector<const SdkRequirements*> sdks = selection.sdks;
    if (sdks.empty())
      for (const auto& s : pack.sdks)
        if (s.checked_by_default) sdks.push_back(&s);
    for (const SdkRequirements* sdk : sdks) {
      auto note = [&](std::string message) {
        results.push_back(finding_only(pack, *sdk, CheckVerdict::ProxyRequired, finding_id::kNeedsCloudProxy,
                                       Severity::Note, std::move(message), several_packs));
      };
      std::vector<const ProxyMode*> modes;  // empty: the allow-list is checked
      if (options.cloud_proxy && sdk->cloud_proxy) {
        const CloudProxy& proxy = *sdk->cloud_proxy;
        if (!proxy.unpublished.empty()) {
          note("the source publishes no cloud-proxy address list for " + sdk->title + ": " +
               proxy.unpublished + (proxy.unpublished.back() == '.' ? "" : ".") +
               " Put the addresses and ports you receive into a pack's cloud_proxy section and "
               "check it with --rules (see rules/README.md).");
          continue;
        }
        modes = selected_modes(*sdk, options);
        if (modes.empty()) {
          note("no selected cloud-proxy mode applies to " + sdk->title + " (its modes: " +
               mode_list(proxy) + ")");
          continue;
        }
      } else if (sdk->cloud_proxy_only) {
        note(sdk->title + " cannot be allow-listed by ports and domains, so nothing in this config is "
                          "checked for it. The pack's source: " +
             sdk->proxy_note +
             (sdk->cloud_proxy && !sdk->cloud_proxy->modes.empty()
                  ? " (--cloud-proxy checks what the proxy needs)"
                  : ""));
        continue;
      }
      if (policy.paths.empty()) {
        results.push_back(finding_only(pack, *sdk, CheckVerdict::Unknown, finding_id::kResultUnknown,
                                       Severity::Warning,
                                       "no path through the device could be determined, nothing was checked",
                                       several_packs));
        continue;
      }
      if (modes.empty()) modes.push_back(nullptr);
      std::size_t checked = 0;
      for (const ProxyMode* mode : modes) {
        for (const Path& path : policy.paths) {
          for (Family family : families) {
            // A family without client addresses (an ip6tables dump checked for
            // IPv4) has nothing to evaluate; an empty check would read as PASS.
            const IpSet& sources = options.sources ? *options.sources : path.default_sources;
            if (family_part(sources, family).empty()) continue;
            results.push_back(check_one(policy, path, pack, *sdk, mode, options, family, several_packs));
            ++checked;
          }
        }
      }
      if (checked == 0)
        results.push_back(finding_only(pack, *sdk, CheckVerdict::Unknown, finding_id::kResultUnknown,
                                       Severity::Warning,
                                       "no client addresses of the checked address families; nothing was "
                                       "checked (use --ipv6 for an IPv6 policy, or --source)",
                                       several_packs));
    }
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
