// SPDX-License-Identifier: Apache-2.0
// select_pack, find_sdk and flows_for: which pack, which SDK, which rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fwlint/requirements/pack.h"

namespace fwlint {
namespace {

RequirementPack make_pack(std::string name, std::string version) {
  RequirementPack p;
  p.name = std::move(name);
  p.version = std::move(version);
  return p;
}

SdkVersion v(const char* text) { return *SdkVersion::parse(text); }

const SdkRequirements& rtc_web() {
  const auto* pack = select_pack(builtin_packs(), "agora@2020-09");
  if (!pack || !pack->find_sdk("rtc-web")) throw std::runtime_error("no agora@2020-09 rtc-web");
  return *pack->find_sdk("rtc-web");
}

/// The UDP ports a version of rtc-web needs.
PortSet udp_ports(const std::optional<SdkVersion>& version) {
  PortSet out;
  for (const auto& row : flows_for(rtc_web(), version).ports)
    if (row.transport == Transport::Udp) out.add(row.ports);
  return out;
}

PortSet ranges(std::initializer_list<std::pair<int, int>> list) {
  PortSet s;
  for (auto [lo, hi] : list) s.add(static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi));
  return s;
}

TEST(SelectPack, NameMeansNewestVersion) {
  std::vector<RequirementPack> packs = {make_pack("agora", "2020-09"), make_pack("agora", "2026-02"),
                                        make_pack("agora", "2024-08"), make_pack("acme", "2030-01")};
  EXPECT_EQ(select_pack(packs, "agora"), &packs[1]);
  EXPECT_EQ(select_pack(packs, "acme"), &packs[3]);
  EXPECT_EQ(select_pack(packs, "agora@2020-09"), &packs[0]);
  EXPECT_EQ(select_pack(packs, "agora@2024-08"), &packs[2]);
  EXPECT_EQ(select_pack(packs, "agora@2021-01"), nullptr);
  EXPECT_EQ(select_pack(packs, "agora@"), nullptr);
  EXPECT_EQ(select_pack(packs, "nope"), nullptr);
  EXPECT_EQ(select_pack(packs, ""), nullptr);
  EXPECT_EQ(select_pack(packs, "@2020-09"), nullptr);
  EXPECT_EQ(select_pack({}, "agora"), nullptr);
}

TEST(SelectPack, LastOfEqualIdsWins) {
  // The CLI appends --rules packs after the built-in ones.
  std::vector<RequirementPack> packs = {make_pack("agora", "2020-09"), make_pack("agora", "2020-09"),
                                        make_pack("agora", "2019-01")};
  EXPECT_EQ(select_pack(packs, "agora"), &packs[1]);
  EXPECT_EQ(select_pack(packs, "agora@2020-09"), &packs[1]);
  EXPECT_EQ(select_pack(packs, "agora@2019-01"), &packs[2]);
}

TEST(SelectPack, BuiltinAgora) {
  const auto* newest = select_pack(builtin_packs(), "agora");
  ASSERT_NE(newest, nullptr);
  EXPECT_GE(newest->version, "2020-09");
  const auto* pinned = select_pack(builtin_packs(), "agora@2020-09");
  ASSERT_NE(pinned, nullptr);
  EXPECT_EQ(pinned->id(), "agora@2020-09");
}

TEST(FindSdk, ByIdOrAlias) {
  const auto* pack = select_pack(builtin_packs(), "agora@2020-09");
  ASSERT_NE(pack, nullptr);
  EXPECT_EQ(pack->find_sdk("rtm-web")->id, "rtm-web");
  EXPECT_EQ(pack->find_sdk("RTM-Web")->id, "rtm-web");
  EXPECT_EQ(pack->find_sdk("on-premise-recording")->id, "recording");
  EXPECT_EQ(pack->find_sdk("rtm"), nullptr);
  EXPECT_EQ(pack->find_sdk(""), nullptr);
}

TEST(FlowsFor, RtcWebUdpDependsOnTheVersion) {
  // "3478; 5866 - 6000 (2.9.0 or later); 10000 - 65535 (before 2.9.0)"
  EXPECT_EQ(udp_ports(v("2.8.9")), ranges({{3478, 3478}, {10000, 65535}}));
  EXPECT_EQ(udp_ports(v("2.8")), ranges({{3478, 3478}, {10000, 65535}}));
  EXPECT_EQ(udp_ports(v("1")), ranges({{3478, 3478}, {10000, 65535}}));
  EXPECT_EQ(udp_ports(v("2.9.0")), ranges({{3478, 3478}, {5866, 6000}}));
  EXPECT_EQ(udp_ports(v("2.9")), ranges({{3478, 3478}, {5866, 6000}}));
  EXPECT_EQ(udp_ports(v("4.24.5")), ranges({{3478, 3478}, {5866, 6000}}));
  // No version: latest_version, i.e. the newest behaviour.
  EXPECT_EQ(udp_ports(std::nullopt), ranges({{3478, 3478}, {5866, 6000}}));
}

TEST(FlowsFor, KeepsFeatureRowsAndDomains) {
  auto flows = flows_for(rtc_web(), v("3.0"));
  EXPECT_EQ(flows.ports.size(), 4u);  // tcp core, tcp rtmp-converter, udp 3478, udp >=2.9.0
  int features = 0;
  for (const auto& row : flows.ports)
    if (row.feature == "rtmp-converter") {
      ++features;
      EXPECT_EQ(row.ports, PortSet::range(30011, 30013));
    }
  EXPECT_EQ(features, 1);
  ASSERT_EQ(flows.domains.size(), 4u);
  EXPECT_EQ(flows.domains[0].text(), ".agora.io");
}

TEST(FlowsFor, WithoutLatestVersionUsesRowsWithoutUpperBound) {
  SdkRequirements sdk;
  sdk.id = "x";
  auto row = [](int port, std::optional<SdkVersion> min, std::optional<SdkVersion> before) {
    PortRequirement r;
    r.transport = Transport::Tcp;
    r.ports = PortSet::single(static_cast<std::uint16_t>(port));
    r.versions = {std::move(min), std::move(before)};
    return r;
  };
  sdk.ports = {row(1, std::nullopt, std::nullopt), row(2, v("2"), std::nullopt),
               row(3, std::nullopt, v("2")), row(4, v("1"), v("2"))};
  sdk.domains = {{*DomainName::parse("old.example"), {std::nullopt, v("2")}, {}},
                 {*DomainName::parse("all.example"), {}, {}},
                 {*DomainName::parse("all.example"), {v("3"), std::nullopt}, {}}};
  auto ports_of = [](const SdkFlows& f) {
    std::vector<int> out;
    for (const auto& r : f.ports) out.push_back(r.ports.intervals()[0].lo);
    return out;
  };
  auto unspecified = flows_for(sdk, std::nullopt);
  EXPECT_EQ(ports_of(unspecified), (std::vector<int>{1, 2}));
  ASSERT_EQ(unspecified.domains.size(), 1u);  // the same name is not listed twice
  EXPECT_EQ(unspecified.domains[0].text(), "all.example");
  EXPECT_EQ(ports_of(flows_for(sdk, v("1.5"))), (std::vector<int>{1, 3, 4}));
  EXPECT_EQ(flows_for(sdk, v("1.5")).domains.size(), 2u);
  EXPECT_EQ(ports_of(flows_for(sdk, v("0.1"))), (std::vector<int>{1, 3}));
  sdk.latest_version = v("1.9");
  EXPECT_EQ(ports_of(flows_for(sdk, std::nullopt)), (std::vector<int>{1, 3, 4}));
  sdk.cloud_proxy_only = true;
  EXPECT_TRUE(flows_for(sdk, std::nullopt).ports.empty());
  EXPECT_TRUE(flows_for(sdk, std::nullopt).domains.empty());
}

}  // namespace
}  // namespace fwlint
