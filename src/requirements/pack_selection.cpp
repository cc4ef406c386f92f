// SPDX-License-Identifier: Apache-2.0
// Looking things up in loaded packs: SDKs by id or alias, packs by
// NAME[@VERSION], and the rows of one SDK that apply to one version.
#include <algorithm>

#include "fwlint/requirements/pack.h"
#include "fwlint/util/strings.h"

namespace fwlint {
namespace {

/// Whether a row with `range` applies to `version` (nullopt: the SDK's
/// newest behaviour, see flows_for).
bool applies(const VersionRange& range, const std::optional<SdkVersion>& version) {
  if (version) return range.contains(*version);
  return !range.before.has_value();
}

}  // namespace

const SdkRequirements* RequirementPack::find_sdk(std::string_view id_or_alias) const {
  if (id_or_alias.empty()) return nullptr;
  for (const auto& sdk : sdks)
    if (iequals(sdk.id, id_or_alias)) return &sdk;
  for (const auto& sdk : sdks)
    for (const auto& alias : sdk.aliases)
      if (iequals(alias, id_or_alias)) return &sdk;
  return nullptr;
}

// When several packs share an id, the last one wins: the CLI appends --rules
// packs after the built-in ones, so a user file can stand in for a built-in pack.
const RequirementPack* select_pack(const std::vector<RequirementPack>& packs,
                                   std::string_view spec) {
  auto at = spec.find('@');
  std::string_view name = spec.substr(0, at);
  if (name.empty()) return nullptr;
  std::string_view version =
      at == std::string_view::npos ? std::string_view() : spec.substr(at + 1);
  if (at != std::string_view::npos && version.empty()) return nullptr;
  const RequirementPack* found = nullptr;
  for (const auto& pack : packs) {
    if (pack.name != name) continue;
    if (at != std::string_view::npos) {
      if (pack.version == version) found = &pack;
    } else if (!found || !(pack.version < found->version)) {
      // Pack versions are "YYYY-MM[-DD]", so the newest sorts last.
      found = &pack;
    }
  }
  return found;
}

std::vector<std::string> SdkRequirements::features() const {
  std::vector<std::string> out;
  for (const auto& row : ports) append_unique(out, row.feature);
  for (const auto& d : domains) append_unique(out, d.feature);
  return out;
}

std::vector<std::string> SdkRequirements::proxy_features() const {
  std::vector<std::string> out;
  if (!cloud_proxy) return out;
  for (const auto& mode : cloud_proxy->modes)
    for (const auto& flow : mode.flows) append_unique(out, flow.feature);
  return out;
}

SdkFlows flows_for(const SdkRequirements& sdk, const std::optional<SdkVersion>& version) {
  SdkFlows flows;
  if (sdk.cloud_proxy_only) return flows;
  // Without an explicit version: the newest version the pack knows, or,
  // when it names none, the rows that still apply to the newest releases
  // (no upper bound).
  const std::optional<SdkVersion>& effective = version ? version : sdk.latest_version;
  for (const auto& row : sdk.ports)
    if (applies(row.versions, effective)) flows.ports.push_back(row);
  for (const auto& d : sdk.domains)
    if (applies(d.versions, effective) &&
        std::find(flows.domains.begin(), flows.domains.end(), d.domain) == flows.domains.end())
      flows.domains.push_back(d.domain);
  return flows;
}

std::vector<FlowGroup> flow_groups(const SdkRequirements& sdk,
                                   const std::optional<SdkVersion>& version,
                                   const std::vector<std::string>& without) {
  std::vector<FlowGroup> groups;
  if (sdk.cloud_proxy_only) return groups;
  const std::optional<SdkVersion>& effective = version ? version : sdk.latest_version;
  auto group_of = [&](const std::string& feature) -> FlowGroup& {
    for (auto& g : groups)
      if (g.feature == feature) return g;
    groups.push_back(FlowGroup{feature, {}, {}});
    return groups.back();
  };
  group_of("");  // the core comes first, even when it is empty
  for (const auto& row : sdk.ports)
    if (applies(row.versions, effective)) group_of(row.feature).ports.push_back(row);
  for (const auto& d : sdk.domains) {
    if (!applies(d.versions, effective)) continue;
    auto& list = group_of(d.feature).domains;
    if (std::find(list.begin(), list.end(), d.domain) == list.end()) list.push_back(d.domain);
  }
  const FlowGroup core = groups.front();
  std::vector<FlowGroup> out;
  for (auto& g : groups) {
    if (!g.feature.empty()) {
      if (std::find(without.begin(), without.end(), g.feature) != without.end()) continue;
      // A feature borrows what it does not list from the core: its ports
      // go to the core domains, its domains are reached on the core ports.
      if (g.domains.empty()) g.domains = core.domains;
      if (g.ports.empty()) g.ports = core.ports;
    }
    if (g.ports.empty() && !sdk.ports_unpublished) continue;
    if (sdk.ports_unpublished && g.domains.empty()) continue;
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace fwlint
