// SPDX-License-Identifier: Apache-2.0
/// \file
/// Requirement packs: per SDK, the flows (protocol × destination ports) and
/// destination domains a client needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/model/address.h"
#include "fwlint/model/diagnostic.h"
#include "fwlint/model/domain.h"
#include "fwlint/model/interval_set.h"

namespace fwlint {

/// A dotted SDK version ("2.9.0"); missing parts are zero.
struct SdkVersion {
  std::vector<int> parts;
  static std::optional<SdkVersion> parse(std::string_view text);
  std::string text() const;
  friend auto operator<=>(const SdkVersion& a, const SdkVersion& b) {
    std::size_t n = std::max(a.parts.size(), b.parts.size());
    for (std::size_t i = 0; i < n; ++i) {
      int x = i < a.parts.size() ? a.parts[i] : 0;
      int y = i < b.parts.size() ? b.parts[i] : 0;
      if (x != y) return x <=> y;
    }
    return std::strong_ordering::equal;
  }
  friend bool operator==(const SdkVersion& a, const SdkVersion& b) { return (a <=> b) == 0; }
};

/// Half-open version interval [min, before); either end may be open.
struct VersionRange {
  std::optional<SdkVersion> min;
  std::optional<SdkVersion> before;
  bool contains(const SdkVersion& v) const {
    return (!min || !(v < *min)) && (!before || v < *before);
  }
  bool unbounded() const { return !min && !before; }
};

enum class Transport : std::uint8_t { Tcp = 6, Udp = 17 };

/// "tcp" or "udp", as reports and every dialect write it.
inline const char* transport_name(Transport t) { return t == Transport::Udp ? "udp" : "tcp"; }

/// One row of a requirement table: ports on one transport.
struct PortRequirement {
  Transport transport = Transport::Tcp;
  PortSet ports;
  VersionRange versions;  ///< SDK versions this row applies to
  std::string feature;    ///< optional feature ("rtmp-converter"); empty = core
  std::string note;       ///< as the source words it
};

struct DomainRequirement {
  DomainName domain;
  VersionRange versions;
  /// Optional feature whose ports need this domain. A feature that lists
  /// domains of its own is checked towards those; one that lists none,
  /// towards the SDK's core domains.
  std::string feature;
};

/// One row of a cloud-proxy table: traffic a client sends to Agora's proxy
/// (or its signaling service) in one proxy mode.
struct ProxyFlow {
  std::string region;   ///< "north-america"; empty = applies in every region
  std::string service;  ///< "signaling", "cloud-proxy", "dns"…
  std::vector<Transport> transports;  ///< "UDP/TCP" rows list both
  PortSet ports;
  /// Destination addresses; empty = any public destination (DNS).
  IpSet addresses;
  std::string feature;  ///< optional feature ("dns"); empty = core
  std::string note;
};

/// One way of running the cloud proxy ("force-udp"), with everything the
/// firewall must let through for it.
struct ProxyMode {
  std::string id;     ///< "force-udp"
  std::string title;  ///< "Force UDP (setCloudProxy(TRANSPORT_TYPE_UDP_PROXY))"
  std::vector<ProxyFlow> flows;
};

/// What a source says about an SDK's cloud proxy: its address lists per
/// mode, or that none is published.
struct CloudProxy {
  std::string source;       ///< where the lists come from (URL and date)
  std::string unpublished;  ///< non-empty: no list is published; the source's words
  std::vector<ProxyMode> modes;
};

struct SdkRequirements {
  std::string id;     ///< stable id: "rtc-web"
  std::string title;  ///< "Agora RTC SDK (Web)"
  std::vector<std::string> aliases;
  /// The source says this SDK cannot be allow-listed by port/domain and
  /// needs the cloud proxy instead.
  bool cloud_proxy_only = false;
  std::string proxy_note;
  std::vector<PortRequirement> ports;
  std::vector<DomainRequirement> domains;
  /// The source lists domains but no ports for this SDK: every TCP and UDP
  /// port towards them is examined, and only a domain that is blocked on
  /// every port is a failure (the rest is unknown).
  bool ports_unpublished = false;
  /// Newest version the pack knows; used when --sdk-version is not given.
  std::optional<SdkVersion> latest_version;
  /// The SDK's cloud proxy, when the source describes one.
  std::optional<CloudProxy> cloud_proxy;
  /// false: checked only when --sdk names it (a special mode of another
  /// SDK, such as a domain allow-list mode the app has to switch on).
  bool checked_by_default = true;

  /// Every feature named by a port row or domain of this SDK, in order.
  std::vector<std::string> features() const;
  /// Every feature named by a flow of the SDK's cloud-proxy modes.
  std::vector<std::string> proxy_features() const;
};

struct RequirementPack {
  std::string name;     ///< "agora"
  std::string version;  ///< "2020-09"
  std::string title;    ///< title of the source page
  std::string source;   ///< URL or document the values were transcribed from
  std::string date;     ///< date of the source ("2020-09-15")
  std::vector<SdkRequirements> sdks;

  std::string id() const { return name + "@" + version; }
  const SdkRequirements* find_sdk(std::string_view id_or_alias) const;
};

/// Loads a pack from its YAML text; problems are reported with file:line:col
/// and make the result nullopt.
std::optional<RequirementPack> load_pack(const std::string& file_name, std::string_view text,
                                         Diagnostics& diagnostics);

/// Packs compiled into the binary (from rules/*.yaml).
const std::vector<RequirementPack>& builtin_packs();

/// Picks a pack by "NAME" (newest version) or "NAME@VERSION" among `packs`.
const RequirementPack* select_pack(const std::vector<RequirementPack>& packs,
                                   std::string_view spec);

/// The flows of one SDK for a given version (nullopt = latest_version):
/// rows whose range excludes the version are dropped; feature rows stay in.
struct SdkFlows {
  std::vector<PortRequirement> ports;
  std::vector<DomainName> domains;
};
SdkFlows flows_for(const SdkRequirements& sdk, const std::optional<SdkVersion>& version);

/// The requirement split into groups checked separately: the core (rows and
/// domains without a feature) and one group per feature, each with its own
/// domains or, when the feature lists none, the core domains (and the core
/// ports when it lists domains but no ports). Features in `without` are left
/// out. Domains are those that apply to `version` (see flows_for).
struct FlowGroup {
  std::string feature;  ///< empty = core
  std::vector<PortRequirement> ports;
  std::vector<DomainName> domains;
};
std::vector<FlowGroup> flow_groups(const SdkRequirements& sdk,
                                   const std::optional<SdkVersion>& version,
                                   const std::vector<std::string>& without);

}  // namespace fwlint
