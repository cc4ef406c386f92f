// SPDX-License-Identifier: Apache-2.0
#include "fwlint/requirements/pack_diff.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

#include "fwlint/model/ports.h"

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
/// scope) → ports, (scope) → domains, (proxy mode, transport, ports,
/// scope) → destination addresses.
struct Needs {
  std::map<std::pair<std::string, std::string>, PortSet> ports;  // (tcp|udp, scope)
  std::map<std::string, std::vector<std::string>> domains;       // scope -> names
  std::map<std::tuple<std::string, std::string, std::string>, IpSet> proxy;  // (label, ports, scope)
  std::vector<std::string> flags;  // "cloud proxy only", "no published ports", ...
};

const char* transport_text(Transport t) { return t == Transport::Tcp ? "tcp" : "udp"; }

Needs needs_of(const SdkRequirements& sdk) {
  Needs n;
  for (const auto& row : sdk.ports)
    n.ports[{transport_text(row.transport), scope_text(row.feature, range_text(row.versions))}].add(row.ports);
  for (const auto& d : sdk.domains) {
    auto& list = n.domains[scope_text(d.feature, range_text(d.versions))];
    if (std::find(list.begin(), list.end(), d.domain.text()) == list.end()) list.push_back(d.domain.text());
  }
  if (sdk.cloud_proxy_only) n.flags.push_back("cloud proxy only (no allow-list)");
  if (sdk.ports_unpublished) n.flags.push_back("no published ports");
  if (sdk.cloud_proxy) {
    if (!sdk.cloud_proxy->unpublished.empty()) n.flags.push_back("cloud proxy: no published address list");
    for (const auto& mode : sdk.cloud_proxy->modes)
      for (const auto& flow : mode.flows)
        for (Transport t : flow.transports) {
          std::string label = "cloud proxy " + mode.id + ": " + transport_text(t) + " " + format_ports(flow.ports);
          // An empty list means any public destination: the whole space.
          n.proxy[{label, "", flow.feature}].add(flow.addresses.empty() ? IpSet::all() : flow.addresses);
        }
  }
  return n;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
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

template <typename Map, typename Value>
const Value* find_in(const Map& map, const typename Map::key_type& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

std::vector<PackChange> compare(const SdkRequirements& old_sdk, const SdkRequirements& new_sdk) {
  std::vector<PackChange> out;
  Needs a = needs_of(old_sdk), b = needs_of(new_sdk);
  // Ports: both sides' keys, tcp before udp, core before features.
  std::vector<std::pair<std::string, std::string>> port_keys;
  for (const auto* n : {&a, &b})
    for (const auto& [key, _] : n->ports)
      if (std::find(port_keys.begin(), port_keys.end(), key) == port_keys.end()) port_keys.push_back(key);
  std::sort(port_keys.begin(), port_keys.end());
  for (const auto& key : port_keys) {
    PortSet none;
    const PortSet* before = find_in<decltype(a.ports), PortSet>(a.ports, key);
    const PortSet* after = find_in<decltype(b.ports), PortSet>(b.ports, key);
    PortSet added = (after ? *after : none).subtract(before ? *before : none);
    PortSet removed = (before ? *before : none).subtract(after ? *after : none);
    if (!added.empty()) out.push_back({'+', key.first + " " + format_ports(added), key.second});
    if (!removed.empty()) out.push_back({'-', key.first + " " + format_ports(removed), key.second});
  }
  std::vector<std::string> domain_scopes;
  for (const auto* n : {&a, &b})
    for (const auto& [scope, _] : n->domains)
      if (std::find(domain_scopes.begin(), domain_scopes.end(), scope) == domain_scopes.end())
        domain_scopes.push_back(scope);
  std::sort(domain_scopes.begin(), domain_scopes.end());
  for (const auto& scope : domain_scopes) {
    std::vector<std::string> none;
    const auto& before = a.domains.count(scope) ? a.domains.at(scope) : none;
    const auto& after = b.domains.count(scope) ? b.domains.at(scope) : none;
    std::vector<std::string> added, removed;
    for (const auto& d : after)
      if (std::find(before.begin(), before.end(), d) == before.end()) added.push_back(d);
    for (const auto& d : before)
      if (std::find(after.begin(), after.end(), d) == after.end()) removed.push_back(d);
    if (!added.empty()) out.push_back({'+', "domains " + join(added), scope});
    if (!removed.empty()) out.push_back({'-', "domains " + join(removed), scope});
  }
  std::vector<std::tuple<std::string, std::string, std::string>> proxy_keys;
  for (const auto* n : {&a, &b})
    for (const auto& [key, _] : n->proxy)
      if (std::find(proxy_keys.begin(), proxy_keys.end(), key) == proxy_keys.end()) proxy_keys.push_back(key);
  for (const auto& key : proxy_keys) {
    IpSet none;
    const IpSet* before = find_in<decltype(a.proxy), IpSet>(a.proxy, key);
    const IpSet* after = find_in<decltype(b.proxy), IpSet>(b.proxy, key);
    IpSet added = (after ? *after : none).subtract(before ? *before : none);
    IpSet removed = (before ? *before : none).subtract(after ? *after : none);
    const std::string& scope = std::get<2>(key);
    if (!added.empty()) out.push_back({'+', std::get<0>(key) + " to " + destinations_text(added), scope});
    if (!removed.empty()) out.push_back({'-', std::get<0>(key) + " to " + destinations_text(removed), scope});
  }
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
