// SPDX-License-Identifier: Apache-2.0
#include "fwlint/requirements/pack_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "fwlint/model/ports.h"
#include "fwlint/util/strings.h"

namespace fwlint {
namespace {

/// "SDK 2.9.0 and later", "SDK before 2.9.0", "SDK 3.5.0 to before 4.0.0".
std::string range_text(const VersionRange& r) {
  if (r.min && r.before) return "SDK " + r.min->text() + " to before " + r.before->text();
  if (r.min) return "SDK " + r.min->text() + " and later";
  if (r.before) return "SDK before " + r.before->text();
  return "";
}

std::string scope_text(const std::string& feature, const std::string& range) {
  if (feature.empty()) return range;
  return range.empty() ? feature : feature + ", " + range;
}

/// Everything an SDK requires, keyed by what a diff line names: (kind,
/// scope) → ports, (scope) → domains, (proxy mode with transport and
/// ports, scope) → destination addresses.
struct Needs {
  std::map<std::pair<std::string, std::string>, PortSet> ports;  // (tcp|udp, scope)
  std::map<std::string, std::vector<std::string>> domains;       // scope -> names
  std::map<std::pair<std::string, std::string>, IpSet> proxy;  // ("cloud proxy MODE: udp 443", scope)
  std::vector<std::string> flags;  // "cloud proxy only", "no published ports", ...
};


Needs needs_of(const SdkRequirements& sdk) {
  Needs n;
  for (const auto& row : sdk.ports)
    n.ports[{transport_name(row.transport), scope_text(row.feature, range_text(row.versions))}].add(row.ports);
  for (const auto& d : sdk.domains) {
    append_unique(n.domains[scope_text(d.feature, range_text(d.versions))], d.domain.text());
  }
  if (sdk.cloud_proxy_only) n.flags.push_back("cloud proxy only (no allow-list)");
  if (sdk.ports_unpublished) n.flags.push_back("no published ports");
  if (sdk.cloud_proxy) {
    if (!sdk.cloud_proxy->unpublished.empty()) n.flags.push_back("cloud proxy: no published address list");
    for (const auto& mode : sdk.cloud_proxy->modes)
      for (const auto& flow : mode.flows)
        for (Transport t : flow.transports) {
          std::string label = "cloud proxy " + mode.id + ": " + transport_name(t) + " " + format_ports(flow.ports);
          // An empty list means any public destination: the whole space.
          n.proxy[{label, flow.feature}].add(flow.addresses.empty() ? IpSet::all() : flow.addresses);
        }
  }
  return n;
}

std::string destinations_text(const IpSet& set) {
  return set == IpSet::all() ? "any destination" : format_ipset(set);
}

const SdkRequirements* counterpart(const RequirementPack& pack, const SdkRequirements& sdk) {
  if (const SdkRequirements* s = pack.find_sdk(sdk.id)) return s;
  for (const std::string& alias : sdk.aliases)
    if (const SdkRequirements* s = pack.find_sdk(alias)) return s;
  return nullptr;
}

// What `a` has that `b` has not, for each kind of requirement value.
PortSet minus(const PortSet& a, const PortSet& b) { return a.subtract(b); }
IpSet minus(const IpSet& a, const IpSet& b) { return a.subtract(b); }
std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  return out;
}

/// One '+' and one '-' line per key of either map whose values differ;
/// `describe(key, values)` gives the line's text and scope. Keys come in the
/// maps' order: tcp before udp, core before features.
template <typename Map, typename Describe>
void diff_maps(const Map& before, const Map& after, Describe describe, std::vector<PackChange>& out) {
  std::set<typename Map::key_type> keys;
  for (const auto* m : {&before, &after})
    for (const auto& entry : *m) keys.insert(entry.first);
  const typename Map::mapped_type none{};
  for (const auto& key : keys) {
    auto old_it = before.find(key), new_it = after.find(key);
    const auto& old_values = old_it == before.end() ? none : old_it->second;
    const auto& new_values = new_it == after.end() ? none : new_it->second;
    auto added = minus(new_values, old_values), removed = minus(old_values, new_values);
    if (!added.empty()) out.push_back(describe('+', key, added));
    if (!removed.empty()) out.push_back(describe('-', key, removed));
  }
}

std::vector<PackChange> compare(const SdkRequirements& old_sdk, const SdkRequirements& new_sdk) {
  std::vector<PackChange> out;
  Needs a = needs_of(old_sdk), b = needs_of(new_sdk);
  diff_maps(a.ports, b.ports, [](char sign, const auto& key, const PortSet& ports) {
    return PackChange{sign, key.first + " " + format_ports(ports), key.second};
  }, out);
  diff_maps(a.domains, b.domains, [](char sign, const std::string& scope, const std::vector<std::string>& names) {
    return PackChange{sign, "domains " + join(names), scope};
  }, out);
  diff_maps(a.proxy, b.proxy, [](char sign, const auto& key, const IpSet& destinations) {
    return PackChange{sign, key.first + " to " + destinations_text(destinations), key.second};
  }, out);
  for (const auto& flag : b.flags)
    if (std::find(a.flags.begin(), a.flags.end(), flag) == a.flags.end()) out.push_back({'~', "now " + flag, ""});
  for (const auto& flag : a.flags)
    if (std::find(b.flags.begin(), b.flags.end(), flag) == b.flags.end()) out.push_back({'~', "no longer " + flag, ""});
  return out;
}

}  // namespace

std::vector<SdkDiff> diff_packs(const RequirementPack& from, const RequirementPack& to) {
  std::vector<SdkDiff> out;
  for (const SdkRequirements& sdk : to.sdks) {
    const SdkRequirements* old_sdk = counterpart(from, sdk);
    SdkDiff d;
    d.sdk = sdk.id;
    d.kind = old_sdk ? SdkDiff::Changed : SdkDiff::Added;
    d.changes = compare(old_sdk ? *old_sdk : SdkRequirements{}, sdk);
    out.push_back(std::move(d));
  }
  for (const SdkRequirements& sdk : from.sdks) {
    if (counterpart(to, sdk)) continue;
    SdkDiff d;
    d.sdk = sdk.id;
    d.kind = SdkDiff::Removed;
    d.changes = compare(sdk, SdkRequirements{});
    out.push_back(std::move(d));
  }
  return out;
}

std::string format_pack_diff(const RequirementPack& from, const RequirementPack& to,
                             const std::vector<SdkDiff>& diffs) {
  auto dated = [](const RequirementPack& p) { return p.id() + " (" + (p.date.empty() ? "no exact date" : p.date) + ")"; };
  std::ostringstream o;
  o << dated(from) << " -> " << dated(to) << "\n";
  bool any = false;
  for (const SdkDiff& d : diffs) {
    if (d.empty()) continue;
    any = true;
    o << "\n" << d.sdk << (d.kind == SdkDiff::Added ? " (new SDK)" : d.kind == SdkDiff::Removed ? " (removed)" : "")
      << ":\n";
    for (const PackChange& c : d.changes)
      o << "  " << c.sign << " " << c.what << (c.scope.empty() ? "" : " (" + c.scope + ")") << "\n";
  }
  if (!any) o << "\nno changes\n";
  return o.str();
}

}  // namespace fwlint
