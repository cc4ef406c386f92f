// SPDX-License-Identifier: Apache-2.0
#include "fwlint/requirements/pack_diff.h"

#include <algorithm>
#include <sstream>

#include "fwlint/model/ports.h"

namespace fwlint {
namespace {

struct Needs {
  PortSet tcp, udp;
  std::vector<std::string> domains;
};

Needs needs_of(const SdkRequirements& sdk) {
  Needs n;
  SdkFlows flows = flows_for(sdk, std::nullopt);
  for (const PortRequirement& row : flows.ports) (row.transport == Transport::Tcp ? n.tcp : n.udp).add(row.ports);
  for (const DomainName& d : flows.domains) n.domains.push_back(d.text());
  return n;
}

std::vector<std::string> missing_from(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const std::string& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  return out;
}

const SdkRequirements* counterpart(const RequirementPack& pack, const SdkRequirements& sdk) {
  if (const SdkRequirements* s = pack.find_sdk(sdk.id)) return s;
  for (const std::string& alias : sdk.aliases)
    if (const SdkRequirements* s = pack.find_sdk(alias)) return s;
  return nullptr;
}

SdkDiff compare(const SdkRequirements& old_sdk, const SdkRequirements& new_sdk) {
  SdkDiff d;
  d.sdk = new_sdk.id;
  Needs a = needs_of(old_sdk), b = needs_of(new_sdk);
  d.tcp_added = b.tcp.subtract(a.tcp);
  d.tcp_removed = a.tcp.subtract(b.tcp);
  d.udp_added = b.udp.subtract(a.udp);
  d.udp_removed = a.udp.subtract(b.udp);
  d.domains_added = missing_from(b.domains, a.domains);
  d.domains_removed = missing_from(a.domains, b.domains);
  d.proxy_changed = old_sdk.cloud_proxy_only != new_sdk.cloud_proxy_only;
  return d;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

bool SdkDiff::empty() const {
  return kind == Changed && tcp_added.empty() && tcp_removed.empty() && udp_added.empty() &&
         udp_removed.empty() && domains_added.empty() && domains_removed.empty() && !proxy_changed;
}

std::vector<SdkDiff> diff_packs(const RequirementPack& from, const RequirementPack& to) {
  std::vector<SdkDiff> out;
  for (const SdkRequirements& sdk : to.sdks) {
    const SdkRequirements* old_sdk = counterpart(from, sdk);
    if (!old_sdk) {
      SdkDiff d = compare(SdkRequirements{}, sdk);
      d.kind = SdkDiff::Added;
      d.proxy_changed = false;
      out.push_back(std::move(d));
    } else {
      out.push_back(compare(*old_sdk, sdk));
    }
  }
  for (const SdkRequirements& sdk : from.sdks) {
    if (counterpart(to, sdk)) continue;
    SdkDiff d = compare(sdk, SdkRequirements{});
    d.sdk = sdk.id;
    d.kind = SdkDiff::Removed;
    d.proxy_changed = false;
    out.push_back(std::move(d));
  }
  return out;
}

std::string format_pack_diff(const RequirementPack& from, const RequirementPack& to,
                             const std::vector<SdkDiff>& diffs) {
  std::ostringstream o;
  o << from.id() << " (" << from.date << ") -> " << to.id() << " (" << to.date << ")\n";
  bool any = false;
  for (const SdkDiff& d : diffs) {
    if (d.empty()) continue;
    any = true;
    o << "\n" << d.sdk << (d.kind == SdkDiff::Added ? " (new SDK)" : d.kind == SdkDiff::Removed ? " (removed)" : "")
      << ":\n";
    auto ports = [&](const char* sign, const char* transport, const PortSet& set) {
      if (!set.empty()) o << "  " << sign << " " << transport << " " << format_ports(set) << "\n";
    };
    ports("+", "tcp", d.tcp_added);
    ports("-", "tcp", d.tcp_removed);
    ports("+", "udp", d.udp_added);
    ports("-", "udp", d.udp_removed);
    if (!d.domains_added.empty()) o << "  + domains " << join(d.domains_added) << "\n";
    if (!d.domains_removed.empty()) o << "  - domains " << join(d.domains_removed) << "\n";
    if (d.proxy_changed) o << "  ~ cloud proxy only: the two packs disagree\n";
  }
  if (!any) o << "\nno changes\n";
  return o.str();
}

}  // namespace fwlint
