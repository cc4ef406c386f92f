// SPDX-License-Identifier: Apache-2.0
// The built-in Agora pack against the seed page (seeds/000_4e67e0e5b74e4d76.txt,
// "Firewall Requirements", updated 2020-09-15). The expected values below were
// copied by hand from that page, not from rules/agora-2020-09.yaml, so a typo in
// either shows up here.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fwlint/requirements/pack.h"
#include "requirements/page_values.h"

namespace fwlint {
namespace {

using test::as_ranges;
using test::page_ports;
using test::row;
using test::row_ports;

std::set<std::string> page_domains(std::initializer_list<const char*> names) {
  return {names.begin(), names.end()};
}

std::set<std::string> domain_texts(const SdkRequirements& sdk) {
  std::set<std::string> out;
  for (const auto& d : sdk.domains) {
    EXPECT_TRUE(d.versions.unbounded()) << d.domain.text();
    out.insert(d.domain.text());
  }
  return out;
}

const RequirementPack& agora() {
  const RequirementPack* pack = select_pack(builtin_packs(), "agora@2020-09");
  if (!pack) throw std::runtime_error("no built-in pack agora@2020-09");
  return *pack;
}

const SdkRequirements& sdk(const char* id) {
  const SdkRequirements* s = agora().find_sdk(id);
  if (!s) throw std::runtime_error(std::string("no sdk ") + id);
  return *s;
}

TEST(BuiltinPack, Metadata) {
  const auto& p = agora();
  EXPECT_EQ(p.name, "agora");
  EXPECT_EQ(p.version, "2020-09");
  EXPECT_EQ(p.id(), "agora@2020-09");
  EXPECT_EQ(p.title, "Firewall Requirements");
  EXPECT_EQ(p.date, "2020-09-15");
  EXPECT_NE(p.source.find("https://docs.agora.io/en/Agora%20Platform/firewall"), std::string::npos);
  EXPECT_NE(p.source.find("seeds/000"), std::string::npos);
  std::vector<std::string> ids;
  for (const auto& s : p.sdks) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"rtc-web", "rtc-native", "rtm-native", "rtm-web",
                                           "recording", "gaming"}));
}

TEST(BuiltinPack, RtcWeb) {
  const auto& s = sdk("rtc-web");
  EXPECT_FALSE(s.cloud_proxy_only);
  EXPECT_EQ(domain_texts(s),
            page_domains({".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"}));
  ASSERT_EQ(s.ports.size(), 5u);
  // TCP: "80; 443; 3433; 5668; 5669; 5866 - 6000; 6080; 6443; 8667; 9667; 30011 - 30013 (for RTMP converter)"
  EXPECT_EQ(row_ports(s, Transport::Tcp, ""),
            page_ports("80; 443; 3433; 5668; 5669; 5866 - 6000; 6080; 6443; 8667; 9667"));
  const auto& rtmp = row(s, Transport::Tcp, "rtmp-converter");
  EXPECT_EQ(as_ranges(rtmp.ports), page_ports("30011 - 30013"));
  EXPECT_NE(rtmp.note.find("RTMP converter"), std::string::npos);
  // UDP: "3478; 5866 - 6000 (2.9.0 or later); 10000 - 65535 (before 2.9.0)"
  EXPECT_EQ(row_ports(s, Transport::Udp, ""), page_ports("3478"));
  EXPECT_EQ(row_ports(s, Transport::Udp, "", "2.9.0"), page_ports("5866 - 6000"));
  EXPECT_EQ(row_ports(s, Transport::Udp, "", nullptr, "2.9.0"), page_ports("10000 - 65535"));
  ASSERT_TRUE(s.latest_version);
  EXPECT_GE(*s.latest_version, *SdkVersion::parse("2.9.0"));
}

TEST(BuiltinPack, RtmNative) {
  const auto& s = sdk("rtm-native");
  EXPECT_FALSE(s.cloud_proxy_only);
  EXPECT_EQ(domain_texts(s), page_domains({".agora.io"}));
  ASSERT_EQ(s.ports.size(), 2u);
  EXPECT_EQ(row_ports(s, Transport::Tcp, ""), page_ports("9130; 9131"));
  EXPECT_EQ(row_ports(s, Transport::Udp, ""), page_ports("8000; 1080; 25000"));
}

TEST(BuiltinPack, RtmWeb) {
  const auto& s = sdk("rtm-web");
  EXPECT_FALSE(s.cloud_proxy_only);
  EXPECT_EQ(domain_texts(s),
            page_domains({".agora.io", ".agoraio.cn", ".edge.agora.io", ".edge.agoraio.cn",
                          "ap-web-1.agora.io", "ap-web-1.agoraio.cn", "ap-web-2.agora.io",
                          "ap-web-2.agoraio.cn", "webcollector-rtm.agora.io",
                          "logservice-rtm.agora.io", "webcollector-rtm.agoraio.cn",
                          "logservice-rtm.agoraio.cn"}));
  EXPECT_EQ(s.domains.size(), 12u);
  ASSERT_EQ(s.ports.size(), 1u);
  EXPECT_EQ(row_ports(s, Transport::Tcp, ""), page_ports("443; 6443; 9591; 9593"));
}

TEST(BuiltinPack, WildcardAndHostDomainsKeepTheirKind) {
  const auto& s = sdk("rtm-web");
  for (const auto& d : s.domains) EXPECT_EQ(d.domain.wildcard, d.domain.text().starts_with('.'));
  EXPECT_EQ(s.domains[4].domain.name, "ap-web-1.agora.io");
  EXPECT_FALSE(s.domains[4].domain.wildcard);
  EXPECT_EQ(s.domains[0].domain.name, "agora.io");
  EXPECT_TRUE(s.domains[0].domain.wildcard);
}

TEST(BuiltinPack, CloudProxyOnlySdks) {
  // "... does not support accessing Agora's service by adding whitelist domians."
  struct Expected {
    const char* id;
    const char* title_part;
    const char* proxy_page;
  };
  for (const Expected& e : {Expected{"rtc-native", "RTC", "Cloud Proxy for the RTC Native SDK"},
                            Expected{"recording", "On-premise Recording",
                                     "Cloud Proxy for the On-premise Recording SDK"},
                            Expected{"gaming", "Gaming", "Cloud Proxy for the Gaming SDK"}}) {
    const auto& s = sdk(e.id);
    EXPECT_TRUE(s.cloud_proxy_only) << e.id;
    EXPECT_NE(s.title.find(e.title_part), std::string::npos) << e.id;
    EXPECT_TRUE(s.ports.empty()) << e.id;
    EXPECT_TRUE(s.domains.empty()) << e.id;
    EXPECT_NE(s.proxy_note.find("Agora recommends using the cloud proxy service"),
              std::string::npos)
        << e.id;
    EXPECT_NE(s.proxy_note.find(e.proxy_page), std::string::npos) << e.id;
    EXPECT_TRUE(flows_for(s, std::nullopt).ports.empty());
  }
  EXPECT_EQ(agora().find_sdk("on-premise-recording"), &sdk("recording"));
}

TEST(BuiltinPack, LoadedOnceAndSorted) {
  const auto& a = builtin_packs();
  const auto& b = builtin_packs();
  EXPECT_EQ(&a, &b);
  ASSERT_FALSE(a.empty());
  for (std::size_t i = 1; i < a.size(); ++i)
    EXPECT_LT(std::pair(a[i - 1].name, a[i - 1].version), std::pair(a[i].name, a[i].version));
}

}  // namespace
}  // namespace fwlint
