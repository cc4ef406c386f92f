// SPDX-License-Identifier: Apache-2.0
// The dated Agora packs agora@2022-07, @2024-08, @2025-09 and @2026-02 against
// their sources. Every expected value below is copied from the source as the
// source writes it (semicolon port lists, domain code blocks, the markdown
// tables of the cloud proxy page), not from rules/agora-*.yaml, so that a typo
// in either shows up here.
//
// Sources:
// - Firewall page, AgoraIO/Docs-Source shared/common/_firewall.mdx:
//   @247103a (2022-07 form), f67fdab (2024-08-14, Signaling revamp), 6e5ba92
//   (2024-09-17, Signaling 1.x port 9601), 0128ff7 (2025-09-15, Web domains),
//   8082d39 (2026-02-11, TCP 3478).
// - Web SDK version split of domains: Agora's 3.x firewall page
//   (https://docs.agora.io/en/3.x/voice-calling/reference/firewall) and the
//   Web SDK v4.4.0 release note: Web SDK 4.x >= 4.4.0 and 3.x >= 3.5.0 use
//   .sd-rtn.com/.edge.sd-rtn.com, earlier versions .agoraio.cn/.edge.agoraio.cn.
// - Cloud proxy page, AgoraIO/Docs-Source
//   shared/common/_cloud-proxy-allowed-iplist.mdx (last changed 2025-06).
// - Native SDK v4.6.0 release notes (domainLimit): *.rtnsvc.com, *.realtimemesh.com.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fwlint/requirements/pack.h"
#include "requirements/page_values.h"

namespace fwlint {
namespace {

using test::as_ranges;
using test::page_port_set;
using test::page_ports;
using test::Ranges;
using test::row;
using test::row_ports;
using test::v;

/// A code block of the page: one domain per line (blank lines ignored).
std::set<std::string> page_domains(std::string_view block) {
  std::set<std::string> out;
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t end = block.find('\n', pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (!line.empty()) out.insert(std::string(line));
    pos = end + 1;
  }
  return out;
}

std::set<std::string> unite(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

const RequirementPack& pack(const std::string& version) {
  const RequirementPack* p = select_pack(builtin_packs(), "agora@" + version);
  if (!p) throw std::runtime_error("no built-in pack agora@" + version);
  return *p;
}

const SdkRequirements& sdk(const std::string& version, const char* id) {
  const SdkRequirements* s = pack(version).find_sdk(id);
  if (!s) throw std::runtime_error("no sdk " + std::string(id) + " in agora@" + version);
  return *s;
}

std::set<std::string> texts(const std::vector<DomainName>& domains) {
  std::set<std::string> out;
  for (const auto& d : domains) out.insert(d.text());
  return out;
}

/// Domains the SDK needs for a version (nullopt = its default), as text.
std::set<std::string> domains_for(const SdkRequirements& s, const std::optional<SdkVersion>& ver) {
  return texts(flows_for(s, ver).domains);
}

/// Domain entries of one feature (empty = core), whatever their versions.
std::set<std::string> domains_of_feature(const SdkRequirements& s, const std::string& feature) {
  std::set<std::string> out;
  for (const auto& d : s.domains)
    if (d.feature == feature) out.insert(d.domain.text());
  return out;
}

/// Ports of one transport that the SDK needs for a version, feature rows included.
PortSet ports_for(const SdkRequirements& s, Transport t, const std::optional<SdkVersion>& ver) {
  PortSet out;
  for (const auto& r : flows_for(s, ver).ports)
    if (r.transport == t) out.add(r.ports);
  return out;
}

std::vector<std::string> sdk_ids(const RequirementPack& p) {
  std::vector<std::string> ids;
  for (const auto& s : p.sdks) ids.push_back(s.id);
  return ids;
}

const std::vector<std::string> kNewPacks = {"2022-07", "2024-08", "2025-09", "2026-02"};

// ---------------------------------------------------------------------------
// Values of the firewall page, as the page writes them.

// Video SDK (Web), ports, every version of the page until 2026-02-11:
//   | 80; 443; 3433; 4700 - 5000; 5668; 5669; 6080; 6443; 8667; 9667; 30011 - 30013 (for RTMP converter)| TCP| Allow|
//   | 3478; 4700 - 5000 (2.9.0 or later); 10000 - 65535 (before 2.9.0) | UDP | Allow|
// From 8082d39 (2026-02-11) the TCP row has 3478 after 3433.
const char* const kWebTcp = "80; 443; 3433; 4700 - 5000; 5668; 5669; 6080; 6443; 8667; 9667";
const char* const kWebTcp2026 =
    "80; 443; 3433; 3478; 4700 - 5000; 5668; 5669; 6080; 6443; 8667; 9667";

// Video SDK (Web), domains, 247103a .. 0128ff7 (exclusive).
const char* const kWebDomains = R"(
    .agora.io
    .edge.agora.io
    .sd-rtn.com
    .edge.sd-rtn.com
)";
// Video SDK (Web), domains, from 0128ff7 (2025-09-15).
const char* const kWebDomains2025 = R"(
.agora.io
.edge.agora.io
.sd-rtn.com
.edge.sd-rtn.com
.ap.sd-rtn.com
.statscollector.sd-rtn.com
.webrtc-cloud-proxy.sd-rtn.com
)";
// What earlier Web SDK versions use instead of .sd-rtn.com/.edge.sd-rtn.com.
const char* const kWebOldDomains = R"(
.agora.io
.edge.agora.io
.agoraio.cn
.edge.agoraio.cn
)";

// Signaling SDK (Web) @247103a, "1.4.3 or later" and "Earlier than 1.4.3".
const char* const kRtmWebDomains143 = R"(
  .edge.agora.io
  .edge.sd-rtn.com
  web-1.ap.sd-rtn.com
  web-2.ap.sd-rtn.com
  ap-web-1.agora.io
  ap-web-2.agora.io
  webcollector-rtm.agora.io
  logservice-rtm.agora.io
  rtm.statscollector.sd-rtn.com
  rtm.logservice.sd-rtn.com
)";
const char* const kRtmWebDomainsBefore143 = R"(
  .agora.io
  .agoraio.cn
  .edge.agora.io
  .edge.agoraio.cn
  ap-web-1.agora.io
  ap-web-1.agoraio.cn
  ap-web-2.agora.io
  ap-web-2.agoraio.cn
  webcollector-rtm.agora.io
  logservice-rtm.agora.io
  webcollector-rtm.agoraio.cn
  logservice-rtm.agoraio.cn
)";

// Signaling SDK (Web) from f67fdab, "Message channel" and "Stream channel".
const char* const kRtmWebMessageDomains = R"(
    .edge.agora.io
    .edge.sd-rtn.com
    web-1.ap.sd-rtn.com
    web-2.ap.sd-rtn.com
    web-3.ap.sd-rtn.com
    web-4.ap.sd-rtn.com
    ap-web-1.agora.io
    ap-web-2.agora.io
    ap-web-3.agora.io
    ap-web-4.agora.io
    webcollector-rtm.agora.io
    logservice-rtm.agora.io
    rtm.statscollector.sd-rtn.com
    rtm.logservice.sd-rtn.com
)";
const char* const kRtmWebStreamDomains = R"(
    .agora.io
    .edge.agora.io
    .sd-rtn.com
    .edge.sd-rtn.com
)";

// ---------------------------------------------------------------------------
// Every new pack.

TEST(AgoraPacks, Metadata) {
  struct Expected {
    const char* version;
    const char* date;
    const char* commit;
  };
  for (const Expected& e : {Expected{"2022-07", "", "247103a"}, Expected{"2024-08", "2024-08-14", "f67fdab"},
                            Expected{"2025-09", "2025-09-15", "0128ff7"},
                            Expected{"2026-02", "2026-02-11", "8082d39"}}) {
    const auto& p = pack(e.version);
    EXPECT_EQ(p.name, "agora");
    EXPECT_EQ(p.version, e.version);
    EXPECT_EQ(p.id(), std::string("agora@") + e.version);
    EXPECT_EQ(p.title, "Firewall Requirements");
    EXPECT_EQ(p.date, e.date) << e.version;
    EXPECT_NE(p.source.find("https://docs.agora.io/en/video-calling/reference/firewall"),
              std::string::npos)
        << e.version;
    EXPECT_NE(p.source.find("shared/common/_firewall.mdx"), std::string::npos) << e.version;
    EXPECT_NE(p.source.find(e.commit), std::string::npos) << e.version;
  }
  const std::vector<std::string> classic = {"rtc-web", "rtc-native", "rtm-native",
                                            "rtm-web", "recording",  "gaming"};
  EXPECT_EQ(sdk_ids(pack("2022-07")), classic);
  EXPECT_EQ(sdk_ids(pack("2024-08")), classic);
  const std::vector<std::string> with_domain_limit = {
      "rtc-web", "rtc-native", "rtc-native-domain-limit", "rtm-native", "rtm-web", "recording",
      "gaming"};
  EXPECT_EQ(sdk_ids(pack("2025-09")), with_domain_limit);
  EXPECT_EQ(sdk_ids(pack("2026-02")), with_domain_limit);
}

TEST(AgoraPacks, BareNameIsTheNewest) {
  const RequirementPack* newest = select_pack(builtin_packs(), "agora");
  ASSERT_NE(newest, nullptr);
  EXPECT_EQ(newest->id(), "agora@2026-02");
  EXPECT_EQ(newest, &pack("2026-02"));
  // The older packs stay selectable.
  EXPECT_NE(select_pack(builtin_packs(), "agora@2020-09"), nullptr);
  for (const auto& ver : kNewPacks) EXPECT_NE(select_pack(builtin_packs(), "agora@" + ver), nullptr);
}

TEST(AgoraPacks, TitlesAndAliases) {
  // The page's product names (table and section headings).
  struct Expected {
    const char* id;
    const char* alias;
    const char* title;
  };
  for (const auto& ver : kNewPacks) {
    const auto& p = pack(ver);
    for (const Expected& e :
         {Expected{"rtc-web", "video-web", "Video SDK (Web)"},
          Expected{"rtc-native", "video-native", "Video SDK (Native, third-party frameworks)"},
          Expected{"rtm-native", "signaling-native", "Signaling SDK (Native)"},
          Expected{"rtm-web", "signaling-web", "Signaling SDK (Web)"},
          Expected{"recording", "on-premise-recording",
                   ver == "2022-07" ? "On-premise Recording SDK" : "On-Premise Recording SDK"},
          Expected{"gaming", "interactive-gaming", "Interactive Gaming SDK"}}) {
      const SdkRequirements* s = p.find_sdk(e.id);
      ASSERT_NE(s, nullptr) << ver << " " << e.id;
      EXPECT_EQ(s->title, e.title) << ver << " " << e.id;
      EXPECT_EQ(p.find_sdk(e.alias), s) << ver << " " << e.alias;
      EXPECT_EQ(s->aliases, std::vector<std::string>{e.alias}) << ver << " " << e.id;
    }
  }
}

// ---------------------------------------------------------------------------
// Video SDK (Web).

TEST(AgoraPacksRtcWeb, Ports) {
  for (const auto& ver : kNewPacks) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-web");
    EXPECT_FALSE(s.cloud_proxy_only);
    EXPECT_FALSE(s.ports_unpublished);
    ASSERT_EQ(s.ports.size(), 5u);
    EXPECT_EQ(row_ports(s, Transport::Tcp, ""),
              page_ports(ver == "2026-02" ? kWebTcp2026 : kWebTcp));
    const auto& rtmp = row(s, Transport::Tcp, "rtmp-converter");
    EXPECT_EQ(as_ranges(rtmp.ports), page_ports("30011 - 30013"));
    EXPECT_EQ(rtmp.note, "for RTMP converter");
    EXPECT_EQ(row_ports(s, Transport::Udp, ""), page_ports("3478"));
    EXPECT_EQ(row_ports(s, Transport::Udp, "", "2.9.0"), page_ports("4700 - 5000"));
    EXPECT_EQ(row_ports(s, Transport::Udp, "", nullptr, "2.9.0"), page_ports("10000 - 65535"));
    ASSERT_TRUE(s.latest_version);
    EXPECT_EQ(*s.latest_version, v("4.4.0"));
    EXPECT_EQ(s.features(), std::vector<std::string>{"rtmp-converter"});
  }
}

TEST(AgoraPacksRtcWeb, TcpPort3478OnlyFrom2026) {
  for (const auto& ver : kNewPacks) {
    bool has = ports_for(sdk(ver, "rtc-web"), Transport::Tcp, std::nullopt).contains(3478);
    EXPECT_EQ(has, ver == "2026-02") << ver;
  }
}

TEST(AgoraPacksRtcWeb, VersionSelectsUdpRows) {
  for (const auto& ver : kNewPacks) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-web");
    // "10000 - 65535 (before 2.9.0)"
    PortSet old_udp = ports_for(s, Transport::Udp, v("2.8.0"));
    EXPECT_TRUE(old_udp.includes(page_port_set("10000 - 65535")));
    EXPECT_FALSE(old_udp.contains(4700));
    EXPECT_EQ(as_ranges(old_udp), page_ports("3478; 10000 - 65535"));
    // "4700 - 5000 (2.9.0 or later)"
    for (std::optional<SdkVersion> newer : {std::optional<SdkVersion>(v("2.9.0")),
                                            std::optional<SdkVersion>(v("4.24.5")),
                                            std::optional<SdkVersion>()}) {
      PortSet udp = ports_for(s, Transport::Udp, newer);
      EXPECT_EQ(as_ranges(udp), page_ports("3478; 4700 - 5000"));
      EXPECT_FALSE(udp.contains(10000));
    }
  }
}

TEST(AgoraPacksRtcWeb, DomainsByVersion) {
  for (const auto& ver : kNewPacks) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-web");
    const bool since_2025 = ver >= std::string("2025-09");
    const std::set<std::string> page = page_domains(since_2025 ? kWebDomains2025 : kWebDomains);
    // The domains added on 2025-09-15 apply to every version.
    std::set<std::string> old = page_domains(kWebOldDomains);
    if (since_2025)
      old = unite(old, page_domains(R"(
        .ap.sd-rtn.com
        .statscollector.sd-rtn.com
        .webrtc-cloud-proxy.sd-rtn.com)"));
    // Without --sdk-version: the page's list as it is.
    EXPECT_EQ(domains_for(s, std::nullopt), page);
    // 4.x from 4.4.0 and 3.x from 3.5.0: the page's list.
    for (const char* text : {"4.4.0", "4.24.5", "3.5.0", "3.9.9"})
      EXPECT_EQ(domains_for(s, v(text)), page) << text;
    // Earlier versions: .agoraio.cn instead of .sd-rtn.com.
    for (const char* text : {"4.3.0", "4.0.0", "3.4.0", "2.8.0"})
      EXPECT_EQ(domains_for(s, v(text)), old) << text;
    EXPECT_TRUE(domains_of_feature(s, "").contains(".agoraio.cn"));
  }
}

// ---------------------------------------------------------------------------
// Video SDK (Native), Native domain allow-list mode, recording, gaming.

TEST(AgoraPacks, CloudProxyOnlySdks) {
  for (const auto& ver : kNewPacks) {
    SCOPED_TRACE(ver);
    for (const char* id : {"rtc-native", "recording", "gaming"}) {
      const auto& s = sdk(ver, id);
      EXPECT_TRUE(s.cloud_proxy_only) << id;
      EXPECT_TRUE(s.ports.empty()) << id;
      EXPECT_TRUE(s.domains.empty()) << id;
      EXPECT_FALSE(s.proxy_note.empty()) << id;
      // The page's product table: ✘ firewall whitelist.
      EXPECT_NE(s.proxy_note.find("✘"), std::string::npos) << id;
      EXPECT_TRUE(flows_for(s, std::nullopt).ports.empty()) << id;
      EXPECT_TRUE(flow_groups(s, std::nullopt, {}).empty()) << id;
    }
    // |Video SDK (Native, third-party frameworks) |✘ |✔|, |On-premise Recording SDK |✘ |✔|
    EXPECT_NE(sdk(ver, "rtc-native").proxy_note.find("✔"), std::string::npos);
    EXPECT_NE(sdk(ver, "recording").proxy_note.find("✔"), std::string::npos);
    // |Interactive Gaming SDK |✘ |✘|
    EXPECT_EQ(sdk(ver, "gaming").proxy_note.find("✔"), std::string::npos);
    EXPECT_NE(sdk(ver, "gaming").proxy_note.find("both"), std::string::npos);
    EXPECT_FALSE(sdk(ver, "gaming").cloud_proxy);
  }
}

TEST(AgoraPacks, NativeDomainLimit) {
  // v4.6.0 release notes: "add the following domains to the whitelist:
  // *.rtnsvc.com, *.realtimemesh.com" (no ports).
  EXPECT_EQ(pack("2022-07").find_sdk("rtc-native-domain-limit"), nullptr);
  EXPECT_EQ(pack("2024-08").find_sdk("rtc-native-domain-limit"), nullptr);
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-native-domain-limit");
    EXPECT_TRUE(s.ports_unpublished);
    EXPECT_FALSE(s.checked_by_default);  // an app switches the mode on
    EXPECT_FALSE(s.cloud_proxy_only);
    EXPECT_TRUE(s.ports.empty());
    EXPECT_FALSE(s.cloud_proxy);
    EXPECT_NE(s.title.find("4.6.0"), std::string::npos);
    EXPECT_NE(s.title.find("domainLimit"), std::string::npos);
    EXPECT_EQ(domains_for(s, std::nullopt), (std::set<std::string>{".rtnsvc.com", ".realtimemesh.com"}));
    EXPECT_EQ(domains_of_feature(s, ""), (std::set<std::string>{".rtnsvc.com", ".realtimemesh.com"}));
    for (const auto& d : s.domains) {
      EXPECT_TRUE(d.domain.wildcard) << d.domain.text();
      EXPECT_TRUE(d.versions.unbounded()) << d.domain.text();
    }
  }
}

// ---------------------------------------------------------------------------
// Signaling SDK (Native).

TEST(AgoraPacksRtmNative, Before2024) {
  const auto& s = sdk("2022-07", "rtm-native");
  EXPECT_FALSE(s.cloud_proxy_only);
  EXPECT_EQ(domains_for(s, std::nullopt), page_domains(".agora.io"));
  ASSERT_EQ(s.ports.size(), 2u);
  // "8443; 9130; 9131; 9136; 9137; 9140, 9141" (the page's one comma read as a separator)
  EXPECT_EQ(row_ports(s, Transport::Tcp, ""),
            page_ports("8443; 9130; 9131; 9136; 9137; 9140; 9141"));
  EXPECT_EQ(row_ports(s, Transport::Udp, ""),
            page_ports("1080; 8000; 8130; 8443; 9120; 9121; 9700; 25000"));
  EXPECT_TRUE(s.features().empty());
  EXPECT_FALSE(s.cloud_proxy);
}

TEST(AgoraPacksRtmNative, MessageAndStreamChannel) {
  for (const char* ver : {"2024-08", "2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtm-native");
    EXPECT_FALSE(s.cloud_proxy_only);
    EXPECT_FALSE(s.cloud_proxy);  // |Signalling SDK (Native) | ✔ | ✘ |
    EXPECT_EQ(domains_of_feature(s, ""), page_domains(".agora.io"));
    EXPECT_TRUE(domains_of_feature(s, "stream-channel").empty());
    ASSERT_EQ(s.ports.size(), 3u);
    EXPECT_EQ(row_ports(s, Transport::Tcp, ""),
              page_ports("443; 7384; 8443; 9130; 9131; 9136; 9137; 9140; 9141"));
    EXPECT_EQ(row_ports(s, Transport::Udp, ""),
              page_ports("1080; 3000; 8000; 8130; 8443; 9120; 9121; 9700; 25000"));
    const auto& stream = row(s, Transport::Udp, "stream-channel");
    EXPECT_EQ(as_ranges(stream.ports), page_ports("4001 - 4150"));
    EXPECT_NE(stream.note.find("rtm@agora.io"), std::string::npos);
    EXPECT_EQ(s.features(), std::vector<std::string>{"stream-channel"});

    // The stream channel lists no domains: it is checked towards the core's.
    auto groups = flow_groups(s, std::nullopt, {});
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].feature, "");
    EXPECT_EQ(groups[1].feature, "stream-channel");
    ASSERT_EQ(groups[1].ports.size(), 1u);
    EXPECT_EQ(as_ranges(groups[1].ports[0].ports), page_ports("4001 - 4150"));
    ASSERT_EQ(groups[1].domains.size(), 1u);
    EXPECT_EQ(groups[1].domains[0].text(), ".agora.io");
    EXPECT_EQ(flow_groups(s, std::nullopt, {"stream-channel"}).size(), 1u);
  }
}

// ---------------------------------------------------------------------------
// Signaling SDK (Web).

TEST(AgoraPacksRtmWeb, Before2024) {
  const auto& s = sdk("2022-07", "rtm-web");
  EXPECT_FALSE(s.cloud_proxy_only);
  EXPECT_FALSE(s.cloud_proxy);  // |Signalling SDK (Native, Web) | ✔ |✘|
  ASSERT_TRUE(s.latest_version);
  EXPECT_EQ(*s.latest_version, v("1.4.3"));
  // "1.4.3 or later"
  EXPECT_EQ(domains_for(s, std::nullopt), page_domains(kRtmWebDomains143));
  for (const char* text : {"1.4.3", "1.5.0"})
    EXPECT_EQ(domains_for(s, v(text)), page_domains(kRtmWebDomains143)) << text;
  // "Earlier than 1.4.3"
  for (const char* text : {"1.4.2", "1.0.0"})
    EXPECT_EQ(domains_for(s, v(text)), page_domains(kRtmWebDomainsBefore143)) << text;
  // Names on both lists have no range.
  for (const auto& d : s.domains) {
    bool in_new = page_domains(kRtmWebDomains143).contains(d.domain.text());
    bool in_old = page_domains(kRtmWebDomainsBefore143).contains(d.domain.text());
    EXPECT_EQ(d.versions.unbounded(), in_new && in_old) << d.domain.text();
    EXPECT_TRUE(d.feature.empty());
  }
  ASSERT_EQ(s.ports.size(), 1u);
  EXPECT_EQ(row_ports(s, Transport::Tcp, ""), page_ports("443; 6443; 9591; 9593; 9601"));
}

TEST(AgoraPacksRtmWeb, MessageAndStreamChannel) {
  for (const char* ver : {"2024-08", "2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtm-web");
    EXPECT_FALSE(s.cloud_proxy_only);
    EXPECT_EQ(domains_of_feature(s, ""), page_domains(kRtmWebMessageDomains));
    EXPECT_EQ(domains_of_feature(s, "stream-channel"), page_domains(kRtmWebStreamDomains));
    for (const auto& d : s.domains) EXPECT_TRUE(d.versions.unbounded()) << d.domain.text();
    // Message channel: "443; 9591; 9593; 27387 | TCP"
    EXPECT_EQ(row_ports(s, Transport::Tcp, ""), page_ports("443; 9591; 9593; 27387"));
    // Stream channel: "80; 3433; 4700 - 5000; 5668; 5669; 6080; 6443; 8667; 9667 | TCP",
    // "3478; 4700 - 5000 | UDP"
    EXPECT_EQ(row_ports(s, Transport::Tcp, "stream-channel"),
              page_ports("80; 3433; 4700 - 5000; 5668; 5669; 6080; 6443; 8667; 9667"));
    EXPECT_EQ(row_ports(s, Transport::Udp, "stream-channel"), page_ports("3478; 4700 - 5000"));
    EXPECT_EQ(s.features(), std::vector<std::string>{"stream-channel"});
  }
  EXPECT_EQ(sdk("2024-08", "rtm-web").ports.size(), 3u);
  EXPECT_EQ(sdk("2025-09", "rtm-web").ports.size(), 4u);
  EXPECT_EQ(sdk("2026-02", "rtm-web").ports.size(), 4u);
}

TEST(AgoraPacksRtmWeb, Port9601ForSignaling1x) {
  // "If you are using Signaling 1.x, also add port 9601." (from 2024-09-17)
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtm-web");
    const auto& r = row(s, Transport::Tcp, "", nullptr, "2.0.0");
    EXPECT_EQ(as_ranges(r.ports), page_ports("9601"));
    EXPECT_EQ(r.note, "If you are using Signaling 1.x, also add port 9601");
    ASSERT_TRUE(s.latest_version);
    EXPECT_EQ(*s.latest_version, v("2.0.0"));
    EXPECT_TRUE(ports_for(s, Transport::Tcp, v("1.9.0")).contains(9601));
    EXPECT_TRUE(ports_for(s, Transport::Tcp, v("1.0")).contains(9601));
    EXPECT_FALSE(ports_for(s, Transport::Tcp, v("2.0.0")).contains(9601));
    EXPECT_FALSE(ports_for(s, Transport::Tcp, v("2.2.1")).contains(9601));
    EXPECT_FALSE(ports_for(s, Transport::Tcp, std::nullopt).contains(9601));
  }
  // Not yet on the page of 2024-08-14.
  const auto& s = sdk("2024-08", "rtm-web");
  for (std::optional<SdkVersion> ver : {std::optional<SdkVersion>(v("1.9.0")),
                                        std::optional<SdkVersion>(v("2.1.0")),
                                        std::optional<SdkVersion>()})
    EXPECT_FALSE(ports_for(s, Transport::Tcp, ver).contains(9601));
}

TEST(AgoraPacksRtmWeb, FlowGroups) {
  for (const char* ver : {"2024-08", "2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtm-web");
    auto groups = flow_groups(s, std::nullopt, {});
    ASSERT_EQ(groups.size(), 2u);
    // The message channel: its own ports and domains.
    EXPECT_EQ(groups[0].feature, "");
    ASSERT_EQ(groups[0].ports.size(), 1u);
    EXPECT_EQ(as_ranges(groups[0].ports[0].ports), page_ports("443; 9591; 9593; 27387"));
    std::set<std::string> core = texts(groups[0].domains);
    EXPECT_EQ(core, page_domains(kRtmWebMessageDomains));
    EXPECT_EQ(groups[0].domains.size(), core.size());
    // The stream channel: its own ports and domains.
    EXPECT_EQ(groups[1].feature, "stream-channel");
    ASSERT_EQ(groups[1].ports.size(), 2u);
    for (const auto& r : groups[1].ports) EXPECT_EQ(r.feature, "stream-channel");
    std::set<std::string> stream = texts(groups[1].domains);
    EXPECT_EQ(stream, page_domains(kRtmWebStreamDomains));
    EXPECT_EQ(groups[1].domains.size(), stream.size());

    auto core_only = flow_groups(s, std::nullopt, {"stream-channel"});
    ASSERT_EQ(core_only.size(), 1u);
    EXPECT_EQ(core_only[0].feature, "");
    EXPECT_EQ(core_only[0].ports.size(), 1u);
    EXPECT_EQ(core_only[0].domains.size(), page_domains(kRtmWebMessageDomains).size());
  }
  // Signaling 1.x: the 9601 row joins the message channel.
  auto groups = flow_groups(sdk("2025-09", "rtm-web"), v("1.5.0"), {"stream-channel"});
  ASSERT_EQ(groups.size(), 1u);
  PortSet tcp;
  for (const auto& r : groups[0].ports) tcp.add(r.ports);
  EXPECT_EQ(as_ranges(tcp), page_ports("443; 9591; 9593; 9601; 27387"));
}

TEST(AgoraPacksRtcWeb, RtmpConverterGroupUsesCoreDomains) {
  const auto& s = sdk("2026-02", "rtc-web");
  auto groups = flow_groups(s, std::nullopt, {});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[1].feature, "rtmp-converter");
  EXPECT_EQ(texts(groups[1].domains), page_domains(kWebDomains2025));
  EXPECT_EQ(flow_groups(s, std::nullopt, {"rtmp-converter"}).size(), 1u);
}

// ---------------------------------------------------------------------------
// Cloud proxy: the tables of shared/common/_cloud-proxy-allowed-iplist.mdx,
// pasted as the page writes them, and read row by row.

// "### Native RTC Force UDP mode"
const char* const kNativeForceUdp = R"(
#### North America

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38`, `184.72.16.87`, `35.168.106.53`, `35.156.231.150`, `15.237.134.178`, `54.178.26.110`, `52.221.23.86`, `13.230.60.35`, `15.206.47.129`, `13.127.149.196`, `13.209.247.137`, `13.124.182.235`, `23.98.43.152`, `107.155.14.132`, `69.28.51.142` | UDP | `8443` |
| Cloud Proxy | `128.14.195.192/28`, `128.14.245.16/28`, `128.14.72.80/28`, `128.14.200.208/28` | UDP | `4590-4600`, `8001-8010` |

#### Europe

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38`, `184.72.16.87`, `35.168.106.53`, `35.156.231.150`, `15.237.134.178`, `54.178.26.110`, `52.221.23.86`, `13.230.60.35`, `15.206.47.129`, `13.127.149.196`, `13.209.247.137`, `13.124.182.235`, `23.98.43.152`, `107.155.14.132`, `69.28.51.142` | UDP | `8443` |
| Cloud Proxy | `104.166.160.208/28`, `23.236.110.32/28`, `104.166.142.134`, `104.166.161.4` | UDP | `4590-4600`, `8001-8010` |

#### Asia, excluding Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38`, `184.72.16.87`, `35.168.106.53`, `35.156.231.150`, `15.237.134.178`, `54.178.26.110`, `52.221.23.86`, `13.230.60.35`, `15.206.47.129`, `13.127.149.196`, `13.209.247.137`, `13.124.182.235`, `23.98.43.152`, `107.155.14.132`, `69.28.51.142` | UDP | `8443` |
| Cloud Proxy | `128.1.186.240/28`, `129.227.73.32/28`, `103.193.127.208/28` | UDP | `4590-4600`, `8001-8010` |

#### Japan

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38`, `184.72.16.87`, `35.168.106.53`, `35.156.231.150`, `15.237.134.178`, `54.178.26.110`, `52.221.23.86`, `13.230.60.35`, `15.206.47.129`, `13.127.149.196`, `13.209.247.137`, `13.124.182.235`, `23.98.43.152`, `107.155.14.132`, `69.28.51.142` | UDP | `8443` |
| Cloud Proxy | `129.227.113.112/28`, `129.227.55.96/28`, `122.10.153.74`, `129.227.234.123` | UDP | `4590-4600`, `8001-8010` |

#### India

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38`, `184.72.16.87`, `35.168.106.53`, `35.156.231.150`, `15.237.134.178`, `54.178.26.110`, `52.221.23.86`, `13.230.60.35`, `15.206.47.129`, `13.127.149.196`, `13.209.247.137`, `13.124.182.235`, `23.98.43.152`, `107.155.14.132`, `69.28.51.142` | UDP | `8443` |
| Cloud Proxy | `129.227.217.128/28`, `129.227.108.208/28`, `128.1.105.112/28` | UDP | `4590-4600`, `8001-8010` |

#### Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `106.14.12.130`, `118.190.148.38` | UDP | `8443` |
| Cloud Proxy | `14.29.38.144/28`, `27.45.161.144/28`, `183.232.200.144/28`, `115.238.206.0/28`, `106.3.209.0/28`, `112.13.216.0/28`, `219.153.111.128/28`, `221.178.42.0/28`, `113.207.12.0/28` | UDP | `4590-4600`, `8001-8010` |
)";

// "### Native RTC Force TCP mode"
const char* const kNativeForceTcp = R"(
#### North America

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221`, `52.54.85.111`, `184.72.18.217`, `52.28.239.238`, `3.9.120.239`, `13.250.89.184`, `18.176.162.64`, `168.138.214.216`, `20.193.241.143`, `3.109.116.108`, `3.36.161.253`, `15.164.88.208`, `164.52.43.58`, `54.205.123.178`, `50.18.20.222` | TCP | `443` |
| Cloud Proxy | `128.14.195.192/28`, `128.14.245.16/28`, `128.14.72.80/28`, `128.14.200.208/28` | TCP | `443` |

#### Europe

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221`, `52.54.85.111`, `184.72.18.217`, `52.28.239.238`, `3.9.120.239`, `13.250.89.184`, `18.176.162.64`, `168.138.214.216`, `20.193.241.143`, `3.109.116.108`, `3.36.161.253`, `15.164.88.208`, `164.52.43.58`, `54.205.123.178`, `50.18.20.222` | TCP | `443` |
| Cloud Proxy | `104.166.160.208/28`, `23.236.110.32/28`, `104.166.142.134`, `104.166.161.4` | TCP | `443` |

#### Asia, excluding Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221`, `52.54.85.111`, `184.72.18.217`, `52.28.239.238`, `3.9.120.239`, `13.250.89.184`, `18.176.162.64`, `168.138.214.216`, `20.193.241.143`, `3.109.116.108`, `3.36.161.253`, `15.164.88.208`, `164.52.43.58`, `54.205.123.178`, `50.18.20.222` | TCP | `443` |
| Cloud Proxy | `128.1.186.240/28`, `129.227.73.32/28`, `103.193.127.208/28` | TCP | `443` |

#### Japan

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221`, `52.54.85.111`, `184.72.18.217`, `52.28.239.238`, `3.9.120.239`, `13.250.89.184`, `18.176.162.64`, `168.138.214.216`, `20.193.241.143`, `3.109.116.108`, `3.36.161.253`, `15.164.88.208`, `164.52.43.58`, `54.205.123.178`, `50.18.20.222` | TCP | `443` |
| Cloud Proxy | `129.227.113.112/28`, `129.227.55.96/28`, `122.10.153.74`, `129.227.234.123` | TCP | `443` |

#### India

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221`, `52.54.85.111`, `184.72.18.217`, `52.28.239.238`, `3.9.120.239`, `13.250.89.184`, `18.176.162.64`, `168.138.214.216`, `20.193.241.143`, `3.109.116.108`, `3.36.161.253`, `15.164.88.208`, `164.52.43.58`, `54.205.123.178`, `50.18.20.222` | TCP | `443` |
| Cloud Proxy | `129.227.217.128/28`, `129.227.108.208/28`, `128.1.105.112/28` | TCP | `443` |

#### Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `101.132.108.165`, `123.56.235.221` | TCP | `443` |
| Cloud Proxy | `14.29.38.144/28`, `27.45.161.144/28`, `183.232.200.144/28`, `115.238.206.0/28`, `106.3.209.0/28`, `112.13.216.0/28`, `219.153.111.128/28`, `221.178.42.0/28`, `113.207.12.0/28` | TCP | `443` |
)";

// "### Web RTC Cloud Proxy"
const char* const kWebRtc = R"(
#### North America

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `47.252.17.251`, `170.106.135.177` | UDP/TCP | `443` |
| Cloud Proxy | `128.14.195.192/28`, `128.14.245.16/28`, `128.14.72.80/28`, `128.14.200.208/28` | UDP/TCP | `443` |

#### Europe

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `47.254.149.145`, `162.62.220.8` | UDP/TCP | `443` |
| Cloud Proxy | `104.166.160.208/28`, `23.236.110.32/28`, `148.153.25.149`, `148.153.25.148`, `148.153.25.147`, `148.153.25.146`, `148.153.25.184`, `148.153.93.18`, `148.153.93.19`, `148.153.93.24`, `148.153.93.25`, `148.153.93.27` | UDP/TCP | `443` |

#### India

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `147.139.34.215`, `129.226.26.104` | UDP/TCP | `443` |
| Cloud Proxy | `129.227.217.128/28`, `129.227.108.208/28`, `128.1.105.112/28` | UDP/TCP | `443` |

#### Japan

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `47.245.7.250`, `43.128.248.97` | UDP/TCP | `443` |
| Cloud Proxy | `129.227.113.112/28`, `129.227.55.96/28`, `164.52.24.41`, `164.52.6.29`, `164.52.24.44`, `164.52.24.43`, `103.101.125.21`, `103.101.125.26`, `103.101.125.20`, `103.101.125.22`, `122.10.153.90` | UDP/TCP | `443` |

#### Asia, excluding Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `161.117.177.218`, `104.250.52.195` | UDP/TCP | `443` |
| Cloud Proxy | `128.1.186.240/28`, `129.227.73.32/28`, `103.193.127.208/28` | UDP/TCP | `443` |

#### Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling Service | `139.196.42.124`, `123.56.57.206` | UDP/TCP | `443` |
| Cloud Proxy | `14.29.38.144/28`, `27.45.161.144/28`, `183.232.200.144/28`, `115.238.206.0/28`, `106.3.209.0/28`, `112.13.216.0/28`, `219.153.111.128/28`, `221.178.42.0/28`, `113.207.12.0/28` | UDP/TCP | `443` |
)";

// "### Web Signaling Cloud Proxy"
const char* const kWebSignaling = R"(
#### North America

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service | `35.169.70.181`, `107.155.14.132`, `52.52.84.170` | UDP/TCP | `443` |
| Cloud Proxy | `128.14.195.192/28`, `128.14.245.16/28`, `128.14.72.80/28`, `128.14.200.208/28` | UDP/TCP | `443` |

#### Europe

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service | `128.1.78.146`, `35.178.208.187` | UDP/TCP | `443` |
| Cloud Proxy | `104.166.160.208/28`, `23.236.110.32/28`, `104.166.142.134`, `104.166.161.4` | UDP/TCP | `443` |

#### India

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service | `129.227.98.170`, `129.154.38.143` | UDP/TCP | `443` |
| Cloud Proxy | `129.227.217.128/28`, `129.227.108.208/28`, `128.1.105.112/28` | UDP/TCP | `443` |

#### Japan

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service | `52.68.71.190`, `168.138.222.84` | UDP/TCP | `443` |
| Cloud Proxy | `129.227.113.112/28`, `129.227.55.96/28`, `122.10.153.74`, `129.227.234.123` | UDP/TCP | `443` |

#### Asia, excluding Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service - Asia | `47.74.211.17`, `52.221.23.86`, `23.98.43.152`, `47.244.4.122`, `164.52.43.59`, `13.124.182.235` | UDP/TCP | `443` |
| Cloud Proxy  | `128.1.186.240/28`, `129.227.73.32/28`, `103.193.127.208/28` | UDP/TCP | `443` |

#### Mainland China

| Service type | IP addresses | Protocol | Port |
|--------------|--------------|----------|------|
| Signaling and AP Service | `52.80.192.229`, `47.96.234.219` | UDP/TCP | `443` |
| Cloud Proxy | `14.29.38.144/28`, `27.45.161.144/28`, `183.232.200.144/28`, `115.238.206.0/28`, `106.3.209.0/28`, `112.13.216.0/28`, `219.153.111.128/28`, `221.178.42.0/28`, `113.207.12.0/28` | UDP/TCP | `443` |
)";

/// One row of a cloud proxy table.
struct DocFlow {
  std::string region;
  std::string service;
  std::set<Transport> transports;
  PortSet ports;
  IpSet addresses;
  std::size_t address_count = 0;
};

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

/// The items of a cell written as "`a`, `b`".
std::vector<std::string> backticked(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = cell.find('`', pos)) != std::string_view::npos) {
    std::size_t end = cell.find('`', pos + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(cell.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

std::vector<DocFlow> doc_tables(std::string_view md) {
  // Region headings and service names as the page writes them.
  const std::map<std::string, std::string> regions = {
      {"North America", "north-america"}, {"Europe", "europe"},
      {"Asia, excluding Mainland China", "asia"}, {"Japan", "japan"},
      {"India", "india"}, {"Mainland China", "mainland-china"}};
  const std::map<std::string, std::string> services = {
      {"Signaling Service", "signaling"},
      {"Cloud Proxy", "cloud-proxy"},
      {"Signaling and AP Service", "signaling-ap"},
      {"Signaling and AP Service - Asia", "signaling-ap"}};
  std::vector<DocFlow> out;
  std::string region;
  std::size_t pos = 0;
  while (pos < md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string_view::npos) end = md.size();
    std::string_view line = md.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("#### ")) {
      auto it = regions.find(trimmed(line.substr(5)));
      if (it == regions.end()) {
        ADD_FAILURE() << "unknown region heading " << line;
        region.clear();
      } else {
        region = it->second;
      }
      continue;
    }
    if (!line.starts_with("|") || line.starts_with("|--") || line.starts_with("| Service type"))
      continue;
    std::vector<std::string> cells;
    std::size_t c = 1;
    while (c < line.size()) {
      std::size_t bar = line.find('|', c);
      if (bar == std::string_view::npos) break;
      cells.push_back(trimmed(line.substr(c, bar - c)));
      c = bar + 1;
    }
    if (cells.size() != 4) {
      ADD_FAILURE() << "bad table row " << line;
      continue;
    }
    DocFlow f;
    f.region = region;
    auto service = services.find(cells[0]);
    if (service == services.end()) {
      ADD_FAILURE() << "unknown service " << cells[0];
      continue;
    }
    f.service = service->second;
    for (const auto& a : backticked(cells[1])) {
      auto parsed = parse_cidr(a);
      if (!parsed) {
        ADD_FAILURE() << "bad address " << a;
        continue;
      }
      f.addresses.add(*parsed);
      ++f.address_count;
    }
    if (cells[2] == "UDP")
      f.transports = {Transport::Udp};
    else if (cells[2] == "TCP")
      f.transports = {Transport::Tcp};
    else if (cells[2] == "UDP/TCP")
      f.transports = {Transport::Udp, Transport::Tcp};
    else
      ADD_FAILURE() << "unknown protocol " << cells[2];
    for (const auto& p : backticked(cells[3])) {
      int lo = 0, hi = 0;
      if (std::sscanf(p.c_str(), "%d-%d", &lo, &hi) == 2)
        f.ports.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
      else if (std::sscanf(p.c_str(), "%d", &lo) == 1)
        f.ports.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(lo));
      else
        ADD_FAILURE() << "bad port " << p;
    }
    out.push_back(std::move(f));
  }
  return out;
}

const ProxyMode& mode(const SdkRequirements& s, const char* id) {
  if (!s.cloud_proxy) throw std::runtime_error("no cloud proxy in " + s.id);
  for (const auto& m : s.cloud_proxy->modes)
    if (m.id == id) return m;
  throw std::runtime_error("no proxy mode " + std::string(id) + " in " + s.id);
}

std::vector<std::string> mode_ids(const SdkRequirements& s) {
  std::vector<std::string> out;
  if (s.cloud_proxy)
    for (const auto& m : s.cloud_proxy->modes) out.push_back(m.id);
  return out;
}

/// "Open DNS resolution port `53` in addition to port `443`": one flow, to
/// any destination. The page names no protocol; the packs check UDP, the
/// transport of ordinary lookups.
void expect_dns_flow(const ProxyMode& m) {
  SCOPED_TRACE(m.id);
  int count = 0;
  for (const auto& f : m.flows) {
    if (f.service != "dns") continue;
    ++count;
    EXPECT_EQ(f.region, "");
    EXPECT_EQ(std::set<Transport>(f.transports.begin(), f.transports.end()),
              (std::set<Transport>{Transport::Udp}));
    EXPECT_EQ(as_ranges(f.ports), page_ports("53"));
    EXPECT_TRUE(f.addresses.empty());
    EXPECT_EQ(f.feature, "dns");
    EXPECT_EQ(f.note, "Open DNS resolution port 53 in addition to port 443");
  }
  EXPECT_EQ(count, 1);
}

/// The mode's flows, apart from DNS, are the page's rows: same regions and
/// services, transports (or `only` instead), ports and addresses.
void expect_tables(const ProxyMode& m, std::string_view md,
                   std::optional<Transport> only = std::nullopt) {
  SCOPED_TRACE(m.id);
  std::vector<DocFlow> doc = doc_tables(md);
  ASSERT_EQ(doc.size(), 12u);  // six regions, two rows each
  std::size_t non_dns = 0;
  for (const auto& f : m.flows)
    if (f.service != "dns") ++non_dns;
  EXPECT_EQ(non_dns, doc.size());
  for (const auto& d : doc) {
    SCOPED_TRACE(d.region + " " + d.service);
    const ProxyFlow* found = nullptr;
    for (const auto& f : m.flows)
      if (f.region == d.region && f.service == d.service) {
        EXPECT_EQ(found, nullptr) << "two flows";
        found = &f;
      }
    ASSERT_NE(found, nullptr);
    std::set<Transport> expected = only ? std::set<Transport>{*only} : d.transports;
    EXPECT_EQ(std::set<Transport>(found->transports.begin(), found->transports.end()), expected);
    EXPECT_EQ(found->transports.size(), expected.size());
    EXPECT_EQ(as_ranges(found->ports), as_ranges(d.ports));
    EXPECT_TRUE(found->addresses == d.addresses)
        << format_ipset(found->addresses) << " vs page " << format_ipset(d.addresses);
    EXPECT_EQ(found->feature, "");
  }
}

const char* const kProxyPage = "https://docs.agora.io/en/video-calling/reference/cloud-proxy-allowed-ips";

TEST(AgoraPacksCloudProxy, OnlyFrom2025) {
  for (const char* ver : {"2022-07", "2024-08"})
    for (const auto& s : pack(ver).sdks) EXPECT_FALSE(s.cloud_proxy) << ver << " " << s.id;
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    EXPECT_EQ(mode_ids(sdk(ver, "rtc-native")), (std::vector<std::string>{"force-udp", "force-tcp"}));
    EXPECT_EQ(mode_ids(sdk(ver, "rtc-web")), (std::vector<std::string>{"force-udp", "force-tcp"}));
    EXPECT_EQ(mode_ids(sdk(ver, "rtm-web")), (std::vector<std::string>{"default"}));
    for (const char* id : {"rtc-native", "rtc-web", "rtm-web"}) {
      const auto& cp = *sdk(ver, id).cloud_proxy;
      EXPECT_TRUE(cp.unpublished.empty()) << id;
      EXPECT_NE(cp.source.find(kProxyPage), std::string::npos) << id;
      EXPECT_NE(cp.source.find("_cloud-proxy-allowed-iplist.mdx"), std::string::npos) << id;
      EXPECT_NE(cp.source.find("2025-06"), std::string::npos) << id;
    }
    EXPECT_FALSE(sdk(ver, "rtm-native").cloud_proxy);
    EXPECT_FALSE(sdk(ver, "gaming").cloud_proxy);
  }
}

TEST(AgoraPacksCloudProxy, NativeRtc) {
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-native");
    const auto& udp = mode(s, "force-udp");
    EXPECT_EQ(udp.title, "Force UDP (setCloudProxy(TRANSPORT_TYPE_UDP_PROXY))");
    expect_tables(udp, kNativeForceUdp);
    expect_dns_flow(udp);
    const auto& tcp = mode(s, "force-tcp");
    EXPECT_NE(tcp.title.find("TRANSPORT_TYPE_TCP_PROXY"), std::string::npos);
    expect_tables(tcp, kNativeForceTcp);
    expect_dns_flow(tcp);
  }
}

TEST(AgoraPacksCloudProxy, NativeRtcSpotChecks) {
  // A few cells read directly, so that the table reader above is checked too.
  const auto& udp = mode(sdk("2026-02", "rtc-native"), "force-udp");
  const ProxyFlow* cn = nullptr;
  const ProxyFlow* na = nullptr;
  for (const auto& f : udp.flows) {
    if (f.region == "mainland-china" && f.service == "signaling") cn = &f;
    if (f.region == "north-america" && f.service == "cloud-proxy") na = &f;
  }
  ASSERT_NE(cn, nullptr);
  ASSERT_NE(na, nullptr);
  EXPECT_TRUE(cn->addresses == parse_cidr("106.14.12.130")->unite(*parse_cidr("118.190.148.38")));
  EXPECT_EQ(as_ranges(cn->ports), (Ranges{{8443, 8443}}));
  EXPECT_EQ(as_ranges(na->ports), (Ranges{{4590, 4600}, {8001, 8010}}));
  EXPECT_EQ(format_ipset(na->addresses).find("128.14.195.192/28") != std::string::npos, true)
      << format_ipset(na->addresses);
  EXPECT_EQ(na->transports, std::vector<Transport>{Transport::Udp});
}

TEST(AgoraPacksCloudProxy, WebRtc) {
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "rtc-web");
    const auto& udp = mode(s, "force-udp");
    EXPECT_NE(udp.title.find("startProxyServer(3)"), std::string::npos);
    expect_tables(udp, kWebRtc);
    expect_dns_flow(udp);
    // startProxyServer(5): "UDP port 443: Required for Proxy3 only (proxy4/5
    // only need TCP 443)".
    const auto& tcp = mode(s, "force-tcp");
    EXPECT_NE(tcp.title.find("startProxyServer(5)"), std::string::npos);
    EXPECT_NE(tcp.title.find("4.9.0"), std::string::npos);
    expect_tables(tcp, kWebRtc, Transport::Tcp);
    expect_dns_flow(tcp);
    for (const auto& f : tcp.flows) {
      if (f.service == "dns") continue;
      EXPECT_NE(f.note.find("UDP port 443: Required for Proxy3 only (proxy4/5 only need TCP 443)"),
                std::string::npos)
          << f.region << " " << f.service;
    }
  }
}

TEST(AgoraPacksCloudProxy, WebSignaling) {
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& m = mode(sdk(ver, "rtm-web"), "default");
    EXPECT_EQ(m.title, "Signaling cloud proxy");
    expect_tables(m, kWebSignaling);
    expect_dns_flow(m);
  }
}

TEST(AgoraPacksCloudProxy, RecordingListIsNotPublished) {
  // "After your request is approved, Agora provides a list of IP addresses and ports."
  for (const char* ver : {"2025-09", "2026-02"}) {
    SCOPED_TRACE(ver);
    const auto& s = sdk(ver, "recording");
    EXPECT_TRUE(s.cloud_proxy_only);
    ASSERT_TRUE(s.cloud_proxy);
    EXPECT_FALSE(s.cloud_proxy->unpublished.empty());
    EXPECT_TRUE(s.cloud_proxy->modes.empty());
    EXPECT_NE(s.cloud_proxy->source.find(
                  "https://docs.agora.io/en/on-premise-recording/develop/cloud-proxy"),
              std::string::npos);
    EXPECT_NE(s.cloud_proxy->unpublished.find("IP addresses and ports"), std::string::npos);
  }
}

}  // namespace
}  // namespace fwlint
