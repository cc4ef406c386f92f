// SPDX-License-Identifier: Apache-2.0
// The pack options as a user runs them: optional features (--without),
// SDKs without published ports, opt-in SDKs, cloud-proxy checks
// (--cloud-proxy, --proxy-region), several packs in one run, and the dated
// Agora packs through --sdk-version and --diff-packs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

namespace fwlint::test {
namespace {

using nlohmann::json;

/// An ASA whose inside clients reach the Internet through `acl` lines
/// ("permit tcp any any eq 443", ...), followed by an explicit deny.
std::string asa_with(const std::vector<std::string>& acl) {
  std::string cfg =
      "ASA Version 9.8(2)\n"
      "interface GigabitEthernet0/0\n nameif outside\n security-level 0\n"
      " ip address 203.0.113.2 255.255.255.0\n"
      "interface GigabitEthernet0/1\n nameif inside\n security-level 100\n"
      " ip address 192.168.1.1 255.255.255.0\n";
  for (const auto& line : acl) cfg += "access-list inside_in extended " + line + "\n";
  cfg += "access-list inside_in extended deny ip any any\n";
  cfg += "access-group inside_in in interface inside\n";
  return cfg;
}

/// Line of `text` (1-based) that contains `needle`.
int line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

const json& only_check(const json& doc) {
  static const json none;
  const auto& checks = doc["files"][0]["checks"];
  EXPECT_EQ(checks.size(), 1u) << doc.dump(1);
  return checks.empty() ? none : checks[0];
}

/// "MODE VERDICT" of every check of a --cloud-proxy report, in order.
std::vector<std::string> mode_verdicts(const json& doc) {
  std::vector<std::string> out;
  for (const auto& c : doc["files"][0]["checks"])
    out.push_back(c.value("cloud_proxy_mode", "-") + " " + c["verdict"].get<std::string>());
  return out;
}

std::vector<std::string> finding_ids(const json& check) {
  std::vector<std::string> ids;
  for (const auto& f : check["findings"]) ids.push_back(f["id"]);
  return ids;
}

// A vendor pack with one optional feature that has ports of its own and one
// that has its own domains.
const char* kFeaturePack =
    "pack: acme\nversion: \"2025-01\"\ntitle: ACME\nsource: wiki\nsdks:\n"
    "  - id: phone\n    title: Phone\n"
    "    domains:\n      - a.example\n      - {name: b.example, feature: stream}\n"
    "    ports:\n"
    "      - {protocol: tcp, ports: 443}\n"
    "      - {protocol: tcp, ports: 8443, feature: recorder}\n"
    "      - {protocol: udp, ports: 5000, feature: stream}\n";

TEST(PackOptions, FeaturesAreCheckedByDefaultAndWithoutLeavesThemOut) {
  TempFile pack(kFeaturePack, ".yaml");
  TempFile cfg(asa_with({"permit tcp any any eq 443", "permit udp any any eq 5000"}));
  CliRun all = run_cli({"--rules", pack.path(), cfg.path(), "--format", "json"});
  ASSERT_EQ(all.exit_code, 1) << all.err;
  const json doc = json::parse(all.out);
  const json& check = only_check(doc);
  EXPECT_EQ(check["verdict"], "fail");
  EXPECT_EQ(check["features"], json::array({"recorder", "stream"}));
  EXPECT_EQ(check["features_left_out"], json::array());
  // The recorder's port goes to the core domain; the stream's to its own.
  bool recorder_blocked = false, stream_allowed = false;
  for (const auto& flow : check["flows"]) {
    if (flow.value("feature", "") == "recorder") {
      EXPECT_EQ(flow["domains"], json::array({"a.example"}));
      recorder_blocked = flow["verdict"] == "blocked";
    }
    if (flow.value("feature", "") == "stream") {
      EXPECT_EQ(flow["domains"], json::array({"b.example"}));
      EXPECT_EQ(flow["protocol"], "udp");
      stream_allowed = flow["verdict"] == "allowed";
    }
  }
  EXPECT_TRUE(recorder_blocked);
  EXPECT_TRUE(stream_allowed);
  EXPECT_NE(check["findings"][0]["message"].get<std::string>().find("tcp 8443 for recorder to a.example"),
            std::string::npos);

  CliRun without = run_cli({"--rules", pack.path(), cfg.path(), "--without", "recorder", "--format", "json"});
  ASSERT_EQ(without.exit_code, 0) << without.out;
  const json left_doc = json::parse(without.out);
  const json& left = only_check(left_doc);
  EXPECT_EQ(left["verdict"], "pass");
  EXPECT_EQ(left["features"], json::array({"stream"}));
  EXPECT_EQ(left["features_left_out"], json::array({"recorder"}));

  // The text header says what the verdict covers.
  CliRun text = run_cli({"--rules", pack.path(), cfg.path(), "--without", "recorder"});
  EXPECT_NE(text.out.find("with stream, without recorder"), std::string::npos) << text.out;

  CliRun bad = run_cli({"--rules", pack.path(), cfg.path(), "--without", "fax"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown feature 'fax' for --without (the checked SDKs have: recorder, stream)"),
            std::string::npos)
      << bad.err;
}

const char* kDomainOnlyPack =
    "pack: acme\nversion: \"2025-01\"\ntitle: ACME\nsource: release notes\nsdks:\n"
    "  - id: core\n    title: Core\n    ports: [{protocol: tcp, ports: 443}]\n"
    "  - id: locked\n    title: Locked-down mode\n    checked_by_default: false\n"
    "    ports_unpublished: true\n    domains: [.x.example]\n";

TEST(PackOptions, UnpublishedPortsFailOnlyWhenEveryPortIsBlocked) {
  TempFile pack(kDomainOnlyPack, ".yaml");
  auto run = [&](const std::vector<std::string>& acl) {
    TempFile cfg(asa_with(acl));
    return run_cli({"--rules", pack.path(), "--sdk", "locked", cfg.path(), "--format", "json"});
  };
  const int deny_line = line_of(asa_with({}), "deny ip any any");
  CliRun blocked = run({});
  ASSERT_EQ(blocked.exit_code, 1) << blocked.err;
  const json b_doc = json::parse(blocked.out);
  const json& b = only_check(b_doc);
  EXPECT_EQ(b["verdict"], "fail");
  EXPECT_EQ(finding_ids(b), (std::vector<std::string>{"FWL002", "FWL002"}));
  EXPECT_NE(b["findings"][0]["message"].get<std::string>().find(
                "required domain .x.example is blocked on every tcp port by line " + std::to_string(deny_line)),
            std::string::npos)
      << b["findings"][0]["message"];

  CliRun some = run({"permit tcp any any eq 443"});
  ASSERT_EQ(some.exit_code, 1);
  const json s_doc = json::parse(some.out);
  const json& s = only_check(s_doc);
  EXPECT_EQ(s["verdict"], "unknown");
  EXPECT_EQ(finding_ids(s), (std::vector<std::string>{"FWL004", "FWL004"}));
  EXPECT_NE(s["findings"][0]["message"].get<std::string>().find("the source lists no ports for this SDK"),
            std::string::npos);

  CliRun open = run({"permit ip any any"});
  EXPECT_EQ(open.exit_code, 0) << open.out;
  const json open_doc = json::parse(open.out);
  EXPECT_EQ(only_check(open_doc)["verdict"], "pass");
}

TEST(PackOptions, AnSdkThatIsNotCheckedByDefaultNeedsSdk) {
  TempFile pack(kDomainOnlyPack, ".yaml");
  TempFile cfg(asa_with({"permit tcp any any eq 443"}));
  CliRun run = run_cli({"--rules", pack.path(), cfg.path(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const json run_doc = json::parse(run.out);
  EXPECT_EQ(only_check(run_doc)["sdk"], "core");
  CliRun list = run_cli({"--rules", pack.path(), "--list-sdks"});
  EXPECT_NE(list.out.find("Locked-down mode (only with --sdk)"), std::string::npos) << list.out;
}

const char* kProxyPack =
    "pack: acme\nversion: \"2025-01\"\ntitle: ACME\nsource: wiki\nsdks:\n"
    "  - id: media\n    title: Media SDK\n    cloud_proxy_only: true\n"
    "    proxy_note: Use the ACME relay.\n"
    "    cloud_proxy:\n      source: relay page\n      modes:\n"
    "        - id: force-udp\n          title: Relay over UDP\n          flows:\n"
    "            - {region: eu, protocol: udp, ports: 4000, addresses: [198.51.100.0/28]}\n"
    "            - {region: us, protocol: udp, ports: 4000, addresses: [198.51.100.16/28]}\n"
    "            - {service: dns, protocol: udp, ports: 53, feature: dns}\n"
    "        - id: force-tcp\n          title: Relay over TLS\n          flows:\n"
    "            - {protocol: tcp, ports: 443, addresses: [198.51.100.0/27]}\n"
    "  - id: recorder\n    title: Recorder\n    cloud_proxy_only: true\n"
    "    proxy_note: Use the ACME relay.\n"
    "    cloud_proxy: {source: support, unpublished: ACME sends the list on request.}\n";

TEST(PackOptions, CloudProxyChecksEachModeAgainstItsAddresses) {
  TempFile pack(kProxyPack, ".yaml");
  TempFile cfg(asa_with({"permit udp any 198.51.100.0 255.255.255.240 eq 4000",
                         "permit tcp any any eq 443"}));
  // Without --cloud-proxy a proxy-only SDK is a note, and the note says
  // that --cloud-proxy can check it.
  CliRun plain = run_cli({"--rules", pack.path(), "--sdk", "media", cfg.path()});
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_NE(plain.out.find("Use the ACME relay. (--cloud-proxy checks what the proxy needs)"),
            std::string::npos)
      << plain.out;

  CliRun both = run_cli({"--rules", pack.path(), "--sdk", "media", "--cloud-proxy", cfg.path(), "--format", "json"});
  ASSERT_EQ(both.exit_code, 1) << both.err;
  const json doc = json::parse(both.out);
  ASSERT_EQ(mode_verdicts(doc), (std::vector<std::string>{"force-udp fail", "force-tcp pass"}));
  const auto& checks = doc["files"][0]["checks"];
  EXPECT_EQ(checks[0]["features"], json::array({"dns"}));
  // The US relay and DNS are blocked; the blocked flows name their
  // destinations (DNS goes to any destination and names none).
  std::vector<std::string> blocked;
  for (const auto& f : checks[0]["flows"])
    if (f["verdict"] == "blocked")
      blocked.push_back(f["protocol"].get<std::string>() + " " + std::to_string(f["ports"][0][0].get<int>()) +
                        (f.contains("destinations") ? " " + f["destinations"][0].get<std::string>() : ""));
  std::sort(blocked.begin(), blocked.end());
  EXPECT_EQ(blocked, (std::vector<std::string>{"udp 4000 198.51.100.16/28", "udp 53"}));
  EXPECT_NE(checks[0]["findings"][0]["message"].get<std::string>().find("media (cloud proxy force-udp): required udp"),
            std::string::npos);

  // One region, without DNS: what an admin restricted to Europe runs.
  CliRun eu = run_cli({"--rules", pack.path(), "--sdk", "media", "--cloud-proxy", "--proxy-mode", "force-udp", "--proxy-region", "eu",
                       "--without", "dns", cfg.path()});
  EXPECT_EQ(eu.exit_code, 0) << eu.out;
  EXPECT_NE(eu.out.find("media via cloud proxy force-udp (acme@2025-01, without dns"), std::string::npos) << eu.out;

  EXPECT_EQ(run_cli({"--rules", pack.path(), "--cloud-proxy", "--proxy-mode", "udp", cfg.path()}).exit_code, 2);
  EXPECT_EQ(run_cli({"--rules", pack.path(), "--cloud-proxy", "--proxy-region", "asia", cfg.path()}).exit_code, 2);
  EXPECT_EQ(run_cli({"--rules", pack.path(), "--proxy-region", "eu", cfg.path()}).exit_code, 2);
  EXPECT_EQ(run_cli({"--rules", pack.path(), "--proxy-mode", "force-udp", cfg.path()}).exit_code, 2);
}

TEST(PackOptions, AnUnpublishedProxyListIsANoteThatSaysHowToSupplyIt) {
  TempFile pack(kProxyPack, ".yaml");
  TempFile cfg(asa_with({}));
  CliRun run = run_cli({"--rules", pack.path(), "--sdk", "recorder", "--cloud-proxy", cfg.path(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const json check_doc = json::parse(run.out);
  const json& check = only_check(check_doc);
  EXPECT_EQ(check["verdict"], "proxy-required");
  ASSERT_EQ(finding_ids(check), (std::vector<std::string>{"FWL003"}));
  const std::string message = check["findings"][0]["message"];
  EXPECT_NE(message.find("publishes no cloud-proxy address list"), std::string::npos) << message;
  EXPECT_NE(message.find("ACME sends the list on request."), std::string::npos) << message;
  EXPECT_NE(message.find("--rules"), std::string::npos) << message;
}

TEST(PackOptions, SeveralPacksInOneRun) {
  TempFile feature_pack(kFeaturePack, ".yaml");
  TempFile other(
      "pack: intranet\nversion: \"2024-02\"\ntitle: Intranet\nsource: wiki\nsdks:\n"
      "  - id: wiki\n    title: Wiki\n    domains: [wiki.example]\n    ports: [{protocol: tcp, ports: 443}]\n",
      ".yaml");
  TempFile cfg(asa_with({"permit tcp any any eq 443", "permit udp any any eq 5000"}));
  // Without --pack every --rules pack is checked.
  CliRun run = run_cli({"--rules", feature_pack.path(), "--rules", other.path(), cfg.path(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const json doc = json::parse(run.out);
  std::vector<std::string> checked;
  for (const auto& c : doc["files"][0]["checks"]) checked.push_back(c["pack"].get<std::string>() + " " + c["sdk"].get<std::string>());
  EXPECT_EQ(checked, (std::vector<std::string>{"acme@2025-01 phone", "intranet@2024-02 wiki"}));
  // With several packs, findings say which pack they are about.
  EXPECT_NE(doc["files"][0]["checks"][0]["findings"][0]["message"].get<std::string>().find("acme@2025-01 phone: "),
            std::string::npos);

  // The same SDK under two dated Agora packs: one result each.
  CliRun agora = run_cli({"--pack", "agora@2020-09", "--pack", "agora", "--sdk", "rtc-web", cfg.path(), "--format", "json"});
  const json both = json::parse(agora.out);
  ASSERT_EQ(both["files"][0]["checks"].size(), 2u);
  EXPECT_EQ(both["files"][0]["checks"][0]["pack"], "agora@2020-09");
  EXPECT_EQ(both["files"][0]["checks"][1]["pack"], "agora@2026-02");

  // An SDK is looked up in every selected pack; a pack without it is skipped.
  CliRun one = run_cli({"--rules", feature_pack.path(), "--rules", other.path(), "--pack", "acme", "--pack",
                        "intranet", "--sdk", "wiki",
                        cfg.path(), "--format", "json"});
  EXPECT_EQ(one.exit_code, 0) << one.out;
  const json one_doc = json::parse(one.out);
  EXPECT_EQ(only_check(one_doc)["pack"], "intranet@2024-02");

  CliRun unknown = run_cli({"--pack", "agora", "--pack", "agora@2020-09", "--sdk", "nope", cfg.path()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown SDK 'nope' in the selected packs"), std::string::npos) << unknown.err;
}

/// Ports of every flow of `check` on `protocol`, as "lo-hi" strings.
std::vector<std::string> ports_of(const json& check, const std::string& protocol) {
  std::vector<std::string> out;
  for (const auto& f : check["flows"])
    if (f["protocol"] == protocol)
      for (const auto& r : f["ports"]) out.push_back(std::to_string(r[0].get<int>()) + "-" + std::to_string(r[1].get<int>()));
  std::sort(out.begin(), out.end());
  return out;
}

bool has_domain(const json& check, const std::string& domain) {
  for (const auto& f : check["flows"])
    for (const auto& d : f["domains"])
      if (d == domain) return true;
  return false;
}

TEST(PackOptions, SdkVersionPicksTheRowsOfTheDatedAgoraPacks) {
  TempFile cfg(asa_with({"permit ip any any"}));
  auto check = [&](const std::string& pack, const std::string& sdk, const std::string& version) {
    std::vector<std::string> args{"--pack", pack, "--sdk", sdk, cfg.path(), "--format", "json"};
    if (!version.empty()) args.insert(args.end(), {"--sdk-version", version});
    CliRun run = run_cli(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out)["files"][0]["checks"][0];
  };
  // Web SDK before 2.9.0: UDP 10000-65535 instead of 4700-5000.
  EXPECT_EQ(ports_of(check("agora", "rtc-web", "2.8.0"), "udp"),
            (std::vector<std::string>{"10000-65535", "3478-3478"}));
  EXPECT_EQ(ports_of(check("agora", "rtc-web", ""), "udp"), (std::vector<std::string>{"3478-3478", "4700-5000"}));
  // Web SDK 4.0.0 up to 4.4.0 (and 3.x before 3.5.0): .agoraio.cn instead of .sd-rtn.com.
  for (const char* v : {"4.3.0", "3.4.0"}) {
    json c = check("agora", "rtc-web", v);
    EXPECT_TRUE(has_domain(c, ".agoraio.cn")) << v;
    EXPECT_FALSE(has_domain(c, ".sd-rtn.com")) << v;
  }
  for (const char* v : {"4.4.0", "3.5.0", ""}) {
    json c = check("agora", "rtc-web", v);
    EXPECT_FALSE(has_domain(c, ".agoraio.cn")) << v;
    EXPECT_TRUE(has_domain(c, ".sd-rtn.com")) << v;
  }
  // Signaling 1.x also needs TCP 9601 (pages from 2024-09 on).
  auto tcp_has_9601 = [](const json& c) {
    for (const auto& f : c["flows"])
      if (f["protocol"] == "tcp")
        for (const auto& r : f["ports"])
          if (r[0] <= 9601 && 9601 <= r[1]) return true;
    return false;
  };
  EXPECT_TRUE(tcp_has_9601(check("agora", "rtm-web", "1.5.0")));
  EXPECT_FALSE(tcp_has_9601(check("agora", "rtm-web", "")));
  EXPECT_FALSE(tcp_has_9601(check("agora@2024-08", "rtm-web", "1.5.0")));
  EXPECT_TRUE(tcp_has_9601(check("agora@2022-07", "rtm-web", "")));
}

TEST(PackOptions, DiffOfConsecutiveAgoraPacksIsTheDocumentedChange) {
  CliRun tcp3478 = run_cli({"--diff-packs", "agora@2025-09", "agora@2026-02"});
  ASSERT_EQ(tcp3478.exit_code, 0) << tcp3478.err;
  EXPECT_EQ(tcp3478.out,
            "agora@2025-09 (2025-09-15) -> agora@2026-02 (2026-02-11)\n"
            "\nrtc-web:\n"
            "  + tcp 3478\n");
  CliRun signaling = run_cli({"--diff-packs", "agora@2024-08", "agora@2025-09"});
  EXPECT_NE(signaling.out.find("\nrtm-web:\n  + tcp 9601 (SDK before 2.0.0)\n"), std::string::npos) << signaling.out;
  EXPECT_NE(signaling.out.find(
                "\nrtc-web:\n  + domains .ap.sd-rtn.com, .statscollector.sd-rtn.com, .webrtc-cloud-proxy.sd-rtn.com\n"),
            std::string::npos)
      << signaling.out;
  EXPECT_NE(signaling.out.find("\nrtc-native-domain-limit (new SDK):\n  + domains .rtnsvc.com, .realtimemesh.com\n"),
            std::string::npos)
      << signaling.out;
  CliRun revamp = run_cli({"--diff-packs", "agora@2022-07", "agora@2024-08"});
  EXPECT_NE(revamp.out.find("  + udp 4001-4150 (stream-channel)\n"), std::string::npos) << revamp.out;
  EXPECT_NE(revamp.out.find("  + tcp 443, 7384\n"), std::string::npos) << revamp.out;
}

TEST(PackOptions, BuiltInCloudProxyListsCheckTheNativeSdk) {
  // A firewall that lets TLS out anywhere but UDP only to DNS: the Force TCP
  // mode works, the Force UDP mode does not.
  TempFile cfg(asa_with({"permit tcp any any eq 443", "permit udp any any eq 53"}));
  CliRun run = run_cli({"--sdk", "rtc-native", "--cloud-proxy", cfg.path(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const json doc = json::parse(run.out);
  ASSERT_EQ(mode_verdicts(doc), (std::vector<std::string>{"force-udp fail", "force-tcp pass"}));
  const auto& checks = doc["files"][0]["checks"];
  EXPECT_EQ(line_of(asa_with({"permit tcp any any eq 443", "permit udp any any eq 53"}), "deny ip any any"),
            checks[0]["findings"][0]["line"].get<int>());
}

}  // namespace
}  // namespace fwlint::test
